package com.amba.payments.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.kafka.testing.KafkaBrokerExtension;
import com.amba.payments.adapter.kafka.testing.KafkaTestBroker;
import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.Description;
import com.amba.payments.domain.model.PaymentNotes;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentEventType;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.testing.TestIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a downstream service reads from {@code amba.payments.events}, with a plain consumer and the CloudEvents SDK. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaPaymentEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TIME = Instant.parse("2025-03-01T12:00:05Z");
    private static final PaymentNotes NOTES = PaymentNotes.of(
            Map.of("order_id", "6735", "note", "gift wrap, \"blue\" ribbon"), Optional.of("Two blue mugs"));

    @Test
    void createdAndStatusChangedArriveAsStructuredCloudEventsKeyedByPayment(KafkaTestBroker broker)
            throws IOException {
        String topic = broker.newTopic("payment-events", 1);
        PaymentId payment = TestIds.paymentId();
        ProjectId project = TestIds.projectId();
        PaymentEvent created = new PaymentEvent(TestIds.outgoingEventId(), PaymentEventType.CREATED, payment,
                project, PaymentStatus.REQUIRES_PAYMENT_METHOD, Optional.empty(), Money.of(2_000, "usd"), 150,
                Optional.of(new ClientReference("order-42")), NOTES, TIME);
        PaymentEvent changed = new PaymentEvent(TestIds.outgoingEventId(), PaymentEventType.STATUS_CHANGED, payment,
                project, PaymentStatus.SUCCEEDED, Optional.of(PaymentStatus.PROCESSING), Money.of(2_000, "usd"), 150,
                Optional.of(new ClientReference("order-42")), NOTES, TIME.plusSeconds(30));

        try (KafkaPaymentEvents events = new KafkaPaymentEvents(broker.settings("relay"), topic)) {
            events.publish(created);
            events.publish(changed);
            assertEquals(2, broker.endOffsetTotal(topic), "on the broker when publish returns");
        }

        List<ConsumerRecord<String, byte[]>> records = readAll(broker, topic, 2);
        assertEquals(2, records.size());
        assertRecordCarries(records.get(0), created);
        assertRecordCarries(records.get(1), changed);
    }

    @Test
    void absentValuesAreJsonNullsAndZeroDecimalAmountsStayMinorUnits(KafkaTestBroker broker) throws IOException {
        String topic = broker.newTopic("payment-events", 1);
        PaymentEvent created = new PaymentEvent(TestIds.outgoingEventId(), PaymentEventType.CREATED,
                TestIds.paymentId(), TestIds.projectId(), PaymentStatus.REQUIRES_PAYMENT_METHOD, Optional.empty(),
                Money.of(500, "jpy"), 0, Optional.empty(), PaymentNotes.NONE, TIME);

        try (KafkaPaymentEvents events = new KafkaPaymentEvents(broker.settings("relay"), topic)) {
            events.publish(created);
        }

        ConsumerRecord<String, byte[]> record = readAll(broker, topic, 1).get(0);
        assertRecordCarries(record, created);
        JsonNode data = JSON.readTree(record.value()).get("data");
        assertTrue(data.get("previous_status").isNull(), "previous_status is null on created");
        assertTrue(data.get("client_reference").isNull(), "client_reference is null when none");
        assertTrue(data.get("metadata").isObject() && data.get("metadata").isEmpty(), "metadata is {} when none");
        assertTrue(data.get("description").isNull(), "description is null when none");
        assertEquals(500, data.get("amount").longValue());
        assertEquals(0, data.get("application_fee_amount").longValue());
    }

    private static void assertRecordCarries(ConsumerRecord<String, byte[]> record, PaymentEvent expected)
            throws IOException {
        assertEquals(expected.paymentId().value(), record.key(), "keyed by payment id");
        Header contentType = record.headers().lastHeader("content-type");
        assertNotNull(contentType, "structured mode announces itself");
        assertEquals("application/cloudevents+json", new String(contentType.value(), StandardCharsets.UTF_8));

        CloudEvent event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(record.value());
        assertEquals(SpecVersion.V1, event.getSpecVersion());
        assertEquals(expected.id(), event.getId());
        assertEquals(expected.type().wireName(), event.getType());
        assertEquals(URI.create("/projects/" + expected.projectId().value()), event.getSource());
        assertEquals(expected.paymentId().value(), event.getSubject());
        assertEquals(expected.time(), event.getTime().toInstant());
        assertEquals("application/json", event.getDataContentType());
        assertEquals(Map.of(), extensionsOf(event), "no extension attributes");

        JsonNode raw = JSON.readTree(record.value());
        assertEquals("1.0", raw.get("specversion").textValue());
        // RFC 3339: what any JSON consumer parses without the SDK.
        assertEquals(expected.time(), OffsetDateTime.parse(raw.get("time").textValue()).toInstant());
        assertFalse(raw.has("data_base64"), "JSON data is inline, not base64");
        assertFalse(new String(record.value(), StandardCharsets.UTF_8).contains("secret"), "never a secret");

        JsonNode data = JSON.readTree(event.getData().toBytes());
        assertEquals(List.of("payment_id", "project_id", "status", "previous_status", "amount", "currency",
                "application_fee_amount", "client_reference", "metadata", "description"), fieldNames(data));
        assertEquals(expected.paymentId().value(), data.get("payment_id").textValue());
        assertEquals(expected.projectId().value(), data.get("project_id").textValue());
        assertEquals(expected.status().wireName(), data.get("status").textValue());
        assertEquals(expected.previousStatus().map(PaymentStatus::wireName).orElse(null),
                data.get("previous_status").textValue());
        assertTrue(data.get("amount").isIntegralNumber());
        assertEquals(expected.amount().minor(), data.get("amount").longValue());
        assertEquals(expected.amount().currency().code(), data.get("currency").textValue());
        assertEquals(expected.applicationFee(), data.get("application_fee_amount").longValue());
        assertEquals(expected.clientReference().map(ClientReference::value).orElse(null),
                data.get("client_reference").textValue());
        Map<String, String> metadata = new java.util.TreeMap<>();
        data.get("metadata").fields().forEachRemaining(pair -> metadata.put(pair.getKey(), pair.getValue().textValue()));
        assertEquals(expected.notes().metadata().entries(), metadata, "the caller's metadata, strings as sent");
        assertEquals(expected.notes().description().map(Description::value).orElse(null),
                data.get("description").textValue());
    }

    private static Map<String, Object> extensionsOf(CloudEvent event) {
        Map<String, Object> extensions = new java.util.HashMap<>();
        event.getExtensionNames().forEach(name -> extensions.put(name, event.getExtension(name)));
        return extensions;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A downstream service's view: a plain consumer, no Amba code. */
    private static List<ConsumerRecord<String, byte[]>> readAll(KafkaTestBroker broker, String topic, int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
