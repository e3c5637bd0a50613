package com.amba.payments.domain.model;

/**
 * The caller's text about a payment, passed to the provider intent as Stripe's {@code description} (shown in
 * its dashboard and on receipts): 1 to 1000 characters.
 */
public record Description(String value) {

    public static final int MAXIMUM_LENGTH = 1000;

    public Description {
        if (value == null || value.isEmpty() || Metadata.characters(value) > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("a description is 1 to 1000 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
