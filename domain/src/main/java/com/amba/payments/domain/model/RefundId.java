package com.amba.payments.domain.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** A refund is known by its provider Refund id, {@code re_…} (Stripe also issues {@code pyr_…} for some methods). */
public record RefundId(String value) {

    private static final Pattern SHAPE = Pattern.compile("(re|pyr)_[A-Za-z0-9]{1,64}");

    public RefundId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a refund id: " + value);
        }
    }

    public static Optional<RefundId> parse(String value) {
        return value != null && SHAPE.matcher(value).matches() ? Optional.of(new RefundId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
