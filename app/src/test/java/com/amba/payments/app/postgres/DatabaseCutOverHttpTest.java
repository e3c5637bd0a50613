package com.amba.payments.app.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.postgres.ScratchDatabase;
import com.amba.payments.adapter.postgres.TcpProxy;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.DevAmba;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running service (a proxy cuts, or swallows, the connection): every request
 * answers 503 CONTROL_PLANE_UNAVAILABLE within 2 s; once it returns, the service recovers by itself and no
 * payment is lost or duplicated.
 */
class DatabaseCutOverHttpTest {

    private static final AmbaConfig CONFIG = AmbaConfig.dev().withPort(0).withWebhookSecret(DevAmba.WEBHOOK_SECRET)
            .withAdminToken("admin-token-cut");
    private static final Duration BUDGET = Duration.ofSeconds(2);

    @Test
    void cutAndBlackHoleAnswer503QuicklyAndRecoveryLosesNothing() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create();
             TcpProxy proxy = TcpProxy.to(database.url().host(), database.url().port())) {
            String viaProxy = "postgresql://" + database.url().user() + "@127.0.0.1:" + proxy.port() + "/"
                    + database.url().database();
            try (RunningAmba amba = Amba.start(CONFIG, DevAmba.postgresParts(CONFIG, viaProxy))) {
                Api api = new Api(amba.port());
                String key = amba.demo().orElseThrow().serverKey();
                Set<String> created = new HashSet<>();
                for (int i = 0; i < 3; i++) {
                    created.add(create(api, key, "before-" + i).data().getString("payment_id"));
                }

                proxy.cut();
                expectUnavailable(api, key, "during-cut");
                proxy.restore();
                created.add(createEventually(api, key, "during-cut"));

                proxy.blackHole();
                expectUnavailable(api, key, "during-black-hole");
                assertEquals(503, api.send("GET", "/health/ready", java.util.Map.of(), null).status(),
                        "not ready while the database is away");
                proxy.restore();
                created.add(createEventually(api, key, "during-black-hole"));

                for (int i = 0; i < 3; i++) {
                    created.add(createEventually(api, key, "before-" + i));
                }
                assertEquals(5, created.size(), "replays after the outage found the payments made before it");
                assertEquals(5, database.count("SELECT count(*) FROM payments"), "no payment lost or duplicated");
                assertEquals(200, api.send("GET", "/health/ready", java.util.Map.of(), null).status());
            }
        }
    }

    private static Api.Answer create(Api api, String key, String reference) {
        return api.createPayment(key, "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"" + reference + "\"}");
    }

    private static void expectUnavailable(Api api, String key, String reference) {
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            Api.Answer create = create(api, key, reference);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(503, create.status(), create::toString);
            assertEquals("CONTROL_PLANE_UNAVAILABLE", create.errorCode());
            assertTrue(create.header("Retry-After").isPresent());
            assertTrue(took.compareTo(BUDGET) <= 0, "answered in " + took.toMillis() + " ms");
        }
    }

    /** After the database returns the service recovers by itself; the first calls may still meet the old pool. */
    private static String createEventually(Api api, String key, String reference) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Api.Answer last;
        do {
            last = create(api, key, reference);
            if (last.status() == 200) {
                return last.data().getString("payment_id");
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("did not recover: " + last);
    }
}
