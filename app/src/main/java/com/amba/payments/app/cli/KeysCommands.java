package com.amba.payments.app.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code amba keys …}: a project's API keys. */
@Command(name = "keys", description = "List, issue and revoke a project's API keys.")
final class KeysCommands {

    private static final Set<String> KINDS = Set.of("server", "client");

    @ParentCommand
    private AmbaCli amba;

    @Spec
    private CommandSpec spec;

    @Command(name = "list", description = "A project's keys, revoked ones too: ids, kinds, last four characters."
            + " Never the keys themselves: Amba keeps only their hashes.")
    void list(@Parameters(paramLabel = "PROJECT", description = "The project's id (proj_…).") String project) {
        JsonArray data = amba.admin().get("/admin/projects/" + AdminClient.segment(project) + "/api-keys")
                .getJsonArray("data");
        amba.show(data, out -> {
            Table keys = new Table("KEY ID", "KIND", "STATUS", "ENDS WITH", "CREATED", "REVOKED");
            data.stream().map(JsonObject.class::cast).forEach(key -> keys.row(key.getString("key_id"),
                    key.getString("kind"), key.getString("status"), Table.orElse(key.getString("last_four"), "?"),
                    key.getString("created_at"), Table.orElse(key.getString("revoked_at"), "-")));
            if (keys.isEmpty()) {
                out.println("no keys yet: amba keys create " + project + " --kind server");
            } else {
                keys.print(out);
            }
        });
    }

    @Command(name = "create", description = "Issues a key. The key itself is shown this once: Amba cannot show it again.")
    void create(@Parameters(paramLabel = "PROJECT", description = "The project's id (proj_…).") String project,
                @Option(names = "--kind", required = true, paramLabel = "server|client",
                        description = "server keys create payments; client keys only read them.") String kind,
                @Option(names = AdminClient.IDEMPOTENCY_KEY_OPTION, paramLabel = "KEY",
                        description = AdminClient.IDEMPOTENCY_KEY_HELP) String idempotencyKey) {
        // Checked here rather than left to the API, so a typo is a usage error (exit 2) and asks nothing.
        if (!KINDS.contains(kind)) {
            throw new ParameterException(spec.subcommands().get("create"),
                    "--kind must be server or client, not '" + kind + "'");
        }
        JsonObject data = amba.admin().post("/admin/projects/" + AdminClient.segment(project) + "/api-keys",
                new JsonObject().put("kind", kind), idempotencyKey).getJsonObject("data");
        amba.show(data, out -> {
            out.println("key id:   " + data.getString("key_id"));
            out.println("kind:     " + data.getString("kind"));
            if (data.getString("api_key") == null) {
                out.println("api key:  not shown again (this answers an earlier create with the same idempotency key)");
                out.println();
                out.println("If that first answer was lost: amba keys revoke " + project + " "
                        + data.getString("key_id") + ", then create a new key.");
                return;
            }
            out.println("api key:  " + data.getString("api_key"));
            out.println();
            out.println("The key is shown only this once: store it now (X-Api-Key header).");
        });
    }

    @Command(name = "revoke", description = "Revokes a key: from now on it answers 401 INVALID_API_KEY.")
    void revoke(@Parameters(index = "0", paramLabel = "PROJECT", description = "The project's id (proj_…).") String project,
                @Parameters(index = "1", paramLabel = "KEY_ID", description = "The key's id, not the key.") String keyId) {
        JsonObject data = amba.admin().delete("/admin/projects/" + AdminClient.segment(project) + "/api-keys/"
                + AdminClient.segment(keyId)).getJsonObject("data");
        amba.show(data, out -> out.println("revoked key " + data.getString("key_id") + " of project " + project));
    }
}
