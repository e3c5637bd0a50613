package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.Refund;
import com.amba.payments.domain.model.RefundAttempt;
import com.amba.payments.domain.model.RefundShare;
import com.amba.payments.domain.model.RefundStanding;
import java.time.Instant;
import java.util.Optional;

/**
 * One refund attempt as the memory ledger keeps it: its share set aside until {@code leaseUntil}, released when
 * the provider refused, or holding the provider's refund. {@code sequence} orders a payment's refunds.
 */
record RefundSlot(RefundAttempt attempt, RefundShare share, Instant leaseUntil, boolean released,
                  Optional<Refund> refund, long sequence) {

    static RefundSlot reserved(RefundAttempt attempt, RefundShare share, Instant leaseUntil, long sequence) {
        return new RefundSlot(attempt, share, leaseUntil, false, Optional.empty(), sequence);
    }

    boolean isReserving() {
        return !released && refund.isEmpty();
    }

    boolean isInFlight(Instant now) {
        return isReserving() && now.isBefore(leaseUntil);
    }

    /** What this slot keeps from the payment's remainder right now. */
    RefundStanding addTo(RefundStanding standing, Instant now) {
        if (refund.isPresent()) {
            Refund made = refund.get();
            return made.status().holdsMoney() ? standing.plus(made.amount().minor(), made.feeRefunded()) : standing;
        }
        return isInFlight(now) ? standing.plus(share.amount(), share.fee()) : standing;
    }

    RefundSlot releasedNow() {
        return new RefundSlot(attempt, share, leaseUntil, true, Optional.empty(), sequence);
    }

    RefundSlot holding(Refund made) {
        return new RefundSlot(attempt, share, leaseUntil, false, Optional.of(made), sequence);
    }
}
