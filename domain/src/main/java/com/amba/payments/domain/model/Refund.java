package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Money given back on a payment, as Amba's ledger knows it. {@code feeRefunded} is the part of the platform's
 * application fee that goes back with it. {@code statusAsOf} is the provider's time of the fact behind the
 * current status; {@code version} counts ledger changes.
 */
public record Refund(RefundId id, PaymentId paymentId, ProjectId projectId, Money amount, long feeRefunded,
                     Optional<RefundReason> reason, Optional<ClientReference> clientReference, RefundStatus status,
                     Instant createdAt, Instant updatedAt, Instant statusAsOf, long version) {

    public Refund {
        Objects.requireNonNull(id);
        Objects.requireNonNull(paymentId);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(clientReference);
        // An Idempotency-Key's binding holds a refund in the ledger like a reference, but is not the caller's.
        clientReference = clientReference.filter(reference -> !IdempotencyKey.isBinding(reference));
        Objects.requireNonNull(status);
        if (amount.minor() < 1 || feeRefunded < 0) {
            throw new IllegalArgumentException("a refund gives back at least 1 and a fee of at least 0");
        }
    }

    /** The same refund, moved by a fact the provider dated {@code asOf}. */
    public Refund movedTo(RefundStatus next, Instant asOf, Instant now) {
        Instant latest = asOf.isAfter(statusAsOf) ? asOf : statusAsOf;
        return new Refund(id, paymentId, projectId, amount, feeRefunded, reason, clientReference, next, createdAt,
                now, latest, version + 1);
    }
}
