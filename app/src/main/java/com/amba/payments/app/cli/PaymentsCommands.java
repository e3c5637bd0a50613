package com.amba.payments.app.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code amba payments …}: the platform switch, the platform's default fee, a project's payments, the report. */
@Command(name = "payments", description = "The platform switch and default fee, a project's payments, the report.")
final class PaymentsCommands {

    @ParentCommand
    private AmbaCli amba;

    @Command(name = "status", description = "Whether payments are on, the platform's default fee, and each project's"
            + " readiness: not_set_up, onboarding or ready.")
    void status() {
        JsonObject data = amba.admin().get("/admin/payments/status").getJsonObject("data");
        amba.show(data, out -> {
            printSettings(out, data);
            Table projects = new Table("PROJECT", "NAME", "PAYMENTS", "DEFAULT FEE");
            data.getJsonArray("projects", new JsonArray()).stream().map(JsonObject.class::cast)
                    .forEach(project -> projects.row(project.getString("project_id"), project.getString("name"),
                            project.getString("payments"), FeeBps.describe(project.getInteger("default_platform_fee_bps"))));
            out.println();
            if (projects.isEmpty()) {
                out.println("no projects yet: amba projects create --name NAME");
            } else {
                projects.print(out);
            }
        });
    }

    @Command(name = "enable", description = "Switches payments on for the whole platform.")
    void enable() {
        JsonObject data = amba.admin().post("/admin/payments/enable", null).getJsonObject("data");
        amba.show(data, out -> printSettings(out, data));
    }

    @Command(name = "disable", description = "Switches payments off for the whole platform: new payments are refused"
            + " with PAYMENTS_NOT_ENABLED; payments already made go on.")
    void disable() {
        JsonObject data = amba.admin().post("/admin/payments/disable", null).getJsonObject("data");
        amba.show(data, out -> printSettings(out, data));
    }

    @Command(name = "config", description = "Sets or clears the platform's default fee, used when neither the request"
            + " nor the project names one.")
    void config(@Option(names = "--default-fee-bps", required = true, paramLabel = "N|none",
            converter = FeeBps.Converter.class,
            description = "Basis points (250 is 2.5 %%), or none to clear it.") FeeBps fee) {
        JsonObject body = new JsonObject().put("default_platform_fee_bps", fee.wireValue());
        JsonObject data = amba.admin().put("/admin/payments/config", body).getJsonObject("data");
        amba.show(data, out -> printSettings(out, data));
    }

    @Command(name = "list", description = "A project's payments, newest first. Under --json, the whole page:"
            + " data, has_more and next_cursor, since a script needs the cursor to go on.")
    void list(@Parameters(paramLabel = "PROJECT", description = "The project's id (proj_…).") String project,
              @Option(names = "--status", paramLabel = "S", description = "Only payments in this status.") String status,
              @Option(names = "--created-gte", paramLabel = "T",
                      description = "Created at or after this RFC 3339 time.") String createdGte,
              @Option(names = "--created-lt", paramLabel = "T",
                      description = "Created before this RFC 3339 time.") String createdLt,
              @Option(names = "--limit", paramLabel = "N", description = "At most this many.") Integer limit,
              @Option(names = "--cursor", paramLabel = "C", description = "Where the previous page stopped.") String cursor) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("status", status);
        filters.put("created_gte", createdGte);
        filters.put("created_lt", createdLt);
        filters.put("limit", limit);
        filters.put("cursor", cursor);
        JsonObject page = amba.admin().get("/admin/projects/" + AdminClient.segment(project) + "/payments"
                + AdminClient.query(filters));
        amba.show(page, out -> printPage(out, page));
    }

    @Command(name = "report", description = "Per project and currency: count, gross, fees, refunded, fees refunded,"
            + " disputed, net (gross less refunds and lost disputes) and counts by status.")
    void report(@Option(names = "--csv", description = "The service's CSV, as it sends it (ignores --json).")
                boolean csv) {
        if (csv) {
            amba.out().print(amba.admin().csv("/admin/payments/report"));
            return;
        }
        JsonObject data = amba.admin().get("/admin/payments/report").getJsonObject("data");
        amba.show(data, out -> printReport(out, data));
    }

    private static void printSettings(PrintWriter out, JsonObject settings) {
        out.println("payments:     " + (settings.getBoolean("payments_enabled", false) ? "enabled" : "disabled"));
        out.println("default fee:  " + FeeBps.describe(settings.getInteger("default_platform_fee_bps")));
    }

    private static void printPage(PrintWriter out, JsonObject page) {
        Table payments = new Table("PAYMENT", "STATUS", "AMOUNT", "CURRENCY", "FEE", "REFERENCE", "CREATED");
        page.getJsonArray("data", new JsonArray()).stream().map(JsonObject.class::cast)
                .forEach(payment -> payments.row(payment.getString("payment_id"), payment.getString("status"),
                        payment.getValue("amount"), payment.getString("currency"),
                        payment.getValue("application_fee_amount"), payment.getString("client_reference"),
                        payment.getString("created_at")));
        if (payments.isEmpty()) {
            out.println("no payments");
        } else {
            payments.print(out);
        }
        if (page.getBoolean("has_more", false)) {
            out.println();
            out.println("more: add --cursor " + page.getString("next_cursor"));
        }
    }

    private static void printReport(PrintWriter out, JsonObject report) {
        Table lines = new Table("PROJECT", "CURRENCY", "COUNT", "GROSS", "FEES", "REFUNDED", "FEES REFUNDED",
                "DISPUTED", "NET", "BY STATUS");
        report.getJsonArray("lines", new JsonArray()).stream().map(JsonObject.class::cast)
                .forEach(line -> lines.row(line.getString("project_id"), line.getString("currency"),
                        line.getValue("count"), line.getValue("gross"), line.getValue("fees"),
                        line.getValue("refunded"), line.getValue("fees_refunded"), line.getValue("disputed"),
                        line.getValue("net"),
                        byStatus(line.getJsonObject("by_status", new JsonObject()))));
        if (lines.isEmpty()) {
            out.println("no payments yet");
        } else {
            lines.print(out);
        }
        JsonArray mismatches = report.getJsonArray("mismatches", new JsonArray());
        if (!mismatches.isEmpty()) {
            out.println();
            out.println("provider events that disagreed with the ledger:");
            Table events = new Table("EVENT", "PAYMENT", "DECIDED AT", "NOTE");
            mismatches.stream().map(JsonObject.class::cast)
                    .forEach(event -> events.row(event.getString("event_id"), event.getString("payment_id"),
                            event.getString("decided_at"), event.getString("note")));
            events.print(out);
        }
    }

    private static String byStatus(JsonObject counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach(entry -> text.append(text.isEmpty() ? "" : " ").append(entry.getKey()).append('=')
                .append(entry.getValue()));
        return text.toString();
    }
}
