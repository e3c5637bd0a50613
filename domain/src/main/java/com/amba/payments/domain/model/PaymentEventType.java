package com.amba.payments.domain.model;

/** What downstream services are told about a payment, its refunds and its dispute. */
public enum PaymentEventType {
    CREATED("amba.payment.created"),
    STATUS_CHANGED("amba.payment.status_changed"),
    REFUND_CREATED("amba.refund.created"),
    REFUND_STATUS_CHANGED("amba.refund.status_changed"),
    DISPUTE_CHANGED("amba.payment.dispute_changed");

    private final String wireName;

    PaymentEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
