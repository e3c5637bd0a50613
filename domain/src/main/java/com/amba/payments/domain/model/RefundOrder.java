package com.amba.payments.domain.model;

import java.util.Optional;

/** A refund request that passed the input rules; {@code amount} absent means all that is still refundable. */
public record RefundOrder(Optional<Long> amount, Optional<RefundReason> reason, boolean refundApplicationFee,
                         Optional<ClientReference> clientReference) {

    public RefundFingerprint fingerprintFor(PaymentId payment) {
        return RefundFingerprint.of(payment, amount.map(String::valueOf).orElse(""),
                reason.map(RefundReason::wireName).orElse(""), refundApplicationFee);
    }
}
