package com.amba.payments.app.http;

import static com.amba.payments.app.webhooks.WebhookFixture.deliveries;
import static com.amba.payments.app.webhooks.WebhookFixture.endpoint;
import static com.amba.payments.app.webhooks.WebhookFixture.endpoints;
import static com.amba.payments.app.webhooks.WebhookFixture.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.app.webhooks.AmbaWebhookVerifier;
import com.amba.payments.app.webhooks.TestReceiver;
import com.amba.payments.app.webhooks.TestReceiver.Received;
import com.amba.payments.app.webhooks.WebhookFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outgoing webhooks end to end (SPEC §12): real receivers over real HTTP, signed, retried, logged. */
class WebhooksOverHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static DevAmba amba;
    private TestReceiver receiver;
    private final List<String> endpointIds = new ArrayList<>();

    @BeforeAll
    static void start() {
        amba = WebhookFixture.start();
    }

    @AfterAll
    static void stop() {
        amba.close();
    }

    @BeforeEach
    void receive() {
        receiver = TestReceiver.start();
    }

    @AfterEach
    void cleanUp() {
        endpointIds.forEach(id -> amba.admin("DELETE", endpoints(amba) + "/" + id, null));
        receiver.close();
    }

    private JsonObject endpointFor(String url, String... events) {
        JsonObject created = endpoint(amba, url, events);
        endpointIds.add(created.getString("endpoint_id"));
        return created;
    }

    private static JsonObject event(Received request) {
        return new JsonObject(request.text());
    }

    private static boolean verifies(Received request, String secret) throws Exception {
        return AmbaWebhookVerifier.verify(request.header("Amba-Signature"), request.body(), secret,
                Instant.now().getEpochSecond());
    }

    @Test
    void theReceiverGetsCreatedAndStatusChangedOnceEachSignedAndVerifiesThem() throws Exception {
        JsonObject endpoint = endpointFor(receiver.url(), "*");
        String secret = endpoint.getString("signing_secret");
        assertTrue(secret.startsWith("whsec_"));

        Api.Answer made = amba.api.createPayment(amba.demo.serverKey(), new JsonObject().put("amount", 2500)
                .put("currency", "usd").put("metadata", new JsonObject().put("order_id", "6735"))
                .put("description", "Two blue mugs").encode());
        assertEquals(200, made.status(), made::toString);
        String paymentId = made.data().getString("payment_id");
        assertEquals(200, amba.provider.act(paymentId, "succeed"));
        TestReceiver.await(WAIT, "created and succeeded", () -> receiver.received().stream().map(WebhooksOverHttpTest::event)
                .anyMatch(e -> e.getJsonObject("data").getString("status").equals("succeeded")));
        Thread.sleep(500);

        List<Received> requests = receiver.received().stream()
                .filter(r -> event(r).getString("subject").equals(paymentId)).toList();
        Set<String> ids = new HashSet<>();
        for (Received request : requests) {
            JsonObject event = event(request);
            assertTrue(ids.add(event.getString("id")), "each event once: " + event.getString("id"));
            assertEquals(event.getString("id"), request.header("Amba-Event-Id"));
            assertTrue(verifies(request, secret), "Amba-Signature verifies with the documented helper");
            assertFalse(verifies(request, "whsec_not_the_secret_" + "x".repeat(20)), "and not with another secret");
            assertTrue(request.header("Content-Type").startsWith("application/cloudevents+json"));
            assertEquals("1.0", event.getString("specversion"));
            assertEquals("/projects/" + amba.demo.projectId().value(), event.getString("source"));
            assertFalse(request.text().contains("secret"), "no client secret or key in a webhook body");
            assertEquals(new JsonObject().put("order_id", "6735"), event.getJsonObject("data").getJsonObject("metadata"),
                    "the caller's metadata in every payment event");
            assertEquals("Two blue mugs", event.getJsonObject("data").getString("description"));
        }
        assertEquals("amba.payment.created", event(requests.get(0)).getString("type"));
        assertEquals(1, requests.stream().filter(r -> event(r).getString("type").equals("amba.payment.created")).count());
        Received succeeded = requests.get(requests.size() - 1);
        assertEquals("amba.payment.status_changed", event(succeeded).getString("type"));
        assertEquals("succeeded", event(succeeded).getJsonObject("data").getString("status"));
        assertEquals(2500, event(succeeded).getJsonObject("data").getLong("amount"));

        JsonArray log = deliveries(amba, endpoint.getString("endpoint_id"));
        assertEquals(requests.size(), log.size());
        for (Object item : log) {
            JsonObject delivery = (JsonObject) item;
            assertEquals("delivered", delivery.getString("status"), delivery.encode());
            assertEquals(1, delivery.getInteger("attempts"));
            assertEquals(200, delivery.getInteger("last_response_code"));
            assertNull(delivery.getString("next_attempt_at"));
        }
    }

    @Test
    void aReceiverAnswering500ThreeTimesGetsFourAttemptsWithGrowingGapsAndOneDelivery() {
        receiver.answer(500, 500, 500);
        JsonObject endpoint = endpointFor(receiver.url(), "amba.payment.created");
        String paymentId = pay(amba, 1800);

        TestReceiver.await(WAIT, "the fourth attempt", () -> receiver.received().size() >= 4);
        TestReceiver.await(WAIT, "the log to show the delivery", () -> deliveries(amba, endpoint.getString("endpoint_id"))
                .getJsonObject(0).getString("status").equals("delivered"));

        List<Received> requests = receiver.received();
        assertEquals(4, requests.size(), "three failures, one success, nothing more");
        assertEquals(List.of(500, 500, 500, 200), requests.stream().map(Received::answered).toList());
        assertEquals(1, requests.stream().map(Received::text).distinct().count(), "the same event every time");
        assertEquals(paymentId, event(requests.get(0)).getString("subject"));

        JsonArray log = deliveries(amba, endpoint.getString("endpoint_id"));
        assertEquals(1, log.size(), "one delivery");
        JsonObject delivery = log.getJsonObject(0);
        assertEquals(4, delivery.getInteger("attempts"));
        assertEquals(200, delivery.getInteger("last_response_code"));
        JsonArray attempts = delivery.getJsonArray("attempt_log");
        List<Integer> codes = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            codes.add(attempts.getJsonObject(i).getInteger("response_code"));
            if (i > 0) {
                gaps.add(Duration.between(Instant.parse(attempts.getJsonObject(i - 1).getString("at")),
                        Instant.parse(attempts.getJsonObject(i).getString("at"))).toMillis());
            }
        }
        assertEquals(List.of(500, 500, 500, 200), codes);
        assertTrue(gaps.get(0) >= 250 && gaps.get(0) < gaps.get(1) && gaps.get(1) < gaps.get(2),
                "backoff gaps grow: " + gaps);
    }

    @Test
    void duringTheRotationOverlapBothSecretsVerifyAfterwardsOnlyTheNewOne() throws Exception {
        JsonObject endpoint = endpointFor(receiver.url(), "amba.payment.created");
        String oldSecret = endpoint.getString("signing_secret");
        Api.Answer rotated = amba.admin("POST", endpoints(amba) + "/" + endpoint.getString("endpoint_id")
                + "/rotate-secret", null);
        assertEquals(200, rotated.status(), rotated.toString());
        String newSecret = rotated.data().getString("signing_secret");
        assertFalse(newSecret.equals(oldSecret));
        assertTrue(rotated.data().getString("rotation_ends_at") != null);

        pay(amba, 1500);
        TestReceiver.await(WAIT, "a delivery during the overlap", () -> receiver.received().size() == 1);
        Received during = receiver.received().get(0);
        assertEquals(2, during.header("Amba-Signature").split("v1=").length - 1, during.header("Amba-Signature"));
        assertTrue(verifies(during, oldSecret), "the old secret still verifies during the overlap");
        assertTrue(verifies(during, newSecret), "the new secret verifies");

        Thread.sleep(WebhookFixture.OVERLAP.toMillis() + 200);
        pay(amba, 1600);
        TestReceiver.await(WAIT, "a delivery after the overlap", () -> receiver.received().size() == 2);
        Received after = receiver.received().get(1);
        assertEquals(1, after.header("Amba-Signature").split("v1=").length - 1, after.header("Amba-Signature"));
        assertFalse(verifies(after, oldSecret), "the old secret no longer verifies");
        assertTrue(verifies(after, newSecret));
    }

    @Test
    void aRedirectIsNotFollowedAndADeliveryCanBeRetriedByHand() {
        try (TestReceiver target = TestReceiver.start()) {
            receiver.redirectingTo(target.url()).answer(302);
            JsonObject endpoint = endpointFor(receiver.url(), "amba.payment.created");
            String endpointId = endpoint.getString("endpoint_id");
            pay(amba, 1700);

            TestReceiver.await(WAIT, "the retry after the redirect", () -> receiver.received().size() >= 2);
            TestReceiver.await(WAIT, "delivered", () -> deliveries(amba, endpointId).getJsonObject(0)
                    .getString("status").equals("delivered"));
            assertEquals(List.of(), target.received(), "a 3xx is an answer, not a place to go");
            JsonObject delivery = deliveries(amba, endpointId).getJsonObject(0);
            assertEquals(302, delivery.getJsonArray("attempt_log").getJsonObject(0).getInteger("response_code"));

            Api.Answer retried = amba.admin("POST", endpoints(amba) + "/" + endpointId + "/deliveries/"
                    + delivery.getString("delivery_id") + "/retry", null);
            assertEquals(200, retried.status(), retried.toString());
            assertEquals("pending", retried.data().getString("status"));
            TestReceiver.await(WAIT, "the manual retry", () -> receiver.received().size() == 3);
            TestReceiver.await(WAIT, "delivered again", () -> deliveries(amba, endpointId).getJsonObject(0)
                    .getInteger("attempts") == 3);
        }
    }

    @Test
    void theAdminApiValidatesListsWithoutSecretsAndDeletes() {
        String base = endpoints(amba);
        assertEquals("INVALID_BODY", amba.admin("POST", base, "{\"url\":\"ftp://example.com\",\"events\":[\"*\"]}")
                .errorCode());
        assertEquals("INVALID_BODY", amba.admin("POST", base, "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"amba.payment.nope\"]}").errorCode());
        assertEquals("INVALID_BODY", amba.admin("POST", base, "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"*\"],\"secret\":\"mine\"}").errorCode());
        assertEquals("PROJECT_NOT_FOUND", amba.admin("GET", "/admin/projects/proj_nobody/webhook-endpoints", null)
                .errorCode());
        assertEquals("INVALID_ADMIN_TOKEN", amba.api.admin("GET", base, "wrong", null).errorCode());

        JsonObject created = endpointFor(receiver.url(), "*");
        String id = created.getString("endpoint_id");
        Api.Answer listed = amba.admin("GET", base, null);
        assertEquals(200, listed.status());
        assertTrue(listed.body().contains(id));
        assertFalse(listed.body().contains(created.getString("signing_secret")), "a list never shows a secret");
        assertFalse(listed.body().contains("signing_secret"));

        assertEquals("WEBHOOK_DELIVERY_NOT_FOUND", amba.admin("POST", base + "/" + id + "/deliveries/wd_none/retry", null)
                .errorCode());
        assertEquals(200, amba.admin("DELETE", base + "/" + id, null).status());
        assertEquals("WEBHOOK_ENDPOINT_NOT_FOUND", amba.admin("GET", base + "/" + id + "/deliveries", null).errorCode());
        assertEquals("WEBHOOK_ENDPOINT_NOT_FOUND", amba.admin("DELETE", base + "/" + id, null).errorCode());
        endpointIds.remove(id);
    }
}
