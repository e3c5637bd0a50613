package com.amba.payments.domain.model;

import java.util.Locale;

/** Where a delivery stands: still trying, answered 2xx, or given up after the retry window. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
