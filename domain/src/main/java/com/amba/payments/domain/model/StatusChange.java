package com.amba.payments.domain.model;

/**
 * A payment moving from one status to another, and what downstream services are told about it. Applies only
 * if the payment is still at {@code expectedVersion}; otherwise someone else moved it first. {@code cause} names
 * what moved it (a provider event id, or the reconciler's re-read) for the payment's history.
 */
public record StatusChange(Payment before, Payment after, PaymentEvent outgoing, String cause) {

    public StatusChange {
        if (!before.id().equals(after.id()) || after.version() != before.version() + 1) {
            throw new IllegalArgumentException("a status change moves one payment one version forward");
        }
    }

    public long expectedVersion() {
        return before.version();
    }
}
