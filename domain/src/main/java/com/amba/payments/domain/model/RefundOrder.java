package com.amba.payments.domain.model;

import java.util.Optional;

/** A refund request that passed the input rules; {@code amount} absent means all that is still refundable. */
public record RefundOrder(Optional<Long> amount, Optional<RefundReason> reason, boolean refundApplicationFee,
                         Optional<ClientReference> clientReference) {

    public RefundFingerprint fingerprintFor(PaymentId payment) {
        return RefundFingerprint.of(payment, amount.map(String::valueOf).orElse(""),
                reason.map(RefundReason::wireName).orElse(""), refundApplicationFee);
    }

    /**
     * The same order bound by an Idempotency-Key sent without a client reference: the key's binding holds the
     * refund in the ledger as a reference would, and is never shown as the caller's ({@link Refund}).
     */
    public RefundOrder boundTo(ClientReference keyBinding) {
        if (clientReference.isPresent() || !IdempotencyKey.isBinding(keyBinding)) {
            throw new IllegalArgumentException("only an order without a client reference is bound to a key");
        }
        return new RefundOrder(amount, reason, refundApplicationFee, Optional.of(keyBinding));
    }
}
