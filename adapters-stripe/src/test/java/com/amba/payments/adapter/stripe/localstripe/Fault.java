package com.amba.payments.adapter.stripe.localstripe;

import java.time.Duration;

/**
 * Something going wrong between Amba and Stripe, injected by a test for the next request. A fault happens in
 * front of the API: nothing is executed or saved for the idempotency key, except for a slow answer, which is
 * executed (late) and saved, as when Stripe did the work but the answer arrived after the client gave up.
 */
public sealed interface Fault {

    /** 500 {@code api_error}. */
    record ServerError() implements Fault {}

    /** 429 {@code rate_limit}. */
    record RateLimited() implements Fault {}

    /** The request is executed only after {@code delay}; with a shorter read timeout the client never sees it. */
    record SlowAnswer(Duration delay) implements Fault {}

    /** The connection closes without an answer. */
    record DroppedConnection() implements Fault {}

    static Fault serverError() {
        return new ServerError();
    }

    static Fault rateLimited() {
        return new RateLimited();
    }

    static Fault slowAnswer(Duration delay) {
        return new SlowAnswer(delay);
    }

    static Fault droppedConnection() {
        return new DroppedConnection();
    }
}
