package com.amba.payments.adapter.stripe.localstripe;

import java.util.Optional;

/**
 * One request as the local server saw it, for tests that prove the wire format. {@code status} is what was
 * answered ({@link #NO_ANSWER} when the connection was dropped); {@code replayed} when the answer was an
 * idempotent replay of an earlier one.
 */
public record RecordedRequest(String method, String path, Optional<String> stripeAccount,
                              Optional<String> idempotencyKey, FormBody form, int status, boolean replayed) {

    public static final int NO_ANSWER = -1;

    public boolean is(String method, String path) {
        return this.method.equals(method) && this.path.equals(path);
    }
}
