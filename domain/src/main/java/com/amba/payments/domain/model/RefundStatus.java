package com.amba.payments.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** Where a refund stands, in Stripe's words. Succeeded, failed and canceled are final. */
public enum RefundStatus {
    PENDING("pending"),
    REQUIRES_ACTION("requires_action"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    CANCELED("canceled");

    private final String wireName;

    RefundStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELED;
    }

    /** Money that is on its way back, or back already: it is no longer refundable. */
    public boolean holdsMoney() {
        return this == PENDING || this == REQUIRES_ACTION || this == SUCCEEDED;
    }

    public static Optional<RefundStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
