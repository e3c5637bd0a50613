package com.amba.payments.domain.model;

import java.util.Objects;

/**
 * What recording a new payment answered: the payment as stored (the existing one when a retry reached the same
 * provider intent), and whether provider events for it were already parked (they raced the create).
 */
public record RecordedCreation(Payment payment, boolean eventsParked) {

    public RecordedCreation {
        Objects.requireNonNull(payment, "payment");
    }
}
