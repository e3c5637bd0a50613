package com.amba.payments.app.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.adapter.postgres.ScratchDatabase;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.Parts;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.DevAmba;
import org.junit.jupiter.api.Test;

/** Stop the service and start it again on the same database: everything is still there. */
class RestartOverHttpTest {

    private static final AmbaConfig CONFIG = AmbaConfig.dev().withPort(0).withWebhookSecret(DevAmba.WEBHOOK_SECRET)
            .withAdminToken("admin-token-for-restarts");

    @Test
    void paymentsKeysSettingsAndIdempotencySurviveARestart() {
        String body = "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"order_restart\"}";
        try (ScratchDatabase database = ScratchDatabase.create()) {
            SandboxPaymentProvider provider;
            String serverKey;
            String clientKey;
            String paymentId;
            String secret;
            String extraKey;
            String project;
            try (RunningAmba first = Amba.start(CONFIG, DevAmba.postgresParts(CONFIG, database.urlText()))) {
                Api api = new Api(first.port());
                serverKey = first.demo().orElseThrow().serverKey();
                clientKey = first.demo().orElseThrow().clientKey();
                Api.Answer created = api.createPayment(serverKey, body);
                paymentId = created.data().getString("payment_id");
                secret = created.data().getString("client_secret");
                assertEquals(200, api.sandbox(paymentId, "succeed").status());
                project = api.admin("POST", "/admin/projects", CONFIG.adminToken().orElseThrow(), "{\"name\":\"Kept\"}")
                        .data().getString("project_id");
                extraKey = api.admin("POST", "/admin/projects/" + project + "/api-keys", CONFIG.adminToken().orElseThrow(),
                        "{\"kind\":\"client\"}").data().getString("api_key");
                assertEquals(200, api.admin("PUT", "/admin/projects/" + project + "/payments/config",
                        CONFIG.adminToken().orElseThrow(), "{\"default_platform_fee_bps\": 321}").status());
                assertEquals(200, api.admin("PUT", "/admin/payments/config", CONFIG.adminToken().orElseThrow(),
                        "{\"default_platform_fee_bps\": 123}").status());
                provider = (SandboxPaymentProvider) first.parts().provider();
            }

            // The sandbox plays Stripe, which outlives Amba: the second run talks to the same provider.
            Parts again = DevAmba.postgresParts(CONFIG, database.urlText());
            try (RunningAmba second = Amba.start(CONFIG, again.withProvider(provider, again.sandbox().map(s -> provider)))) {
                Api api = new Api(second.port());
                Api.Answer read = api.readPayment(clientKey, paymentId);
                assertEquals(200, read.status(), read::toString);
                assertEquals("succeeded", read.data().getString("status"));
                int calls = provider.createCalls();
                Api.Answer replay = api.createPayment(serverKey, body);
                assertEquals(paymentId, replay.data().getString("payment_id"), "the reference is still bound");
                assertEquals(secret, replay.data().getString("client_secret"));
                assertEquals(calls, provider.createCalls(), "no second provider intent");
                assertEquals("CLIENT_REFERENCE_CONFLICT", api.createPayment(serverKey,
                        "{\"amount\": 2999, \"currency\": \"usd\", \"client_reference\": \"order_restart\"}").errorCode());
                assertEquals(404, api.readPayment(extraKey, paymentId).status(), "the other project's key still works, scoped");
                var status = api.admin("GET", "/admin/payments/status", CONFIG.adminToken().orElseThrow(), null).data();
                assertEquals(123, status.getInteger("default_platform_fee_bps"));
                assertFalse(status.getJsonArray("projects").stream()
                        .map(io.vertx.core.json.JsonObject.class::cast)
                        .noneMatch(p -> p.getString("project_id").equals(project)
                                && Integer.valueOf(321).equals(p.getInteger("default_platform_fee_bps"))));
                assertEquals(1, status.getJsonArray("projects").stream()
                        .map(io.vertx.core.json.JsonObject.class::cast)
                        .filter(p -> p.getString("name").equals("Demo shop")).count(), "the demo project is kept, not made again");
            }
        }
    }
}
