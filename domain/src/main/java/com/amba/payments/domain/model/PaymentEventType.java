package com.amba.payments.domain.model;

/** What downstream services are told about a payment. */
public enum PaymentEventType {
    CREATED("amba.payment.created"),
    STATUS_CHANGED("amba.payment.status_changed");

    private final String wireName;

    PaymentEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
