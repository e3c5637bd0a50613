package com.amba.payments.app.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code amba projects …}: new projects and a project's default fee. */
@Command(name = "projects", description = "List, show and create projects; set a project's default fee.")
final class ProjectsCommands {

    @ParentCommand
    private AmbaCli amba;

    @Command(name = "list", description = "Every project, oldest first: readiness, account, default fee.")
    void list() {
        JsonArray data = amba.admin().get("/admin/projects").getJsonArray("data");
        amba.show(data, out -> {
            Table projects = new Table("PROJECT", "NAME", "PAYMENTS", "ACCOUNT", "DEFAULT FEE", "CREATED");
            data.stream().map(JsonObject.class::cast).forEach(project -> projects.row(project.getString("project_id"),
                    project.getString("name"), project.getString("payments"),
                    Table.orElse(project.getString("stripe_account_id"), "none"),
                    FeeBps.describe(project.getInteger("effective_default_fee_bps")), project.getString("created_at")));
            if (projects.isEmpty()) {
                out.println("no projects yet: amba projects create --name NAME");
            } else {
                projects.print(out);
            }
        });
    }

    @Command(name = "show", description = "One project: readiness, connected account, fees.")
    void show(@Parameters(paramLabel = "PROJECT", description = "The project's id (proj_…).") String project) {
        JsonObject data = amba.admin().get("/admin/projects/" + AdminClient.segment(project)).getJsonObject("data");
        amba.show(data, out -> {
            out.println("project:      " + data.getString("project_id") + "  (" + data.getString("name") + ")");
            out.println("payments:     " + data.getString("payments"));
            out.println("account:      " + (data.getString("stripe_account_id") == null ? "none"
                    : data.getString("stripe_account_id") + (data.getBoolean("charges_enabled") ? ", charges enabled"
                    : ", cannot take charges yet")));
            out.println("default fee:  " + FeeBps.describe(data.getInteger("default_platform_fee_bps"))
                    + " (project), " + FeeBps.describe(data.getInteger("platform_default_fee_bps")) + " (platform); "
                    + "a create without a fee uses " + FeeBps.describe(data.getInteger("effective_default_fee_bps")));
            out.println("created:      " + data.getString("created_at"));
        });
    }

    @Command(name = "create", description = "Creates a project; prints its id.")
    void create(@Option(names = "--name", required = true, paramLabel = "NAME",
            description = "What the project is called.") String name,
                @Option(names = AdminClient.IDEMPOTENCY_KEY_OPTION, paramLabel = "KEY",
                        description = AdminClient.IDEMPOTENCY_KEY_HELP) String idempotencyKey) {
        JsonObject data = amba.admin().post("/admin/projects", new JsonObject().put("name", name), idempotencyKey)
                .getJsonObject("data");
        amba.show(data, out -> {
            out.println("project:      " + data.getString("project_id"));
            out.println("name:         " + data.getString("name"));
            out.println("payments:     " + data.getString("payments"));
            out.println();
            out.println("next: amba keys create " + data.getString("project_id") + " --kind server");
            out.println("      amba accounts create " + data.getString("project_id"));
        });
    }

    @Command(name = "config", description = "Sets or clears a project's default fee, used when the request names none;"
            + " without one, the platform's applies.")
    void config(@Parameters(paramLabel = "PROJECT", description = "The project's id (proj_…).") String project,
                @Option(names = "--default-fee-bps", required = true, paramLabel = "N|none",
                        converter = FeeBps.Converter.class,
                        description = "Basis points (250 is 2.5 %%), or none to clear it.") FeeBps fee) {
        JsonObject body = new JsonObject().put("default_platform_fee_bps", fee.wireValue());
        JsonObject data = amba.admin().put("/admin/projects/" + AdminClient.segment(project) + "/payments/config", body)
                .getJsonObject("data");
        amba.show(data, out -> {
            out.println("project:      " + data.getString("project_id") + "  (" + data.getString("name") + ")");
            out.println("default fee:  " + FeeBps.describe(data.getInteger("default_platform_fee_bps")));
        });
    }
}
