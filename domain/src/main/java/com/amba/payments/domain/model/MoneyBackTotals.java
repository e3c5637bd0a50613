package com.amba.payments.domain.model;

/**
 * What went back on a project's payments in one currency (SPEC §11): succeeded refunds, the platform fee they
 * gave back, the amount under dispute (any dispute status), and the amount of disputes lost.
 */
public record MoneyBackTotals(long refundedMinor, long feesRefundedMinor, long disputedMinor, long lostToDisputesMinor) {

    public static final MoneyBackTotals NONE = new MoneyBackTotals(0, 0, 0, 0);

    public MoneyBackTotals {
        if (refundedMinor < 0 || feesRefundedMinor < 0 || disputedMinor < 0 || lostToDisputesMinor < 0) {
            throw new IllegalArgumentException("money-back totals are never negative");
        }
    }

    public MoneyBackTotals plus(MoneyBackTotals other) {
        return new MoneyBackTotals(refundedMinor + other.refundedMinor, feesRefundedMinor + other.feesRefundedMinor,
                disputedMinor + other.disputedMinor, lostToDisputesMinor + other.lostToDisputesMinor);
    }
}
