package com.amba.payments.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** Where a payment stands, in Stripe's words. Succeeded and canceled are final. */
public enum PaymentStatus {
    REQUIRES_PAYMENT_METHOD("requires_payment_method"),
    REQUIRES_CONFIRMATION("requires_confirmation"),
    REQUIRES_ACTION("requires_action"),
    PROCESSING("processing"),
    REQUIRES_CAPTURE("requires_capture"),
    SUCCEEDED("succeeded"),
    CANCELED("canceled");

    private final String wireName;

    PaymentStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return this == SUCCEEDED || this == CANCELED;
    }

    public static Optional<PaymentStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
