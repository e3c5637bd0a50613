package com.amba.payments.domain.model;

/**
 * What a payment's refunds already hold, decided under the ledger's lock: the amount and fee of every refund
 * that is pending, requires action or succeeded, and of every reservation still being made.
 */
public record RefundStanding(long heldAmount, long heldFee) {

    public static final RefundStanding NOTHING = new RefundStanding(0, 0);

    public RefundStanding {
        if (heldAmount < 0 || heldFee < 0) {
            throw new IllegalArgumentException("refund totals are never negative");
        }
    }

    public RefundStanding plus(long amount, long fee) {
        return new RefundStanding(heldAmount + amount, heldFee + fee);
    }
}
