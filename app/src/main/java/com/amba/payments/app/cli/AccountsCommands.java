package com.amba.payments.app.cli;

import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code amba accounts …}: a project's Stripe connected account. */
@Command(name = "accounts", description = "Set up a project's Stripe connected account.")
final class AccountsCommands {

    @ParentCommand
    private AmbaCli amba;

    @Command(name = "create", description = "Creates the project's connected account (Express) if it has none, or"
            + " attaches an existing one; prints its id and the onboarding link to send to the project's owner.")
    void create(@Parameters(paramLabel = "PROJECT", description = "The project's id (proj_…).") String project,
                @Option(names = "--attach", paramLabel = "acct_…",
                        description = "Attach this existing account instead of creating one.") String attach,
                @Option(names = AdminClient.IDEMPOTENCY_KEY_OPTION, paramLabel = "KEY",
                        description = AdminClient.IDEMPOTENCY_KEY_HELP) String idempotencyKey) {
        // No body asks for a new account; the API reads a body as the account to attach.
        JsonObject body = attach == null ? null : new JsonObject().put("stripe_account_id", attach);
        JsonObject data = amba.admin().post("/admin/projects/" + AdminClient.segment(project) + "/payments/account", body,
                idempotencyKey).getJsonObject("data");
        amba.show(data, out -> {
            String link = data.getString("onboarding_url");
            out.println("account:          " + data.getString("stripe_account_id"));
            out.println("charges enabled:  " + (data.getBoolean("charges_enabled", false) ? "yes" : "no"));
            out.println("onboarding url:   " + (link == null ? "none" : link));
        });
    }
}
