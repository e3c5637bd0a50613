package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Optional;

/** A Refund as the provider describes it. */
public record ProviderRefund(RefundId id, PaymentId paymentId, RefundStatus status, Money amount,
                             Optional<RefundReason> reason, Instant created) {
}
