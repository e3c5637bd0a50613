package com.amba.payments.domain.model;

/** The caller's own order reference; makes a retried create idempotent within its project. */
public record ClientReference(String value) {

    public static final int MAXIMUM_LENGTH = 255;

    public ClientReference {
        if (value == null || value.isEmpty() || value.length() > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("client reference must be 1 to 255 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
