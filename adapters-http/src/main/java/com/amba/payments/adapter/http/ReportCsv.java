package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.Report;
import com.amba.payments.domain.model.ReportLine;

/**
 * The report as CSV (RFC 4180): one row per project and currency, one count column per status. Mismatched
 * events stay in the JSON report.
 */
final class ReportCsv {

    static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private ReportCsv() {
    }

    static String render(Report report) {
        StringBuilder csv = new StringBuilder("project_id,currency,count,gross,fees,refunded,fees_refunded,disputed,net");
        for (PaymentStatus status : PaymentStatus.values()) {
            csv.append(',').append(status.wireName());
        }
        csv.append("\r\n");
        for (ReportLine line : AdminJson.sorted(report.lines())) {
            csv.append(cell(line.projectId().value())).append(',')
                    .append(cell(line.currency().code())).append(',')
                    .append(line.count()).append(',')
                    .append(line.grossMinor()).append(',')
                    .append(line.feesMinor()).append(',')
                    .append(line.moneyBack().refundedMinor()).append(',')
                    .append(line.moneyBack().feesRefundedMinor()).append(',')
                    .append(line.moneyBack().disputedMinor()).append(',')
                    .append(line.netMinor());
            for (PaymentStatus status : PaymentStatus.values()) {
                csv.append(',').append(line.countByStatus().getOrDefault(status, 0L));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    /** Quotes when needed; a leading formula character is defused so a spreadsheet shows it as text. */
    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }
}
