package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The platform owner's API: token, switch, fees, projects, keys, accounts, lists and reports. */
class AdminApiTest {

    private static DevAmba amba;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
    }

    @AfterAll
    static void stop() {
        amba.close();
    }

    @Test
    void aWrongOrMissingTokenIs401() {
        for (String token : new String[] {null, "wrong", amba.adminToken() + "x", amba.demo.serverKey()}) {
            Api.Answer answer = amba.api.admin("GET", "/admin/payments/status", token, null);
            assertEquals(401, answer.status());
            assertEquals("INVALID_ADMIN_TOKEN", answer.errorCode());
        }
        Api.Answer basic = amba.api.send("GET", "/admin/payments/status",
                Map.of("Authorization", "Basic " + amba.adminToken()), null);
        assertEquals(401, basic.status());
    }

    @Test
    void statusShowsTheSwitchTheFeeAndEachProjectsReadiness() {
        String fresh = amba.newProject("Fresh");
        String onboarding = amba.newProject("Onboarding");
        amba.newAccount(onboarding);
        JsonObject status = amba.admin("GET", "/admin/payments/status", null).data();
        assertTrue(status.getBoolean("payments_enabled"));
        assertEquals(250, status.getInteger("default_platform_fee_bps"));
        JsonArray projects = status.getJsonArray("projects");
        assertEquals("ready", readinessOf(projects, amba.demo.projectId().value()));
        assertEquals("not_set_up", readinessOf(projects, fresh));
        assertEquals("onboarding", readinessOf(projects, onboarding));
    }

    private static String readinessOf(JsonArray projects, String id) {
        for (int i = 0; i < projects.size(); i++) {
            JsonObject project = projects.getJsonObject(i);
            if (project.getString("project_id").equals(id)) {
                return project.getString("payments");
            }
        }
        throw new AssertionError("no project " + id + " in " + projects);
    }

    @Test
    void theSwitchTurnsPaymentsOffAndOn() {
        assertEquals(200, amba.admin("POST", "/admin/payments/disable", null).status());
        assertFalse(amba.admin("GET", "/admin/payments/status", null).data().getBoolean("payments_enabled"));
        assertEquals(200, amba.admin("POST", "/admin/payments/enable", null).status());
        assertTrue(amba.admin("GET", "/admin/payments/status", null).data().getBoolean("payments_enabled"));
    }

    @Test
    void feeConfigurationIsValidated() {
        assertEquals("INVALID_FEE", amba.admin("PUT", "/admin/payments/config", "{\"default_platform_fee_bps\": 10001}").errorCode());
        assertEquals("INVALID_FEE", amba.admin("PUT", "/admin/payments/config", "{\"default_platform_fee_bps\": 2.5}").errorCode());
        assertEquals("INVALID_BODY", amba.admin("PUT", "/admin/payments/config", "{\"default_fee\": 100}").errorCode());
        assertEquals("INVALID_BODY", amba.admin("PUT", "/admin/payments/config", "{}").errorCode());
        assertEquals(250, amba.admin("GET", "/admin/payments/status", null).data().getInteger("default_platform_fee_bps"),
                "a refused change changes nothing");
        assertEquals("PROJECT_NOT_FOUND", amba.admin("PUT", "/admin/projects/proj_nope/payments/config",
                "{\"default_platform_fee_bps\": 100}").errorCode());
    }

    @Test
    void projectsAndKeys() {
        assertEquals("INVALID_BODY", amba.admin("POST", "/admin/projects", "{}").errorCode());
        assertEquals("INVALID_BODY", amba.admin("POST", "/admin/projects", "{\"name\": \"\"}").errorCode());
        String project = amba.newProject("Keys");
        Api.Answer server = amba.admin("POST", "/admin/projects/" + project + "/api-keys", "{\"kind\":\"server\"}");
        Api.Answer client = amba.admin("POST", "/admin/projects/" + project + "/api-keys", "{\"kind\":\"client\"}");
        assertEquals(200, server.status());
        assertTrue(server.data().getString("api_key").startsWith("amba_sk_"));
        assertTrue(client.data().getString("api_key").startsWith("amba_pk_"));
        assertEquals("server", server.data().getString("kind"));
        assertNotEquals(server.data().getString("key_id"), client.data().getString("key_id"));
        assertEquals("INVALID_BODY", amba.admin("POST", "/admin/projects/" + project + "/api-keys", "{\"kind\":\"root\"}").errorCode());
        assertEquals("PROJECT_NOT_FOUND", amba.admin("POST", "/admin/projects/proj_nope/api-keys", "{\"kind\":\"server\"}").errorCode());
        assertEquals("API_KEY_NOT_FOUND", amba.admin("DELETE", "/admin/projects/" + project + "/api-keys/key_nope", null).errorCode());
        String otherProject = amba.newProject("Someone else");
        assertEquals("API_KEY_NOT_FOUND", amba.admin("DELETE", "/admin/projects/" + otherProject + "/api-keys/"
                + server.data().getString("key_id"), null).errorCode(), "a key is revoked only through its own project");
    }

    @Test
    void accountsAreCreatedOnceAndCanBeAttached() {
        String project = amba.newProject("Accounts");
        Api.Answer first = amba.admin("POST", "/admin/projects/" + project + "/payments/account", null);
        assertEquals(200, first.status(), first::toString);
        String account = first.data().getString("stripe_account_id");
        assertTrue(account.startsWith("acct_"));
        assertTrue(first.data().getString("onboarding_url").length() > 10, "where onboarding is finished");
        Api.Answer again = amba.admin("POST", "/admin/projects/" + project + "/payments/account", null);
        assertEquals(account, again.data().getString("stripe_account_id"), "created if absent, not twice");

        Api.Answer reattached = amba.admin("POST", "/admin/projects/" + project + "/payments/account",
                "{\"stripe_account_id\": \"" + account + "\"}");
        assertEquals(200, reattached.status(), reattached::toString);
        assertEquals(account, reattached.data().getString("stripe_account_id"));

        String other = amba.newProject("Attach");
        assertEquals("ACCOUNT_ALREADY_ATTACHED", amba.admin("POST", "/admin/projects/" + other + "/payments/account",
                "{\"stripe_account_id\": \"" + amba.demo.accountId().value() + "\"}").errorCode(),
                "one connected account belongs to one project");
        assertEquals("ACCOUNT_ALREADY_ATTACHED", amba.admin("POST", "/admin/projects/" + project + "/payments/account",
                "{\"stripe_account_id\": \"acct_somethingelse\"}").errorCode());
        assertEquals("ACCOUNT_NOT_FOUND", amba.admin("POST", "/admin/projects/" + other + "/payments/account",
                "{\"stripe_account_id\": \"acct_doesnotexist\"}").errorCode());
        assertEquals("INVALID_BODY", amba.admin("POST", "/admin/projects/" + other + "/payments/account",
                "{\"stripe_account_id\": \"not-an-account\"}").errorCode());
    }

    @Test
    void paymentsAreListedNewestFirstPageByPage() {
        String key = amba.readyProjectServerKey("Listing");
        String project = amba.admin("GET", "/admin/payments/status", null).data().getJsonArray("projects").stream()
                .map(JsonObject.class::cast).filter(p -> p.getString("name").equals("Listing"))
                .findFirst().orElseThrow().getString("project_id");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            created.add(amba.api.createPayment(key, "{\"amount\": " + (1000 + i) + ", \"currency\": \"usd\"}")
                    .data().getString("payment_id"));
        }
        Set<String> seen = new HashSet<>();
        long previousAmount = Long.MAX_VALUE;
        String cursor = null;
        int pages = 0;
        do {
            Api.Answer page = amba.admin("GET", "/admin/projects/" + project + "/payments?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), null);
            assertEquals(200, page.status(), page::toString);
            JsonArray items = page.json().getJsonArray("data");
            for (int i = 0; i < items.size(); i++) {
                JsonObject item = items.getJsonObject(i);
                assertTrue(item.getLong("amount") < previousAmount, "newest first");
                previousAmount = item.getLong("amount");
                seen.add(item.getString("payment_id"));
                assertFalse(item.containsKey("client_secret"));
            }
            cursor = page.json().getBoolean("has_more") ? page.json().getString("next_cursor") : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(created, seen);
        assertEquals(3, pages);
        Api.Answer filtered = amba.admin("GET", "/admin/projects/" + project + "/payments?status=succeeded", null);
        assertEquals(0, filtered.json().getJsonArray("data").size());
        String future = java.time.Instant.now().plusSeconds(3600).toString();
        assertEquals(0, amba.admin("GET", "/admin/projects/" + project + "/payments?created_gte=" + future, null)
                .json().getJsonArray("data").size(), "created_gte filters out what came before");
        assertEquals(5, amba.admin("GET", "/admin/projects/" + project + "/payments?created_lt=" + future, null)
                .json().getJsonArray("data").size(), "created_lt keeps what came before");
        assertEquals("INVALID_QUERY", amba.admin("GET", "/admin/projects/" + project + "/payments?created_gte=yesterday", null).errorCode());
        assertEquals("INVALID_QUERY", amba.admin("GET", "/admin/projects/" + project + "/payments?limit=0", null).errorCode());
        assertEquals("INVALID_QUERY", amba.admin("GET", "/admin/projects/" + project + "/payments?status=paid", null).errorCode());
    }

    @Test
    void theReportSumsPerProjectAndCurrencyAsJsonAndCsv() {
        String key = amba.readyProjectServerKey("Reported");
        amba.api.createPayment(key, "{\"amount\": 1000, \"currency\": \"usd\", \"application_fee_amount\": 100}");
        String second = amba.api.createPayment(key, "{\"amount\": 3000, \"currency\": \"usd\", \"application_fee_amount\": 300}")
                .data().getString("payment_id");
        assertEquals(200, amba.provider.act(second, "succeed"));
        amba.api.createPayment(key, "{\"amount\": 500, \"currency\": \"eur\", \"application_fee_amount\": 5}");

        Api.Answer json = amba.admin("GET", "/admin/payments/report", null);
        assertEquals(200, json.status(), json::toString);
        assertFalse(json.body().contains("_secret_"), "no client secret in a report");
        Api.Answer csv = amba.api.send("GET", "/admin/payments/report",
                Map.of("Authorization", "Bearer " + amba.adminToken(), "Accept", "text/csv"), null);
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").orElse("").startsWith("text/csv"));
        String usdLine = csv.body().lines().filter(l -> l.contains(",usd,") && l.contains("4000")).findFirst()
                .orElseThrow(() -> new AssertionError("no usd line with gross 4000 in\n" + csv.body()));
        assertTrue(usdLine.contains(",2,") && usdLine.contains(",400"), usdLine);
    }
}
