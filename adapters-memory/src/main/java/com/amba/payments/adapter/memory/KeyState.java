package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.IdempotentRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one Idempotency-Key stands: held by a create until {@code leaseUntil}, released by a create that failed,
 * or bound to what it made.
 */
record KeyState(IdempotentRequest request, Instant leaseUntil, boolean released, Optional<String> resourceId) {

    static KeyState claimed(IdempotentRequest request, Instant leaseUntil) {
        return new KeyState(request, leaseUntil, false, Optional.empty());
    }

    boolean isInFlight(Instant now) {
        return !released && resourceId.isEmpty() && now.isBefore(leaseUntil);
    }

    boolean isSameRequest(IdempotentRequest other) {
        return request.fingerprint().equals(other.fingerprint());
    }
}
