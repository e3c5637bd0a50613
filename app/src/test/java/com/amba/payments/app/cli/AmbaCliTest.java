package com.amba.payments.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.DevAmba;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code amba} in-process against a real dev-mode service: each command, its output, its exit codes. */
class AmbaCliTest {

    private static DevAmba amba;
    private static String url;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
        url = "http://127.0.0.1:" + amba.running.port();
    }

    @AfterAll
    static void stop() {
        // Null when start failed: its error is the one worth reading.
        if (amba != null) {
            amba.close();
        }
    }

    /** {@code amba --url URL ARGS…} with the token in the environment, as a platform owner would run it. */
    private static CliRun amba(String... args) {
        String[] full = Stream.concat(Stream.of("--url", url), Stream.of(args)).toArray(String[]::new);
        return CliRun.of(Map.of(AmbaCli.TOKEN_VARIABLE, amba.adminToken()), full, amba.adminToken());
    }

    private static CliRun succeeds(String... args) {
        CliRun run = amba(args);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        return run;
    }

    @Test
    void statusShowsTheSwitchTheFeeAndTheDemoProjectAsReady() {
        CliRun status = succeeds("payments", "status");
        assertEquals("payments:     enabled", status.lineStartingWith("payments:"));
        assertEquals("default fee:  250 bps", status.lineStartingWith("default fee:"));
        String demo = status.lineStartingWith(amba.demo.projectId().value());
        assertTrue(demo.matches(".*\\s+ready\\s+.*"), demo);
        assertTrue(status.out().contains("PROJECT") && status.out().contains("PAYMENTS"), status::toString);
    }

    @Test
    void underJsonStatusPrintsTheDataObject() {
        JsonObject data = new JsonObject(succeeds("--json", "payments", "status").out());
        assertTrue(data.getBoolean("payments_enabled"));
        JsonArray projects = data.getJsonArray("projects");
        assertTrue(projects.stream().map(JsonObject.class::cast).anyMatch(project ->
                project.getString("project_id").equals(amba.demo.projectId().value())
                        && project.getString("payments").equals("ready")), data::encode);
        // The flag also works after the subcommand, where people tend to type it.
        assertEquals(data.getBoolean("payments_enabled"),
                new JsonObject(succeeds("payments", "status", "--json").out()).getBoolean("payments_enabled"));
    }

    @Test
    void disableAndEnableFlipThePlatformSwitch() {
        try {
            assertEquals("payments:     disabled", succeeds("payments", "disable").lineStartingWith("payments:"));
            assertEquals("payments:     disabled", succeeds("payments", "status").lineStartingWith("payments:"));
            assertEquals("PAYMENTS_NOT_ENABLED", amba.api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1000, \"currency\": \"usd\"}").errorCode());
            assertEquals("payments:     enabled", succeeds("payments", "enable").lineStartingWith("payments:"));
            assertEquals("payments:     enabled", succeeds("payments", "status").lineStartingWith("payments:"));
        } finally {
            amba.admin("POST", "/admin/payments/enable", null);
        }
    }

    @Test
    void configSetsAndClearsThePlatformsDefaultFee() {
        try {
            assertEquals("default fee:  300 bps",
                    succeeds("payments", "config", "--default-fee-bps", "300").lineStartingWith("default fee:"));
            assertEquals("default fee:  300 bps", succeeds("payments", "status").lineStartingWith("default fee:"));
            assertEquals("default fee:  none",
                    succeeds("payments", "config", "--default-fee-bps", "none").lineStartingWith("default fee:"));
            assertEquals("default fee:  none", succeeds("payments", "status").lineStartingWith("default fee:"));
        } finally {
            amba.admin("PUT", "/admin/payments/config", "{\"default_platform_fee_bps\": 250}");
        }
    }

    @Test
    void projectConfigSetsAndClearsTheProjectsDefaultFee() {
        String project = succeeds("projects", "create", "--name", "Fees").find("^project:\\s+(proj_\\S+)$");
        assertEquals("default fee:  120 bps", succeeds("projects", "config", project, "--default-fee-bps", "120")
                .lineStartingWith("default fee:"));
        assertTrue(succeeds("payments", "status").lineStartingWith(project).endsWith("120 bps"));
        succeeds("projects", "config", project, "--default-fee-bps", "none");
        assertTrue(succeeds("payments", "status").lineStartingWith(project).endsWith("none"));
    }

    @Test
    void aFeeTheApiRefusesIsItsErrorAndAFeeThatIsNoNumberIsAUsageError() {
        CliRun tooHigh = amba("payments", "config", "--default-fee-bps", "10001");
        assertEquals(1, tooHigh.exitCode(), tooHigh::toString);
        assertTrue(tooHigh.err().startsWith("INVALID_FEE: "), tooHigh::toString);
        assertEquals("", tooHigh.out());

        CliRun notANumber = amba("payments", "config", "--default-fee-bps", "lots");
        assertEquals(2, notANumber.exitCode(), notANumber::toString);
        assertTrue(notANumber.err().contains("--default-fee-bps") && notANumber.err().contains("Usage: amba payments config"),
                notANumber::toString);
        assertEquals(250, amba.admin("GET", "/admin/payments/status", null).data().getInteger("default_platform_fee_bps"));
    }

    @Test
    void aKeyMadeByTheCliWorksUntilTheCliRevokesIt() {
        CliRun created = succeeds("projects", "create", "--name", "Coffee app");
        String project = created.find("^project:\\s+(proj_\\S+)$");
        assertEquals("name:         Coffee app", created.lineStartingWith("name:"));

        CliRun key = succeeds("keys", "create", project, "--kind", "client");
        String keyId = key.find("^key id:\\s+(\\S+)$");
        String apiKey = key.find("^api key:\\s+(\\S+)$");
        assertTrue(key.out().contains("shown only this once"), key::toString);
        assertEquals("PAYMENT_NOT_FOUND", amba.api.readPayment(apiKey, "x").errorCode());

        CliRun revoked = succeeds("keys", "revoke", project, keyId);
        assertTrue(revoked.out().contains("revoked key " + keyId), revoked::toString);
        Api.Answer after = amba.api.readPayment(apiKey, "x");
        assertEquals(401, after.status());
        assertEquals("INVALID_API_KEY", after.errorCode());
    }

    @Test
    void webhookEndpointsAreManagedFromTheCliAndTheirSecretIsShownOnlyWhenMade() {
        String project = amba.demo.projectId().value();
        CliRun created = succeeds("webhooks", "create", project, "http://127.0.0.1:9/hook", "--events",
                "amba.payment.created,amba.payment.status_changed");
        String endpoint = created.find("^endpoint id:\\s+(we_\\S+)$");
        String secret = created.find("^signing secret:\\s+(whsec_\\S+)$");
        assertTrue(created.out().contains("shown only this once"), created::toString);

        CliRun listed = succeeds("webhooks", "list", project);
        assertTrue(listed.lineStartingWith(endpoint).contains("http://127.0.0.1:9/hook"), listed::toString);
        assertFalse(listed.out().contains(secret), "a list never shows the secret");

        CliRun rotated = succeeds("webhooks", "rotate-secret", project, endpoint);
        String fresh = rotated.find("^new signing secret:\\s+(whsec_\\S+)$");
        assertNotEquals(secret, fresh);
        assertTrue(succeeds("webhooks", "deliveries", project, endpoint).out().contains("DELIVERY"));
        CliRun unknownDelivery = amba("webhooks", "retry", project, endpoint, "wd_none");
        assertEquals(1, unknownDelivery.exitCode(), unknownDelivery::toString);
        assertTrue(unknownDelivery.err().contains("WEBHOOK_DELIVERY_NOT_FOUND"), unknownDelivery::toString);
        assertTrue(succeeds("webhooks", "delete", project, endpoint).out().contains("deleted endpoint " + endpoint));
        CliRun gone = amba("webhooks", "delete", project, endpoint);
        assertEquals(1, gone.exitCode(), gone::toString);
        assertTrue(gone.err().contains("WEBHOOK_ENDPOINT_NOT_FOUND"), gone::toString);
    }

    @Test
    void aKindOtherThanServerOrClientIsAUsageErrorAndIssuesNothing() {
        String project = amba.newProject("Kinds");
        CliRun run = amba("keys", "create", project, "--kind", "admin");
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--kind must be server or client"), run::toString);
    }

    @Test
    void accountsCreateShowsTheAccountAndItsOnboardingLink() {
        String project = amba.newProject("Bakery");
        CliRun account = succeeds("accounts", "create", project);
        String accountId = account.find("^account:\\s+(acct_\\S+)$");
        // A new account cannot take charges yet, so there is always a link to send (the sandbox's is its own route).
        assertNotEquals("none", account.find("^onboarding url:\\s+(\\S+)$"), account::toString);
        assertTrue(succeeds("payments", "status").lineStartingWith(project).contains(" onboarding "));
        assertEquals(accountId, amba.admin("GET", "/admin/payments/status", null).data().getJsonArray("projects")
                .stream().map(JsonObject.class::cast).filter(p -> p.getString("project_id").equals(project))
                .findFirst().orElseThrow().getString("stripe_account_id"));
    }

    @Test
    void anUnknownProjectIsTheApisErrorCodeAndMessage() {
        CliRun run = amba("accounts", "create", "proj_missing");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("PROJECT_NOT_FOUND: "), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void paymentsListPagesNewestFirstAndFilters() {
        String project = amba.newProject("Shop");
        String key = amba.newKey(project, "server");
        amba.completeOnboarding(amba.newAccount(project));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Answer payment = amba.api.createPayment(key, "{\"amount\": " + (1000 + i)
                    + ", \"currency\": \"usd\", \"client_reference\": \"order_" + i + "\"}");
            assertEquals(200, payment.status(), payment::toString);
            created.add(payment.data().getString("payment_id"));
        }
        assertEquals(200, amba.provider.act(created.get(0), "succeed"));

        CliRun first = succeeds("payments", "list", project, "--limit", "2");
        List<String> rows = first.out().lines().filter(line -> line.startsWith("pi_")).toList();
        assertEquals(2, rows.size(), first::toString);
        assertTrue(rows.get(0).startsWith(created.get(2)) && rows.get(0).contains("order_2"), first::toString);
        assertTrue(rows.get(1).startsWith(created.get(1)), first::toString);
        String cursor = first.find("^more: add --cursor (\\S+)$");

        CliRun second = succeeds("payments", "list", project, "--limit", "2", "--cursor", cursor);
        assertTrue(second.lineStartingWith(created.get(0)).contains("succeeded"), second::toString);
        assertFalse(second.out().contains("more:"), second::toString);

        JsonObject succeeded = new JsonObject(succeeds("payments", "list", project, "--status", "succeeded", "--json").out());
        assertEquals(List.of(created.get(0)), succeeded.getJsonArray("data").stream().map(JsonObject.class::cast)
                .map(p -> p.getString("payment_id")).toList());
        assertFalse(succeeded.getBoolean("has_more"));

        CliRun badLimit = amba("payments", "list", project, "--limit", "0");
        assertEquals(1, badLimit.exitCode(), badLimit::toString);
        assertTrue(badLimit.err().startsWith("INVALID_QUERY: "), badLimit::toString);
    }

    @Test
    void reportAsCsvIsTheServicesCsvWithItsHeader() {
        Api.Answer payment = amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 2500, \"currency\": \"eur\"}");
        assertEquals(200, payment.status(), payment::toString);
        CliRun csv = succeeds("payments", "report", "--csv");
        assertTrue(csv.out().startsWith("project_id,currency,count,gross,fees,"), csv::toString);
        assertTrue(csv.out().contains(amba.demo.projectId().value() + ",eur,"), csv::toString);

        CliRun human = succeeds("payments", "report");
        String line = human.out().lines().filter(l -> l.startsWith(amba.demo.projectId().value()) && l.contains(" eur "))
                .findFirst().orElseThrow(() -> new AssertionError(human.toString()));
        assertTrue(line.contains("requires_payment_method="), line);
    }

    @Test
    void aWrongTokenIsInvalidAdminTokenAndExitOne() {
        CliRun run = CliRun.of(Map.of(AmbaCli.TOKEN_VARIABLE, "wrong-token"),
                new String[] {"--url", url, "payments", "status"}, "wrong-token", amba.adminToken());
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("INVALID_ADMIN_TOKEN: "), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void anUnreachableServiceIsExitTwoWithAClearMessage() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRun run = CliRun.of(Map.of(AmbaCli.TOKEN_VARIABLE, amba.adminToken()),
                new String[] {"--url", "http://127.0.0.1:" + closed, "payments", "status"}, amba.adminToken());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("cannot reach Amba at http://127.0.0.1:" + closed), run::toString);
    }

    @Test
    void noTokenAtAllIsExitTwoBeforeAnyRequest() {
        CliRun run = CliRun.of(Map.of(), new String[] {"--url", url, "payments", "status"});
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--token") && run.err().contains("AMBA_ADMIN_TOKEN"), run::toString);
    }

    @Test
    void theUrlComesFromTheEnvironmentWhenNotGiven() {
        CliRun run = CliRun.of(Map.of(AmbaCli.TOKEN_VARIABLE, amba.adminToken(), AmbaCli.URL_VARIABLE, url + "/"),
                new String[] {"payments", "status"}, amba.adminToken());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains(amba.demo.projectId().value()), run::toString);
    }

    @Test
    void aTokenGivenOnTheCommandLineIsNeverPrintedEvenInErrors() {
        String token = amba.adminToken();
        // CliRun.of fails the test if the token shows up in any of these outputs.
        List<String[]> lines = List.of(
                new String[] {"--token", token, "--url", url, "payments", "status"},
                new String[] {"--token", token, "--url", url, "--json", "payments", "status"},
                new String[] {"--token=" + token, "--url", url, "payments", "config", "--default-fee-bps", "lots"},
                new String[] {"--url", url, "payments", "status", "--token", token, "extra"},
                new String[] {"--url", url, "payments", "status", "--token", token, "--token", token},
                new String[] {"--token", token, "--url", url, "projects", "config", "proj_missing", "--default-fee-bps", "1"},
                new String[] {"--token", token, "--url", url, "payments", "status", "--help"});
        List<Integer> codes = lines.stream().map(args -> CliRun.of(Map.of(), args, token).exitCode()).toList();
        assertEquals(List.of(0, 0, 2, 2, 2, 1, 0), codes);

        // Picocli quotes a stray argument in its usage error; a token pasted by mistake must not come back.
        CliRun stray = CliRun.of(Map.of(AmbaCli.TOKEN_VARIABLE, token),
                new String[] {"--url", url, "payments", "status", token}, token);
        assertEquals(2, stray.exitCode(), stray::toString);
        CliRun strayAfterOption = CliRun.of(Map.of(),
                new String[] {"--url", url, "--token", token, "keys", "revoke", "proj_x", "key_x", token}, token);
        assertEquals(2, strayAfterOption.exitCode(), strayAfterOption::toString);
    }

    @Test
    void everyCommandHasHelp() {
        List<String> commands = List.of("", "payments", "payments status", "payments enable", "payments disable",
                "payments config", "payments list", "payments report", "projects", "projects create",
                "projects config", "projects list", "projects show", "keys", "keys create", "keys revoke", "keys list", "accounts", "accounts create",
                "webhooks", "webhooks create", "webhooks list", "webhooks delete", "webhooks rotate-secret",
                "webhooks deliveries", "webhooks retry", "webhooks listen");
        for (String command : commands) {
            String[] args = Stream.concat(Stream.of(command.split(" ")).filter(s -> !s.isEmpty()), Stream.of("--help"))
                    .toArray(String[]::new);
            CliRun run = CliRun.of(Map.of(), args);
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().startsWith(("Usage: amba " + command).strip()), run::toString);
        }
    }

    @Test
    void aCommandWithoutItsArgumentsIsAUsageError() {
        for (String[] args : List.of(new String[] {"payments"}, new String[] {"keys", "revoke", "proj_x"},
                new String[] {"projects", "create"}, new String[] {"payments", "bogus"})) {
            CliRun run = amba(args);
            assertEquals(2, run.exitCode(), run::toString);
            assertTrue(run.err().contains("Usage: amba") || run.err().contains("Did you mean"), run::toString);
        }
    }

    @Test
    void theApisRefusalIsPrintedAsSentWhateverWrongTokenWasTyped() {
        // A token's text may well be a word of the API's message; only a whole typed value is ever blanked.
        for (String wrong : List.of("wrong", "Bearer", "admin", "token")) {
            CliRun run = CliRun.of(Map.of(), new String[] {"--url", url, "--token", wrong, "payments", "status"});
            assertEquals(1, run.exitCode(), run::toString);
            assertEquals("INVALID_ADMIN_TOKEN: Authorization: Bearer <admin token> is missing or wrong",
                    run.err().strip(), run::toString);
        }
    }

    @Test
    void aTypedTokenIsBlankedAsAWholeValueOnly() {
        // "or" is typed as the token and as a stray argument: the stray one is blanked, picocli's own words stay.
        CliRun run = CliRun.of(Map.of(), new String[] {"--url", url, "--token", "or", "payments", "status", "or"});
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("'[admin token]'"), run::toString);
        assertTrue(run.err().contains("Usage: amba payments status"), run::toString);
        assertFalse(run.err().contains("[admin token]ptions") || run.err().contains("w[admin token]"), run::toString);
    }

    @Test
    void helpIsACommandAsWellAsAnOption() {
        CliRun help = CliRun.of(Map.of(), new String[] {"help"});
        assertEquals(0, help.exitCode(), help::toString);
        assertTrue(help.out().startsWith("Usage: amba"), help::toString);
        CliRun helpPayments = CliRun.of(Map.of(), new String[] {"help", "payments"});
        assertEquals(0, helpPayments.exitCode(), helpPayments::toString);
        assertTrue(helpPayments.out().startsWith("Usage: amba payments"), helpPayments::toString);
    }

    @Test
    void theCliIsAnsweredAndCountedAsAnsweredNotAborted() {
        succeeds("payments", "status");
        succeeds("payments", "status");
        String metrics = amba.api.send("GET", "/metrics", Map.of(), null).body();
        List<String> statusLines = metrics.lines()
                .filter(line -> line.startsWith("amba_http_responses_total{") && line.contains("route=\"/admin/payments/status\""))
                .toList();
        assertFalse(statusLines.isEmpty(), metrics);
        assertTrue(statusLines.stream().noneMatch(line -> line.contains("aborted")), statusLines::toString);
        assertTrue(statusLines.stream().anyMatch(line -> line.contains("status=\"200\"")), statusLines::toString);
    }

    @Test
    void projectsAndTheirKeysCanBeListedAndReadWithoutEverShowingAKey() {
        String project = succeeds("projects", "create", "--name", "Listed").find("^project:\\s+(proj_\\S+)$");
        String server = succeeds("keys", "create", project, "--kind", "server").find("^api key:\\s+(\\S+)$");
        CliRun client = succeeds("keys", "create", project, "--kind", "client");
        String clientKeyId = client.find("^key id:\\s+(\\S+)$");
        String clientKey = client.find("^api key:\\s+(\\S+)$");
        succeeds("keys", "revoke", project, clientKeyId);

        CliRun keys = CliRun.of(Map.of(AmbaCli.TOKEN_VARIABLE, amba.adminToken()),
                new String[] {"--url", url, "keys", "list", project}, amba.adminToken(), server, clientKey);
        assertEquals(0, keys.exitCode(), keys::toString);
        assertTrue(keys.out().contains(server.substring(server.length() - 4)), keys::toString);
        assertTrue(keys.lineStartingWith(clientKeyId).contains("revoked"), keys::toString);
        JsonArray listed = new JsonArray(CliRun.of(Map.of(AmbaCli.TOKEN_VARIABLE, amba.adminToken()),
                new String[] {"--url", url, "--json", "keys", "list", project}, amba.adminToken(), server, clientKey).out());
        assertEquals(List.of("server", "client"), listed.stream().map(JsonObject.class::cast)
                .map(key -> key.getString("kind")).toList());
        assertEquals(List.of("active", "revoked"), listed.stream().map(JsonObject.class::cast)
                .map(key -> key.getString("status")).toList());

        assertTrue(succeeds("projects", "list").lineStartingWith(project).contains("Listed"));
        CliRun shown = succeeds("projects", "show", amba.demo.projectId().value());
        assertEquals("payments:     ready", shown.lineStartingWith("payments:"));
        assertTrue(shown.lineStartingWith("account:").contains(amba.demo.accountId().value() + ", charges enabled"),
                shown::toString);
        assertTrue(shown.lineStartingWith("default fee:").endsWith("a create without a fee uses 250 bps"), shown::toString);
        CliRun unknown = amba("projects", "show", "proj_missing");
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().startsWith("PROJECT_NOT_FOUND: "), unknown::toString);
    }

    @Test
    void anIdempotencyKeyMakesARepeatedCreateAnswerTheFirstAndNeverShowsASecretAgain() {
        String key = "cli-" + java.util.UUID.randomUUID();
        CliRun first = succeeds("projects", "create", "--name", "Retried", "--idempotency-key", key);
        String project = first.find("^project:\\s+(proj_\\S+)$");
        assertEquals(project, succeeds("projects", "create", "--name", "Retried", "--idempotency-key", key)
                .find("^project:\\s+(proj_\\S+)$"), "the same project, not a second");

        CliRun issued = succeeds("keys", "create", project, "--kind", "server", "--idempotency-key", key);
        String secret = issued.find("^api key:\\s+(amba_sk_\\S+)$");
        CliRun replayed = succeeds("keys", "create", project, "--kind", "server", "--idempotency-key", key);
        assertEquals(issued.find("^key id:\\s+(\\S+)$"), replayed.find("^key id:\\s+(\\S+)$"));
        assertTrue(replayed.lineStartingWith("api key:").contains("not shown again"), replayed::toString);
        assertFalse(replayed.out().contains(secret), replayed::toString);
        assertTrue(replayed.out().contains("amba keys revoke " + project), replayed::toString);

        CliRun endpoint = succeeds("webhooks", "create", project, "http://127.0.0.1:9/hook", "--idempotency-key", key);
        CliRun endpointAgain = succeeds("webhooks", "create", project, "http://127.0.0.1:9/hook",
                "--idempotency-key", key);
        assertEquals(endpoint.find("^endpoint id:\\s+(\\S+)$"), endpointAgain.find("^endpoint id:\\s+(\\S+)$"));
        assertTrue(endpointAgain.lineStartingWith("signing secret:").contains("not shown again"), endpointAgain::toString);

        String account = succeeds("accounts", "create", project, "--idempotency-key", key)
                .find("^account:\\s+(acct_\\S+)$");
        assertEquals(account, succeeds("accounts", "create", project, "--idempotency-key", key)
                .find("^account:\\s+(acct_\\S+)$"));

        CliRun reused = amba("keys", "create", project, "--kind", "client", "--idempotency-key", key);
        assertEquals(1, reused.exitCode(), reused::toString);
        assertTrue(reused.err().contains("Idempotency-Key was already used"), reused::toString);
    }
}
