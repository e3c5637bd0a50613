package com.amba.payments.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** Why money goes back, in Stripe's words. */
public enum RefundReason {
    DUPLICATE("duplicate"),
    FRAUDULENT("fraudulent"),
    REQUESTED_BY_CUSTOMER("requested_by_customer");

    private final String wireName;

    RefundReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<RefundReason> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
