package com.amba.payments.domain.model;

/** An attempt whose share of the payment the ledger has set aside: no other refund can take it meanwhile. */
public record RefundReservation(RefundAttempt attempt, Payment payment, RefundShare share) {
}
