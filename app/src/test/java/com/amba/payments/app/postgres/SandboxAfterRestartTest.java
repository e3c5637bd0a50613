package com.amba.payments.app.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amba.payments.adapter.postgres.ScratchDatabase;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.DevAmba;
import org.junit.jupiter.api.Test;

/**
 * Dev mode on PostgreSQL, restarted as a person restarts {@code ./scripts/run}: everything is new in the process,
 * the sandbox included, yet it still acts on the payments and accounts the ledger kept from the earlier run.
 */
class SandboxAfterRestartTest {

    private static final AmbaConfig CONFIG = AmbaConfig.dev().withPort(0).withWebhookSecret(DevAmba.WEBHOOK_SECRET)
            .withAdminToken("admin-token-for-sandbox-restarts");
    private static final String ADMIN = "admin-token-for-sandbox-restarts";

    @Test
    void theSandboxActsOnPaymentsAndAccountsOfAnEarlierRun() {
        try (ScratchDatabase database = ScratchDatabase.create()) {
            String serverKey;
            String clientKey;
            String earlier;
            String account;
            try (RunningAmba first = Amba.start(CONFIG, DevAmba.postgresParts(CONFIG, database.urlText()))) {
                Api api = new Api(first.port());
                serverKey = first.demo().orElseThrow().serverKey();
                clientKey = first.demo().orElseThrow().clientKey();
                earlier = api.createPayment(serverKey, "{\"amount\": 1999, \"currency\": \"usd\"}").data()
                        .getString("payment_id");
                assertEquals(200, api.sandbox(earlier, "process").status());
                String project = api.admin("POST", "/admin/projects", ADMIN, "{\"name\":\"Later\"}").data()
                        .getString("project_id");
                account = api.admin("POST", "/admin/projects/" + project + "/payments/account", ADMIN, null).data()
                        .getString("stripe_account_id");
            }

            try (RunningAmba second = Amba.start(CONFIG, DevAmba.postgresParts(CONFIG, database.urlText()))) {
                Api api = new Api(second.port());
                Api.Answer succeeded = api.sandbox(earlier, "succeed");
                assertEquals(200, succeeded.status(), succeeded::toString);
                assertEquals("succeeded", api.readPayment(clientKey, earlier).data().getString("status"));
                assertEquals("PAYMENT_INTENT_UNEXPECTED_STATE", api.sandbox(earlier, "fail").errorCode());

                Api.Answer onboarded = api.send("POST", "/sandbox/accounts/" + account + "/complete_onboarding",
                        java.util.Map.of(), null);
                assertEquals(200, onboarded.status(), onboarded::toString);

                // The demo project of the first run is kept; its account is recalled, so it still takes payments.
                String demoKey = second.demo().orElseThrow().serverKey();
                Api.Answer fresh = api.createPayment(demoKey, "{\"amount\": 2500, \"currency\": \"usd\"}");
                assertEquals(200, fresh.status(), fresh::toString);
                assertEquals(200, api.sandbox(fresh.data().getString("payment_id"), "succeed").status());
                assertEquals(404, api.readPayment(serverKey, "pi_" + "x".repeat(24)).status());
            }
        }
    }
}
