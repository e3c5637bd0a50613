package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Optional;

/** A page of a project's payments, newest first. The cursor is the last payment of the previous page. */
public record PaymentQuery(Optional<PaymentStatus> status, Optional<Instant> createdGte, Optional<Instant> createdLt,
                           int limit, Optional<PaymentCursor> after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAXIMUM_LIMIT = 100;

    public PaymentQuery {
        if (limit < 1 || limit > MAXIMUM_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to 100");
        }
    }

    public boolean admits(Payment payment) {
        return status.map(s -> s == payment.status()).orElse(true)
                && createdGte.map(t -> !payment.createdAt().isBefore(t)).orElse(true)
                && createdLt.map(t -> payment.createdAt().isBefore(t)).orElse(true)
                && after.map(c -> c.isBefore(payment)).orElse(true);
    }
}
