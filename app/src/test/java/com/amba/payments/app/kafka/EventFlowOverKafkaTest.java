package com.amba.payments.app.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amba.payments.adapter.kafka.testing.Eventually;
import com.amba.payments.adapter.kafka.testing.KafkaTestBroker;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.DevAmba;
import com.amba.payments.app.http.StripeSignature;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service with AMBA_KAFKA_BOOTSTRAP_SERVERS set, against a real KRaft broker: provider events (sandbox
 * actions and signed webhooks) travel through Kafka to the ledger, and every ledger change reaches
 * {@code amba.payments.events} as a CloudEvent keyed by payment id.
 */
class EventFlowOverKafkaTest {

    private static KafkaTestBroker broker;
    private static RunningAmba amba;
    private static Api api;
    private static String serverKey;
    private static String clientKey;

    @BeforeAll
    static void start() {
        broker = KafkaTestBroker.start();
        AmbaConfig config = AmbaConfig.dev().withPort(0).withWebhookSecret(DevAmba.WEBHOOK_SECRET)
                .withKafka(broker.bootstrapServers());
        amba = Amba.start(config);
        api = new Api(amba.port());
        serverKey = amba.demo().orElseThrow().serverKey();
        clientKey = amba.demo().orElseThrow().clientKey();
    }

    @AfterAll
    static void stop() {
        if (amba != null) {
            amba.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aSandboxActionReachesTheLedgerThroughKafka() {
        String id = create("kafka-sandbox");
        assertEquals(200, api.sandbox(id, "succeed").status());
        eventually(() -> "succeeded".equals(statusOf(id)), "the consumer applied payment_intent.succeeded");
        assertEquals(200, api.send("GET", "/health/ready", Map.of(), null).status(), "ready: Kafka reachable");
    }

    /**
     * Micrometer's Kafka binder on the service's own clients: the provider-events consumer's lag, once it has
     * fetched from its partitions, is a number (0 or more, not NaN), and the producer that handed the event
     * to Kafka counts its sends.
     */
    @Test
    void metricsShowTheConsumersLagAndTheProducersSends() {
        String id = create("kafka-metrics");
        assertEquals(200, api.sandbox(id, "succeed").status());
        eventually(() -> "succeeded".equals(statusOf(id)), "the consumer applied payment_intent.succeeded");
        eventually(() -> metric("kafka_consumer_fetch_manager_records_lag_max", "consumer=\"provider-events\"")
                        .filter(lag -> lag >= 0).isPresent(),
                "kafka_consumer_fetch_manager_records_lag_max{consumer=\"provider-events\"} is a lag (>= 0)");
        eventually(() -> metric("kafka_producer_record_send_total", "producer=\"provider-events\"")
                        .filter(sent -> sent >= 1).isPresent(),
                "kafka_producer_record_send_total{producer=\"provider-events\"} counts the handed-off event");
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}, if /metrics has one. */
    private static Optional<Double> metric(String name, String label) {
        String body = api.send("GET", "/metrics", Map.of(), null).body();
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(body);
        while (sample.find()) {
            if (sample.group(1).contains(label)) {
                return Optional.of(Double.parseDouble(sample.group(2)));
            }
        }
        return Optional.empty();
    }

    @Test
    void aSignedWebhookIsHandedToKafkaThenApplied() {
        String id = create("kafka-webhook");
        String account = amba.demo().orElseThrow().accountId().value();
        String event = new JsonObject()
                .put("id", "evt_webhook_" + id).put("object", "event").put("api_version", "2024-06-20")
                .put("type", "payment_intent.processing").put("created", Instant.now().getEpochSecond() + 1)
                .put("livemode", false).put("account", account)
                .put("data", new JsonObject().put("object", new JsonObject()
                        .put("id", id).put("object", "payment_intent").put("amount", 1999).put("currency", "usd")
                        .put("status", "processing").put("livemode", false)
                        .put("metadata", new JsonObject().put("amba_project_id", amba.demo().orElseThrow().projectId().value()))))
                .encode();
        Api.Answer tampered = api.send("POST", "/webhooks/stripe",
                Map.of("Stripe-Signature", sign(event, Instant.now()), "Content-Type", "application/json"),
                event.replace("processing", "succeeded"));
        assertEquals(400, tampered.status());
        assertEquals("INVALID_SIGNATURE", tampered.errorCode());

        Api.Answer accepted = api.send("POST", "/webhooks/stripe",
                Map.of("Stripe-Signature", sign(event, Instant.now()), "Content-Type", "application/json"), event);
        assertEquals(200, accepted.status(), accepted::toString);
        eventually(() -> "processing".equals(statusOf(id)), "the webhook's event was applied");
        Api.Answer duplicate = api.send("POST", "/webhooks/stripe",
                Map.of("Stripe-Signature", sign(event, Instant.now()), "Content-Type", "application/json"), event);
        assertEquals(200, duplicate.status(), "Stripe's retry is acknowledged");
    }

    @Test
    void everyLedgerChangeIsPublishedAsACloudEventKeyedByPayment() {
        JsonObject metadata = new JsonObject().put("order_id", "6735").put("note", "gift wrap, \"blue\" ribbon ü");
        Api.Answer made = api.createPayment(serverKey, new JsonObject().put("amount", 1999).put("currency", "usd")
                .put("client_reference", "kafka-cloudevents").put("metadata", metadata)
                .put("description", "Two blue mugs").encode());
        assertEquals(200, made.status(), made::toString);
        String id = made.data().getString("payment_id");
        assertEquals(200, api.sandbox(id, "succeed").status());
        eventually(() -> "succeeded".equals(statusOf(id)), "applied");
        amba.relayNow();
        // At least once: a consumer deduplicates on the CloudEvent id, as downstream services must.
        java.util.Map<String, ConsumerRecord<String, String>> byEventId = new java.util.LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of("amba.payments.events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (byEventId.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (id.equals(record.key())) {
                        byEventId.putIfAbsent(new JsonObject(record.value()).getString("id"), record);
                    }
                }
            }
        }
        List<ConsumerRecord<String, String>> mine = new ArrayList<>(byEventId.values());
        assertEquals(2, mine.size(), "created and status_changed");
        JsonObject created = new JsonObject(mine.get(0).value());
        JsonObject changed = new JsonObject(mine.get(1).value());
        assertEquals("1.0", created.getString("specversion"));
        assertEquals("amba.payment.created", created.getString("type"));
        assertEquals("amba.payment.status_changed", changed.getString("type"));
        assertEquals("/projects/" + amba.demo().orElseThrow().projectId().value(), changed.getString("source"));
        assertEquals(id, changed.getString("subject"));
        assertEquals("succeeded", changed.getJsonObject("data").getString("status"));
        assertEquals("requires_payment_method", changed.getJsonObject("data").getString("previous_status"));
        assertFalse(mine.get(0).value().contains("_secret_"), "no client secret in an event");
        for (JsonObject event : List.of(created, changed)) {
            assertEquals(metadata, event.getJsonObject("data").getJsonObject("metadata"),
                    () -> event.getString("type") + " carries the caller's metadata");
            assertEquals("Two blue mugs", event.getJsonObject("data").getString("description"));
        }
    }

    private static Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaTestBroker.newGroupId("downstream"));
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    private static String create(String reference) {
        Api.Answer created = api.createPayment(serverKey,
                "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"" + reference + "\"}");
        assertEquals(200, created.status(), created::toString);
        return created.data().getString("payment_id");
    }

    private static String statusOf(String id) {
        return api.readPayment(clientKey, id).data().getString("status");
    }

    static String sign(String payload, Instant at) {
        return StripeSignature.header(payload, DevAmba.WEBHOOK_SECRET, at);
    }

    private static void eventually(Supplier<Boolean> condition, String what) {
        Eventually.await(Duration.ofSeconds(20), condition::get, () -> what);
    }
}
