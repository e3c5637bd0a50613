package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Objects;

/** A payment's dispute as the ledger knows it; {@code statusAsOf} is the provider's time of the latest fact. */
public record Dispute(PaymentId paymentId, DisputeStatus status, Money amount, Instant statusAsOf, long version) {

    public Dispute {
        Objects.requireNonNull(paymentId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(amount);
    }
}
