package com.amba.payments.app.cli;

import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code amba projects …}: new projects and a project's default fee. */
@Command(name = "projects", description = "Create projects and set a project's default fee.")
final class ProjectsCommands {

    @ParentCommand
    private AmbaCli amba;

    @Command(name = "create", description = "Creates a project; prints its id.")
    void create(@Option(names = "--name", required = true, paramLabel = "NAME",
            description = "What the project is called.") String name) {
        JsonObject data = amba.admin().post("/admin/projects", new JsonObject().put("name", name))
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
