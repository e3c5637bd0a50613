package com.amba.payments.domain.model;

import java.time.Instant;

/**
 * Where the reconciler's sweep over quiet payments stopped: the last payment it looked at, in
 * (last change, id) order. The next sweep goes on from there, so payments that stay quiet forever (an
 * abandoned checkout) cannot keep the others from ever being looked at.
 */
public record SweepPosition(Instant updatedAt, PaymentId paymentId) {

    public static SweepPosition at(Payment payment) {
        return new SweepPosition(payment.updatedAt(), payment.id());
    }

    /** True when {@code payment} comes after this position in (updatedAt, id) order. */
    public boolean isBefore(Payment payment) {
        int byTime = payment.updatedAt().compareTo(updatedAt);
        return byTime > 0 || (byTime == 0 && payment.id().value().compareTo(paymentId.value()) > 0);
    }
}
