package com.amba.payments.app.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.adapter.postgres.ControlPlaneCaching;
import com.amba.payments.adapter.postgres.PostgresSettings;
import com.amba.payments.adapter.postgres.PostgresStore;
import com.amba.payments.adapter.postgres.ScratchDatabase;
import com.amba.payments.adapter.postgres.TcpProxy;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.Parts;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.DevAmba;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The control-plane cache on two instances over HTTP, one database: an admin change made through the first (a
 * revoked key, the platform switch, a fee) takes effect on the second within 1 s, for its creates and for its reads
 * (which answer from the event loop with a key at hand), by LISTEN/NOTIFY; and when the
 * second's listening connection silently loses a notification, the bounded refresh still brings the change in.
 */
class ControlPlaneCacheOverHttpTest {

    private static final AmbaConfig CONFIG = AmbaConfig.dev().withPort(0).withWebhookSecret(DevAmba.WEBHOOK_SECRET)
            .withAdminToken("admin-token-cache");
    private static final Duration NOTIFIED_WITHIN = Duration.ofSeconds(1);
    private static final String CREATE = "{\"amount\": 10000, \"currency\": \"usd\"}";

    @Test
    void aRevokedKeyADisabledPlatformAndAFeeChangeReachTheOtherInstanceWithinOneSecond() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create()) {
            Parts firstParts = DevAmba.postgresParts(CONFIG, database.urlText());
            try (RunningAmba first = Amba.start(CONFIG, firstParts);
                 RunningAmba second = Amba.start(CONFIG, sharing(firstParts, DevAmba.postgresParts(CONFIG,
                         database.urlText())))) {
                Api admin = new Api(first.port());
                Api other = new Api(second.port());
                String projectId = first.demo().orElseThrow().projectId().value();
                JsonObject issued = newServerKey(admin, projectId);
                String key = issued.getString("api_key");
                Api.Answer made = other.createPayment(key, CREATE);
                assertEquals(250, fee(made), "the second instance has it cached now");
                String paymentId = made.data().getString("payment_id");
                assertEquals(200, other.readPayment(key, paymentId).status(), "and a read finds it at hand");

                adminCall(admin, "PUT", "/admin/payments/config", "{\"default_platform_fee_bps\": 500}");
                within(NOTIFIED_WITHIN, "the new platform fee", () -> fee(other.createPayment(key, CREATE)) == 500);

                adminCall(admin, "PUT", "/admin/projects/" + projectId + "/payments/config",
                        "{\"default_platform_fee_bps\": 100}");
                within(NOTIFIED_WITHIN, "the new project fee", () -> fee(other.createPayment(key, CREATE)) == 100);

                adminCall(admin, "DELETE", "/admin/projects/" + projectId + "/api-keys/" + issued.getString("key_id"),
                        null);
                within(NOTIFIED_WITHIN, "the revocation, for a create and for a read", () ->
                        other.createPayment(key, CREATE).status() == 401 && other.readPayment(key, paymentId).status() == 401);

                String demoKey = first.demo().orElseThrow().serverKey();
                assertEquals(200, other.createPayment(demoKey, CREATE).status());
                adminCall(admin, "POST", "/admin/payments/disable", null);
                within(NOTIFIED_WITHIN, "the platform switch", () ->
                        "PAYMENTS_NOT_ENABLED".equals(other.createPayment(demoKey, CREATE).errorCode()));
            }
        }
    }

    @Test
    void aNotificationLostOnASilentConnectionIsMadeUpForByTheBoundedRefresh() throws Exception {
        Duration maxAge = Duration.ofSeconds(2);
        try (ScratchDatabase database = ScratchDatabase.create();
             TcpProxy listenerPath = TcpProxy.to(database.url().host(), database.url().port())) {
            Parts firstParts = DevAmba.postgresParts(CONFIG, database.urlText());
            Vertx storeVertx = Vertx.vertx();
            // The second instance listens through a proxy that can swallow everything; its heartbeat is slow, so
            // only the cache's age bound can bring the change in while the notification is held back.
            PostgresStore listening = PostgresStore.connect(storeVertx, database.url(), PostgresSettings.defaults(),
                    new ControlPlaneCaching(maxAge, Duration.ofSeconds(60),
                            java.util.Optional.of(database.url().withAddress("127.0.0.1", listenerPath.port()))));
            Parts secondParts = sharing(firstParts, DevAmba.postgresParts(CONFIG, database.urlText()))
                    .withControlPlane(listening.cachedControlPlane()).closing(listening)
                    .closing(() -> storeVertx.close().await());
            try (RunningAmba first = Amba.start(CONFIG, firstParts); RunningAmba second = Amba.start(CONFIG, secondParts)) {
                within(Duration.ofSeconds(10), "the second instance listening", listening::isListeningForChanges);
                Api admin = new Api(first.port());
                Api other = new Api(second.port());
                String projectId = first.demo().orElseThrow().projectId().value();
                JsonObject issued = newServerKey(admin, projectId);
                String key = issued.getString("api_key");
                Api.Answer made = other.createPayment(key, CREATE);
                assertEquals(200, made.status(), "cached on the second instance");
                String paymentId = made.data().getString("payment_id");
                assertEquals(200, other.readPayment(key, paymentId).status(), "and at hand for a read");

                listenerPath.blackHole();
                adminCall(admin, "DELETE", "/admin/projects/" + projectId + "/api-keys/" + issued.getString("key_id"),
                        null);
                within(maxAge.plus(Duration.ofMillis(1500)), "the revocation despite the lost notification",
                        () -> other.createPayment(key, CREATE).status() == 401
                                && other.readPayment(key, paymentId).status() == 401);
                assertTrue(listening.isListeningForChanges(), "the connection still looked alive: the age bound did it");

                listenerPath.restore();
                adminCall(admin, "PUT", "/admin/payments/config", "{\"default_platform_fee_bps\": 700}");
                String demoKey = first.demo().orElseThrow().serverKey();
                within(NOTIFIED_WITHIN, "the next change, notified again",
                        () -> fee(other.createPayment(demoKey, CREATE)) == 700);
            }
        }
    }

    /** The second instance's parts with the first one's sandbox, so both know the demo account. */
    private static Parts sharing(Parts first, Parts second) {
        SandboxPaymentProvider provider = (SandboxPaymentProvider) first.provider();
        return second.withProvider(provider, second.sandbox().map(s -> provider));
    }

    private static JsonObject newServerKey(Api admin, String projectId) {
        return admin.admin("POST", "/admin/projects/" + projectId + "/api-keys", CONFIG.adminToken().orElseThrow(),
                "{\"kind\": \"server\"}").data();
    }

    private static void adminCall(Api admin, String method, String path, String body) {
        Api.Answer answer = admin.admin(method, path, CONFIG.adminToken().orElseThrow(), body);
        assertEquals(200, answer.status(), () -> method + " " + path + ": " + answer);
    }

    private static long fee(Api.Answer created) {
        assertEquals(200, created.status(), created::toString);
        return created.data().getLong("application_fee_amount");
    }

    private static void within(Duration bound, String what, BooleanSupplier seen) throws InterruptedException {
        long started = System.nanoTime();
        while (!seen.getAsBoolean()) {
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(waited.compareTo(bound) <= 0, what + " not seen within " + bound.toMillis() + " ms");
            Thread.sleep(25);
        }
        System.out.printf("%s seen after %d ms%n", what, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
