package com.amba.payments.domain.model;

/** A fee rate in hundredths of a percent: 0 … 10,000 (0 % … 100 %). */
public record BasisPoints(int value) {

    public static final int MAXIMUM = 10_000;

    public BasisPoints {
        if (value < 0 || value > MAXIMUM) {
            throw new IllegalArgumentException("basis points out of range: " + value);
        }
    }

    /** The share of an amount, rounded half up, in integer arithmetic. */
    public long of(long amountMinor) {
        return (amountMinor * value + MAXIMUM / 2) / MAXIMUM;
    }
}
