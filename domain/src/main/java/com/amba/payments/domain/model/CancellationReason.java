package com.amba.payments.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** Why an intent is canceled, as Stripe's {@code cancellation_reason} allows a caller to say. */
public enum CancellationReason {
    REQUESTED_BY_CUSTOMER("requested_by_customer"),
    DUPLICATE("duplicate"),
    FRAUDULENT("fraudulent"),
    ABANDONED("abandoned");

    private final String wireName;

    CancellationReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CancellationReason> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
