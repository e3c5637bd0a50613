package com.amba.payments.domain.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** A project's Stripe Connect account, {@code acct_…}. */
public record ConnectedAccountId(String value) {

    private static final Pattern SHAPE = Pattern.compile("acct_[A-Za-z0-9]{1,64}");

    public ConnectedAccountId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a connected account id: " + value);
        }
    }

    public static Optional<ConnectedAccountId> parse(String value) {
        return value != null && SHAPE.matcher(value).matches()
                ? Optional.of(new ConnectedAccountId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
