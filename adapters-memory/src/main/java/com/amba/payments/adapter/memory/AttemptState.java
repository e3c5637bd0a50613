package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.PaymentId;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one client reference stands: held by a create until {@code leaseUntil}, released by a create that
 * failed, or bound to the payment it made.
 */
record AttemptState(CreationAttempt attempt, Instant leaseUntil, boolean released, Optional<PaymentId> payment) {

    static AttemptState claimed(CreationAttempt attempt, Instant leaseUntil) {
        return new AttemptState(attempt, leaseUntil, false, Optional.empty());
    }

    boolean isCompleted() {
        return payment.isPresent();
    }

    /** Held by a create whose lease has not run out: that create may still be talking to the provider. */
    boolean isInFlight(Instant now) {
        return !released && payment.isEmpty() && now.isBefore(leaseUntil);
    }

    AttemptState releasedNow() {
        return new AttemptState(attempt, leaseUntil, true, Optional.empty());
    }

    AttemptState completedBy(PaymentId id) {
        return new AttemptState(attempt, leaseUntil, false, Optional.of(id));
    }
}
