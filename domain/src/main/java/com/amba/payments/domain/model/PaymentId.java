package com.amba.payments.domain.model;

import java.util.Optional;
import java.util.regex.Pattern;

/** A payment is known by its provider PaymentIntent id, {@code pi_…}. */
public record PaymentId(String value) {

    private static final Pattern SHAPE = Pattern.compile("pi_[A-Za-z0-9]{1,64}");

    public PaymentId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a payment id: " + value);
        }
    }

    /** An id from the outside world; a malformed one is simply not a payment of anyone's. */
    public static Optional<PaymentId> parse(String value) {
        return value != null && SHAPE.matcher(value).matches()
                ? Optional.of(new PaymentId(value)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
