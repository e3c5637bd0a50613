package com.amba.payments.domain.model;

import java.util.Optional;

/**
 * What a refund or dispute event tells downstream services beyond the payment: the refund (absent for a
 * dispute), its status and the one before, the amount given back or disputed, and the reason.
 */
public record MoneyBackFacts(Optional<RefundId> refundId, String status, Optional<String> previousStatus,
                             Money amount, Optional<String> reason) {

    public static MoneyBackFacts of(Refund refund, Optional<RefundStatus> previous) {
        return new MoneyBackFacts(Optional.of(refund.id()), refund.status().wireName(),
                previous.map(RefundStatus::wireName), refund.amount(), refund.reason().map(RefundReason::wireName));
    }
}
