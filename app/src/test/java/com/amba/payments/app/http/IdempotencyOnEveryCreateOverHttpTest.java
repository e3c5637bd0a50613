package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Idempotency-Key header on every POST that creates something other than a payment (the refund and the Admin
 * API's creates), over real HTTP, on the store the suite runs on (memory, then PostgreSQL).
 */
class IdempotencyOnEveryCreateOverHttpTest {

    private static DevAmba amba;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
    }

    @AfterAll
    static void stop() {
        if (amba != null) {
            amba.close();
        }
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    private static Api.Answer refund(String paymentId, String idempotencyKey, String body) {
        return amba.api.send("POST", "/client/payments/intents/" + paymentId + "/refunds",
                Map.of("X-Api-Key", amba.demo.serverKey(), "Idempotency-Key", idempotencyKey), body);
    }

    private static Api.Answer admin(String path, String idempotencyKey, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", "Bearer " + amba.adminToken());
        headers.put("Idempotency-Key", idempotencyKey);
        return amba.api.send("POST", path, headers, body);
    }

    private static String succeededPayment(long amount) {
        Api.Answer created = amba.api.createPayment(amba.demo.serverKey(),
                "{\"amount\": " + amount + ", \"currency\": \"usd\", \"application_fee_amount\": 100}");
        assertEquals(200, created.status(), created::toString);
        String id = created.data().getString("payment_id");
        assertEquals(200, amba.provider.act(id, "succeed"));
        return id;
    }

    private static JsonArray refundsOf(String paymentId) {
        Api.Answer listed = amba.api.refunds(amba.demo.serverKey(), paymentId);
        assertEquals(200, listed.status(), listed::toString);
        return listed.json().getJsonArray("data");
    }

    private static int projectCount() {
        Api.Answer listed = amba.admin("GET", "/admin/projects", null);
        assertEquals(200, listed.status(), listed::toString);
        return listed.json().getJsonArray("data").size();
    }

    private static JsonArray keysOf(String projectId) {
        Api.Answer listed = amba.admin("GET", "/admin/projects/" + projectId + "/api-keys", null);
        assertEquals(200, listed.status(), listed::toString);
        return listed.json().getJsonArray("data");
    }

    private static JsonArray endpointsOf(String projectId) {
        Api.Answer listed = amba.admin("GET", "/admin/projects/" + projectId + "/webhook-endpoints", null);
        assertEquals(200, listed.status(), listed::toString);
        return listed.json().getJsonArray("data");
    }

    /** Eight identical requests at once; answers them all. */
    private static List<Api.Answer> concurrently(Supplier<Api.Answer> request) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return request.get();
                }));
            }
            go.countDown();
            List<Api.Answer> done = new ArrayList<>();
            for (Future<Api.Answer> answer : answers) {
                done.add(answer.get(60, TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- refunds ----

    @Test
    void aRefundReplayedWithItsKeyIsTheSameRefundAndNoOtherIsMade() {
        String payment = succeededPayment(3000);
        String key = newKey();
        Api.Answer first = refund(payment, key, "{\"amount\": 500}");
        assertEquals(200, first.status(), first::toString);

        Api.Answer again = refund(payment, key, "{\"amount\": 500}");

        assertEquals(200, again.status(), again::toString);
        assertEquals(first.data().getString("refund_id"), again.data().getString("refund_id"));
        assertEquals(first.data().getLong("amount"), again.data().getLong("amount"));
        assertNull(again.data().getValue("client_reference"), "the key is not shown as a client reference");
        assertEquals(1, refundsOf(payment).size(), "one refund, not two");
        assertNull(refundsOf(payment).getJsonObject(0).getValue("client_reference"));
        Api.Answer withoutKey = amba.api.refund(amba.demo.serverKey(), payment, "{\"amount\": 500}");
        assertNotEquals(first.data().getString("refund_id"), withoutKey.data().getString("refund_id"),
                "without a key the same body is a new refund, as before");
    }

    @Test
    void aRefundKeyWithAnotherRequestIsItsOwnConflictAndChangesNothing() {
        String payment = succeededPayment(3000);
        String key = newKey();
        assertEquals(200, refund(payment, key, "{\"amount\": 500}").status());

        Api.Answer otherAmount = refund(payment, key, "{\"amount\": 600}");
        assertEquals(409, otherAmount.status(), otherAmount::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", otherAmount.errorCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", refund(payment, key,
                "{\"amount\": 500, \"client_reference\": \"ret-" + key + "\"}").errorCode(),
                "the client reference is part of the request");
        assertEquals("IDEMPOTENCY_KEY_REUSED", refund(succeededPayment(2000), key, "{\"amount\": 500}").errorCode(),
                "so is the payment");
        assertEquals(1, refundsOf(payment).size());
    }

    @Test
    void aRefundKeyBesideAClientReferenceHonoursBoth() {
        String payment = succeededPayment(4000);
        String reference = "return-" + UUID.randomUUID();
        String body = "{\"amount\": 700, \"client_reference\": \"" + reference + "\"}";
        String key = newKey();
        Api.Answer first = refund(payment, key, body);
        assertEquals(200, first.status(), first::toString);
        String id = first.data().getString("refund_id");
        assertEquals(reference, first.data().getString("client_reference"));

        assertEquals(id, refund(payment, key, body).data().getString("refund_id"));
        assertEquals(id, amba.api.refund(amba.demo.serverKey(), payment, body).data().getString("refund_id"),
                "the reference alone still answers its refund");
        assertEquals(id, refund(payment, newKey(), body).data().getString("refund_id"),
                "a new key with the same reference and request: the reference's refund");
        assertEquals("CLIENT_REFERENCE_CONFLICT", refund(payment, newKey(),
                "{\"amount\": 800, \"client_reference\": \"" + reference + "\"}").errorCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", refund(payment, key,
                "{\"amount\": 800, \"client_reference\": \"" + reference + "\"}").errorCode());
        assertEquals(1, refundsOf(payment).size());
    }

    @Test
    void aMalformedKeyIsRefusedBeforeTheRefundBodyAndRefundsNothing() {
        String payment = succeededPayment(2000);
        for (String bad : List.of("k".repeat(256), " ", "tab\tinside")) {
            Api.Answer answer = refund(payment, bad, "{\"amount\": \"not a number\"}");
            assertEquals(400, answer.status(), answer::toString);
            assertEquals("INVALID_IDEMPOTENCY_KEY", answer.errorCode());
        }
        assertEquals(0, refundsOf(payment).size());
    }

    @Test
    void concurrentRefundsWithOneKeyMakeOneRefund() throws Exception {
        String payment = succeededPayment(5000);
        String key = newKey();

        List<Api.Answer> answers = concurrently(() -> refund(payment, key, "{\"amount\": 900}"));

        Set<String> ids = new HashSet<>();
        for (Api.Answer answer : answers) {
            assertEquals(200, answer.status(), answer::toString);
            ids.add(answer.data().getString("refund_id"));
        }
        assertEquals(1, ids.size(), ids::toString);
        assertEquals(1, refundsOf(payment).size(), "one refund for eight requests");
    }

    // ---- projects ----

    @Test
    void aProjectReplayedWithItsKeyIsTheSameProjectAndAnotherBodyIsAConflict() {
        String key = newKey();
        String body = new JsonObject().put("name", "Shop " + key).encode();
        Api.Answer first = admin("/admin/projects", key, body);
        assertEquals(200, first.status(), first::toString);
        int projects = projectCount();

        Api.Answer again = admin("/admin/projects", key, body);

        assertEquals(200, again.status(), again::toString);
        assertEquals(first.data(), again.data(), "the same answer");
        assertEquals(projects, projectCount(), "no second project");
        Api.Answer other = admin("/admin/projects", key, new JsonObject().put("name", "Another " + key).encode());
        assertEquals(409, other.status(), other::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.errorCode());
        assertEquals(projects, projectCount());
    }

    @Test
    void aMalformedKeyIsRefusedBeforeTheProjectBody() {
        int projects = projectCount();
        Api.Answer answer = admin("/admin/projects", "k".repeat(256), "{\"name\": 12}");
        assertEquals(400, answer.status(), answer::toString);
        assertEquals("INVALID_IDEMPOTENCY_KEY", answer.errorCode());
        assertEquals(projects, projectCount());
    }

    @Test
    void concurrentProjectCreatesWithOneKeyMakeOneProject() throws Exception {
        String key = newKey();
        String body = new JsonObject().put("name", "Rush " + key).encode();
        int before = projectCount();

        List<Api.Answer> answers = concurrently(() -> admin("/admin/projects", key, body));

        Set<String> ids = new HashSet<>();
        for (Api.Answer answer : answers) {
            assertEquals(200, answer.status(), answer::toString);
            ids.add(answer.data().getString("project_id"));
        }
        assertEquals(1, ids.size(), ids::toString);
        assertEquals(before + 1, projectCount());
    }

    // ---- API keys: the secret is shown once, whatever is replayed ----

    @Test
    void anApiKeyReplayedWithItsKeyIsTheSameKeyWithoutItsSecret() {
        String project = amba.newProject("Keys " + UUID.randomUUID());
        String key = newKey();
        String path = "/admin/projects/" + project + "/api-keys";
        Api.Answer first = admin(path, key, "{\"kind\": \"server\"}");
        assertEquals(200, first.status(), first::toString);
        String secret = first.data().getString("api_key");
        assertNotNull(secret);

        Api.Answer again = admin(path, key, "{\"kind\": \"server\"}");

        assertEquals(200, again.status(), again::toString);
        assertEquals(first.data().getString("key_id"), again.data().getString("key_id"));
        assertEquals("server", again.data().getString("kind"));
        assertTrue(again.data().containsKey("api_key"));
        assertNull(again.data().getValue("api_key"), "a replay never shows the key again");
        assertEquals(Boolean.TRUE, again.data().getBoolean("replayed"));
        assertTrue(again.data().getString("note").contains("revoke"), again::toString);
        assertFalse(again.body().contains(secret), "nowhere in the replay");
        assertEquals(1, keysOf(project).size(), "one key, not two");
        Api.Answer other = admin(path, key, "{\"kind\": \"client\"}");
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.errorCode());
        assertEquals(1, keysOf(project).size());
        assertEquals(200, amba.api.send("GET", "/admin/projects/" + project, Map.of("Authorization",
                "Bearer " + amba.adminToken()), null).status());
    }

    @Test
    void aKeyIsScopedToItsProjectAndItsRoute() {
        String key = newKey();
        String one = amba.newProject("Scope one " + key);
        String two = amba.newProject("Scope two " + key);

        Api.Answer inOne = admin("/admin/projects/" + one + "/api-keys", key, "{\"kind\": \"server\"}");
        Api.Answer inTwo = admin("/admin/projects/" + two + "/api-keys", key, "{\"kind\": \"server\"}");
        Api.Answer aProject = admin("/admin/projects", key, new JsonObject().put("name", "Scope " + key).encode());
        Api.Answer anEndpoint = admin("/admin/projects/" + one + "/webhook-endpoints", key,
                "{\"url\": \"http://127.0.0.1:9/hooks\", \"events\": [\"*\"]}");

        for (Api.Answer answer : List.of(inOne, inTwo, aProject, anEndpoint)) {
            assertEquals(200, answer.status(), answer::toString);
        }
        assertNotEquals(inOne.data().getString("key_id"), inTwo.data().getString("key_id"));
        assertNotNull(inTwo.data().getString("api_key"), "another project's key is new, shown once");
        assertNotNull(anEndpoint.data().getString("signing_secret"), "another route's create is new");
        assertEquals(1, keysOf(one).size());
        assertEquals(1, keysOf(two).size());
    }

    // ---- webhook endpoints ----

    @Test
    void anEndpointReplayedWithItsKeyIsTheSameEndpointWithoutItsSecret() {
        String project = amba.newProject("Hooks " + UUID.randomUUID());
        String key = newKey();
        String path = "/admin/projects/" + project + "/webhook-endpoints";
        String body = "{\"url\": \"http://127.0.0.1:9/hooks\", \"events\": [\"amba.payment.created\"]}";
        Api.Answer first = admin(path, key, body);
        assertEquals(200, first.status(), first::toString);
        String secret = first.data().getString("signing_secret");
        assertTrue(secret.startsWith("whsec_"), first::toString);

        Api.Answer again = admin(path, key, body);

        assertEquals(200, again.status(), again::toString);
        assertEquals(first.data().getString("endpoint_id"), again.data().getString("endpoint_id"));
        assertNull(again.data().getValue("signing_secret"));
        assertEquals(Boolean.TRUE, again.data().getBoolean("replayed"));
        assertTrue(again.data().getString("note").contains("rotate"), again::toString);
        assertFalse(again.body().contains(secret));
        assertEquals(1, endpointsOf(project).size());
        Api.Answer other = admin(path, key, "{\"url\": \"http://127.0.0.1:9/other\", \"events\": [\"*\"]}");
        assertEquals(409, other.status(), other::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.errorCode());
        assertEquals(400, admin(path, "", body).status(), "an empty key is no key");
        assertEquals(1, endpointsOf(project).size());

        String endpoint = first.data().getString("endpoint_id");
        assertEquals(200, amba.admin("DELETE", path + "/" + endpoint, null).status());
        Api.Answer afterDelete = admin(path, key, body);
        assertEquals(404, afterDelete.status(), afterDelete::toString);
        assertEquals("WEBHOOK_ENDPOINT_NOT_FOUND", afterDelete.errorCode(), "the replay does not create it anew");
        assertEquals(0, endpointsOf(project).size());
    }

    // ---- the connected account ----

    @Test
    void anAccountSetUpReplayedWithItsKeyIsTheSameAccountAndAnotherBodyIsAConflict() {
        String project = amba.newProject("Seller " + UUID.randomUUID());
        String key = newKey();
        String path = "/admin/projects/" + project + "/payments/account";
        Api.Answer first = admin(path, key, null);
        assertEquals(200, first.status(), first::toString);

        Api.Answer again = admin(path, key, null);

        assertEquals(200, again.status(), again::toString);
        assertEquals(first.data().getString("stripe_account_id"), again.data().getString("stripe_account_id"));
        assertNotNull(again.data().getString("onboarding_url"), "a fresh link while onboarding is not done");
        Api.Answer other = admin(path, key, "{\"stripe_account_id\": \"acct_1SomeOtherAccount\"}");
        assertEquals(409, other.status(), other::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.errorCode());
    }
}
