package com.amba.payments.domain.model;

import java.util.Optional;

/** A payment's dispute appearing or moving, with its event; applies only if the dispute is still {@code before}. */
public record DisputeChange(Optional<Dispute> before, Dispute after, PaymentEvent outgoing) {

    public long expectedVersion() {
        return before.map(Dispute::version).orElse(-1L);
    }
}
