package com.amba.payments.app.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.kafka.testing.Eventually;
import com.amba.payments.adapter.kafka.testing.KafkaTestBroker;
import com.amba.payments.adapter.stripe.localstripe.IntentMove;
import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.Api;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Refund and dispute webhooks from the local Stripe server, through a real KRaft broker to the ledger and on to
 * {@code amba.payments.events}: shuffled and duplicated, they end where Stripe stands, and each change goes out
 * once as a CloudEvent.
 */
class RefundsOverKafkaTest {

    private static KafkaTestBroker broker;
    private static LocalStripe stripe;
    private static RunningAmba amba;
    private static Api api;
    private static String serverKey;

    @BeforeAll
    static void start() {
        broker = KafkaTestBroker.start();
        stripe = LocalStripe.start();
        AmbaConfig config = AmbaConfig.dev().withPort(0).withKafka(broker.bootstrapServers())
                .withStripe(stripe.secretKey(), stripe.apiBase().toString(), stripe.webhookSecret());
        amba = Amba.start(config);
        api = new Api(amba.port());
        stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:" + amba.port() + "/webhooks/stripe"));
        String account = amba.demo().orElseThrow().accountId().value();
        assertEquals(200, stripe.completeOnboarding(account).orElseThrow().status());
        serverKey = amba.demo().orElseThrow().serverKey();
        eventually(() -> api.createPayment(serverKey, "{\"amount\": 100, \"currency\": \"usd\"}").status() == 200,
                "the demo account can take charges once account.updated went through Kafka");
    }

    @AfterAll
    static void stop() {
        if (amba != null) {
            amba.close();
        }
        if (stripe != null) {
            stripe.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void shuffledDuplicatedRefundWebhooksEndInStripesTruthAndEachChangeGoesOutOnce() {
        String id = paidPayment(4000);
        Api.Answer ours = api.refund(serverKey, id, "{\"amount\": 1000, \"client_reference\": \"kafka-return\"}");
        assertEquals(200, ours.status(), ours::toString);
        stripe.refundOnDashboard(id, 500);
        eventually(() -> refunds(id).size() == 2, "the dashboard refund reached the ledger through Kafka");

        // Stripe delivers at least once and in any order: every refund's snapshot, as refund.created and
        // refund.updated, and an older "pending" rendering of each, three times over, shuffled.
        List<String> deliveries = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            deliveries.addAll(stripe.refundEvents("refund.created", id));
            deliveries.addAll(stripe.refundEvents("refund.updated", id));
            stripe.refundEvents("refund.updated", id).forEach(event -> deliveries.add(
                    event.replace("\"status\":\"succeeded\"", "\"status\":\"pending\"")));
        }
        Map<String, String> byEventId = new LinkedHashMap<>();
        deliveries.forEach(delivery -> byEventId.put(new JsonObject(delivery).getString("id"), delivery));
        List<String> once = new ArrayList<>(byEventId.values());
        List<String> shuffled = new ArrayList<>();
        for (int copy = 0; copy < 2; copy++) {
            shuffled.addAll(once);
        }
        Collections.shuffle(shuffled, new Random(9));
        shuffled.forEach(event -> assertEquals(200, stripe.deliver(event).status()));
        amba.relayNow();

        eventually(() -> api.readPayment(serverKey, id).data().getLong("amount_refunded") == 1500, "both succeeded");
        JsonObject read = api.readPayment(serverKey, id).data();
        assertEquals("partial", read.getString("refund_status"));
        refunds(id).forEach(refund -> assertEquals("succeeded", ((JsonObject) refund).getString("status")));

        List<JsonObject> published = publishedAbout(id, 3);
        List<JsonObject> refundEvents = published.stream()
                .filter(e -> e.getString("type").startsWith("amba.refund.")).toList();
        assertEquals(2, refundEvents.stream().filter(e -> e.getString("type").equals("amba.refund.created")).count(),
                refundEvents::toString);
        Set<String> changes = new HashSet<>();
        for (JsonObject event : refundEvents) {
            JsonObject data = event.getJsonObject("data");
            assertTrue(changes.add(data.getString("refund_id") + " " + data.getString("previous_status") + " -> "
                    + data.getString("status")), () -> "a change went out twice: " + refundEvents);
            assertEquals(id, data.getString("payment_id"));
            assertEquals(id, event.getString("subject"));
        }
    }

    @Test
    void aLostDisputeReachesThePaymentAndTakesItsAmountOffTheReportsNet() {
        JsonObject before = reportLine();
        String id = paidPayment(3000);
        assertEquals(200, stripe.dispute(id, "needs_response").orElseThrow().status());
        assertEquals(200, stripe.dispute(id, "under_review").orElseThrow().status());
        assertEquals(200, stripe.dispute(id, "lost").orElseThrow().status());
        eventually(() -> "lost".equals(api.readPayment(serverKey, id).data().getString("dispute_status")),
                "charge.dispute.closed went through Kafka to the ledger");

        JsonObject after = reportLine();
        assertEquals(before.getLong("gross") + 3000, after.getLong("gross"));
        assertEquals(before.getLong("disputed") + 3000, after.getLong("disputed"));
        assertEquals(before.getLong("net"), after.getLong("net"), "the new payment's gross is all lost to the dispute");
        assertEquals(after.getLong("gross") - after.getLong("refunded") - after.getLong("disputed"),
                after.getLong("net"), "every dispute of this project here was lost");
    }

    private static JsonObject reportLine() {
        Api.Answer report = api.admin("GET", "/admin/payments/report", amba.adminToken(), null);
        assertEquals(200, report.status(), report::toString);
        String project = amba.demo().orElseThrow().projectId().value();
        return report.data().getJsonArray("lines").stream().map(JsonObject.class::cast)
                .filter(line -> line.getString("project_id").equals(project) && line.getString("currency").equals("usd"))
                .findFirst().orElseThrow();
    }

    private static String paidPayment(long amount) {
        Api.Answer created = api.createPayment(serverKey, "{\"amount\": " + amount + ", \"currency\": \"usd\"}");
        assertEquals(200, created.status(), created::toString);
        String id = created.data().getString("payment_id");
        stripe.move(id, IntentMove.SUCCEED);
        eventually(() -> "succeeded".equals(api.readPayment(serverKey, id).data().getString("status")), "succeeded");
        return id;
    }

    private static JsonArray refunds(String id) {
        return api.refunds(serverKey, id).json().getJsonArray("data");
    }

    /** The payment's CloudEvents, deduplicated on their id as a downstream consumer must. */
    private static List<JsonObject> publishedAbout(String id, int atLeast) {
        Map<String, JsonObject> byEventId = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of("amba.payments.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            long quietUntil = 0;
            while (System.nanoTime() < deadline && (byEventId.size() < atLeast || System.nanoTime() < quietUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (id.equals(record.key())) {
                        JsonObject event = new JsonObject(record.value());
                        byEventId.putIfAbsent(event.getString("id"), event);
                        quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                    }
                }
            }
        }
        return new ArrayList<>(byEventId.values());
    }

    private static Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaTestBroker.newGroupId("downstream-refunds"));
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    private static void eventually(Supplier<Boolean> condition, String what) {
        Eventually.await(Duration.ofSeconds(30), condition::get, () -> what);
    }
}
