package com.amba.payments.domain.model;

import java.util.List;
import java.util.Optional;

/** One page of payments and where the next one starts. */
public record PaymentPage(List<Payment> payments, boolean hasMore, Optional<PaymentCursor> next) {

    public PaymentPage {
        payments = List.copyOf(payments);
    }
}
