package com.amba.payments.domain.model;

/** What one refund gives back: an amount of the payment and the part of the application fee that goes with it. */
public record RefundShare(long amount, long fee) {

    public RefundShare {
        if (amount < 1 || fee < 0 || fee > amount) {
            throw new IllegalArgumentException("a refund share is at least 1, with a fee from 0 to the amount");
        }
    }
}
