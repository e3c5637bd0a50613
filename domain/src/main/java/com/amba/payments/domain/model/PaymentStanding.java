package com.amba.payments.domain.model;

/** A payment with what has gone back on it: the sum of its succeeded refunds and its dispute. */
public record PaymentStanding(Payment payment, long amountRefunded, DisputeStatus dispute) {

    public RefundPolicy.RefundState refundState() {
        return RefundPolicy.stateOf(payment, amountRefunded);
    }
}
