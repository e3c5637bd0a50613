package com.amba.payments.domain.model;

import java.util.Objects;

/**
 * A refund request's fields as they were sent, with the payment they are about: two refund requests with one
 * client reference are "the same" exactly when their fingerprints are equal.
 */
public record RefundFingerprint(String value) {

    public RefundFingerprint {
        Objects.requireNonNull(value);
    }

    public static RefundFingerprint of(PaymentId payment, String amount, String reason, boolean refundApplicationFee) {
        return new RefundFingerprint("payment=" + payment.value() + ";amount=" + amount + ";reason=" + reason
                + ";refund_application_fee=" + refundApplicationFee);
    }
}
