package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.model.Currency;
import com.amba.payments.domain.model.MoneyBackTotals;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ReportLine;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the report query's rows (one per project, currency and status, adjacent per project and currency) into
 * one line per project and currency, with what went back on them (a second query). The database sums; this
 * only regroups.
 */
final class ReportTotals {

    private final ProjectId project;
    private final Currency currency;
    private final Map<PaymentStatus, Long> byStatus = new EnumMap<>(PaymentStatus.class);
    private final MoneyBackTotals moneyBack;
    private long count;
    private long gross;
    private long fees;

    private ReportTotals(ProjectId project, Currency currency, MoneyBackTotals moneyBack) {
        this.project = project;
        this.currency = currency;
        this.moneyBack = moneyBack;
    }

    static List<ReportLine> lines(RowSet<Row> rows, RowSet<Row> moneyBackRows) {
        Map<String, MoneyBackTotals> moneyBack = new HashMap<>();
        for (Row row : moneyBackRows) {
            moneyBack.put(row.getString("project_id") + "\n" + row.getString("currency"), new MoneyBackTotals(
                    row.getLong("refunded"), row.getLong("fees_refunded"), row.getLong("disputed"), row.getLong("lost")));
        }
        List<ReportLine> lines = new ArrayList<>();
        ReportTotals current = null;
        for (Row row : rows) {
            ProjectId project = new ProjectId(row.getString("project_id"));
            Currency currency = new Currency(row.getString("currency"));
            if (current == null || !current.project.equals(project) || !current.currency.equals(currency)) {
                if (current != null) {
                    lines.add(current.line());
                }
                current = new ReportTotals(project, currency, moneyBack.getOrDefault(
                        project.value() + "\n" + currency.code(), MoneyBackTotals.NONE));
            }
            current.add(Rows.status(row.getString("status")), row.getLong("payments"), row.getLong("gross"),
                    row.getLong("fees"));
        }
        if (current != null) {
            lines.add(current.line());
        }
        return lines;
    }

    private void add(PaymentStatus status, long payments, long grossMinor, long feesMinor) {
        byStatus.put(status, payments);
        count += payments;
        gross += grossMinor;
        fees += feesMinor;
    }

    private ReportLine line() {
        return new ReportLine(project, currency, count, gross, fees, byStatus, moneyBack);
    }
}
