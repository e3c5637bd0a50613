package com.amba.payments.domain.model;

import java.util.Optional;

/**
 * What the ledger learns about one payment: usually a move from one status to another, with what downstream
 * services are told about it; or only that the provider confirmed the status as of a later time (then no
 * history row and no outgoing event, as nothing changed that anyone could see). Applies only if the payment is
 * still at {@code expectedVersion}; otherwise someone else moved it first. {@code cause} names what moved it (a
 * provider event id, or the reconciler's re-read) for the payment's history.
 */
public record StatusChange(Payment before, Payment after, Optional<PaymentEvent> outgoing, String cause) {

    public StatusChange {
        if (!before.id().equals(after.id()) || after.version() != before.version() + 1) {
            throw new IllegalArgumentException("a status change moves one payment one version forward");
        }
        if (outgoing.isPresent() != movesStatus(before, after)) {
            throw new IllegalArgumentException("every status move, and only a move, is told downstream");
        }
    }

    public StatusChange(Payment before, Payment after, PaymentEvent outgoing, String cause) {
        this(before, after, Optional.of(outgoing), cause);
    }

    /** The provider confirmed {@code before}'s status as of {@code after}'s statusAsOf. */
    public static StatusChange confirmation(Payment before, Payment after, String cause) {
        return new StatusChange(before, after, Optional.empty(), cause);
    }

    public boolean movesStatus() {
        return movesStatus(before, after);
    }

    private static boolean movesStatus(Payment before, Payment after) {
        return before.status() != after.status();
    }

    public long expectedVersion() {
        return before.version();
    }
}
