package com.amba.payments.domain.model;

/**
 * A refund moving from one status to another, and what downstream services are told about it. Applies only if
 * the refund is still at {@code before}'s version. {@code cause} names the provider event (or re-read) behind it.
 */
public record RefundChange(Refund before, Refund after, PaymentEvent outgoing, String cause) {

    public RefundChange {
        if (!before.id().equals(after.id()) || after.version() != before.version() + 1) {
            throw new IllegalArgumentException("a refund change moves one refund one version forward");
        }
    }

    public long expectedVersion() {
        return before.version();
    }
}
