package com.amba.payments.adapter.stripe;

import com.amba.payments.domain.model.PaymentStatus;
import java.util.Optional;

/** Amba's status vocabulary is Stripe's own; this is the one place that reads it off the wire. */
final class StripeStatuses {

    private StripeStatuses() {
    }

    static Optional<PaymentStatus> of(String stripeStatus) {
        return PaymentStatus.fromWireName(stripeStatus);
    }
}
