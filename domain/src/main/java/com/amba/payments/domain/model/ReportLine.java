package com.amba.payments.domain.model;

import java.util.Map;

/**
 * One project's payments in one currency: how many, how much, how much fee, how many per status, and what went
 * back (refunds, disputes).
 */
public record ReportLine(ProjectId projectId, Currency currency, long count, long grossMinor, long feesMinor,
                         Map<PaymentStatus, Long> countByStatus, MoneyBackTotals moneyBack) {

    public ReportLine {
        countByStatus = Map.copyOf(countByStatus);
        java.util.Objects.requireNonNull(moneyBack);
    }

    /** SPEC §11: gross less refunds less lost disputes. */
    public long netMinor() {
        return grossMinor - moneyBack.refundedMinor() - moneyBack.lostToDisputesMinor();
    }
}
