package com.amba.payments.domain.model;

import java.util.Map;

/** One project's payments in one currency: how many, how much, how much fee, and how many per status. */
public record ReportLine(ProjectId projectId, Currency currency, long count, long grossMinor, long feesMinor,
                         Map<PaymentStatus, Long> countByStatus) {

    public ReportLine {
        countByStatus = Map.copyOf(countByStatus);
    }
}
