package com.amba.payments.domain.model;

import java.util.List;

/** The platform owner's report: totals per project and currency, and events that disagreed with the ledger. */
public record Report(List<ReportLine> lines, List<InboxEntry> mismatches) {

    public Report {
        lines = List.copyOf(lines);
        mismatches = List.copyOf(mismatches);
    }
}
