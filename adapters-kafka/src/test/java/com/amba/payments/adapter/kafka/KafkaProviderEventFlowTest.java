package com.amba.payments.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.kafka.testing.Eventually;
import com.amba.payments.adapter.kafka.testing.KafkaBrokerExtension;
import com.amba.payments.adapter.kafka.testing.KafkaTestBroker;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.testing.TestIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Webhook hand-off to ledger, through a real broker: every event arrives, in order per payment, at least once. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaProviderEventFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long NOTHING_COMMITTED = -1;

    @Test
    void everyHandedOffEventReachesTheLedgerInOrderPerPayment(KafkaTestBroker broker) {
        String topic = broker.newTopic("provider-events", 3);
        List<PaymentId> payments = List.of(TestIds.paymentId(), TestIds.paymentId(), TestIds.paymentId());
        ConnectedAccountId account = TestIds.accountId();
        List<PaymentStatus> lifecycle = List.of(PaymentStatus.REQUIRES_PAYMENT_METHOD,
                PaymentStatus.REQUIRES_ACTION, PaymentStatus.PROCESSING, PaymentStatus.REQUIRES_CAPTURE,
                PaymentStatus.SUCCEEDED);
        List<ProviderEvent> handedOff = new ArrayList<>();
        // Interleaved across payments, as webhooks arrive.
        for (int step = 0; step < lifecycle.size(); step++) {
            for (PaymentId payment : payments) {
                handedOff.add(ProviderEvents.intent(payment, lifecycle.get(step), step));
            }
        }
        handedOff.add(ProviderEvents.account(account, false));
        handedOff.add(ProviderEvents.account(account, true));

        RecordingLedger ledger = new RecordingLedger();
        try (KafkaProviderEventHandoff handoff = new KafkaProviderEventHandoff(broker.settings("webhook"), topic);
             KafkaProviderEventConsumer consumer = new KafkaProviderEventConsumer(broker.settings("ledger"),
                     KafkaTestBroker.newGroupId("ledger"), ledger, topic).start()) {
            handedOff.forEach(handoff::handOff);
            assertEquals(handedOff.size(), broker.endOffsetTotal(topic), "on the broker when handOff returns");

            Eventually.await(WAIT, () -> ledger.applied().size() >= handedOff.size(), ledger::applied);
            assertTrue(consumer.isRunning());
        }

        assertEquals(byKey(handedOff), byKey(ledger.applied()), "each payment's and account's events, in order");
        assertEquals(handedOff.size(), ledger.applied().size(), "nothing twice with one healthy consumer");
    }

    @Test
    void eventTheLedgerRefusesIsRetriedAndCommittedOnlyAfterItWasApplied(KafkaTestBroker broker) {
        String topic = broker.newTopic("provider-events", 1);
        String group = KafkaTestBroker.newGroupId("ledger");
        PaymentId payment = TestIds.paymentId();
        ProviderEvent first = ProviderEvents.intent(payment, PaymentStatus.PROCESSING, 1);
        ProviderEvent second = ProviderEvents.intent(payment, PaymentStatus.SUCCEEDED, 2);
        RecordingLedger ledger = new RecordingLedger();
        ledger.goDown();

        try (KafkaProviderEventHandoff handoff = new KafkaProviderEventHandoff(broker.settings("webhook"), topic);
             KafkaProviderEventConsumer consumer = new KafkaProviderEventConsumer(broker.settings("ledger"), group,
                     ledger, topic).start()) {
            handoff.handOff(first);
            handoff.handOff(second);

            Eventually.await(WAIT, () -> ledger.attempts().size() >= 3, ledger::attempts);
            assertTrue(ledger.attempts().stream().allMatch(first::equals),
                    "the later event waits behind the refused one: " + ledger.attempts());
            assertEquals(Map.of(), broker.committedOffsets(group), "nothing committed while the ledger is down");

            ledger.comeBack();
            Eventually.await(WAIT, () -> ledger.applied().size() == 2, ledger::applied);
            assertEquals(List.of(first, second), ledger.applied());
            Eventually.await(WAIT, () -> committed(broker, group, topic) == 2, () -> broker.committedOffsets(group)
                    .toString());
        }
    }

    @Test
    void ledgerFailingTwiceGetsTheSameEventAThirdTimeAndOnlyThenItIsCommitted(KafkaTestBroker broker) {
        String topic = broker.newTopic("provider-events", 1);
        String group = KafkaTestBroker.newGroupId("ledger");
        ProviderEvent event = ProviderEvents.intent(TestIds.paymentId(), PaymentStatus.SUCCEEDED, 1);
        RecordingLedger ledger = new RecordingLedger();
        ledger.failNextAttempts(2);
        List<Long> committedAtEachAttempt = new CopyOnWriteArrayList<>();
        ledger.beforeEachAttempt(attempt -> committedAtEachAttempt.add(committed(broker, group, topic)));

        try (KafkaProviderEventHandoff handoff = new KafkaProviderEventHandoff(broker.settings("webhook"), topic);
             KafkaProviderEventConsumer consumer = new KafkaProviderEventConsumer(broker.settings("ledger"), group,
                     ledger, topic).start()) {
            handoff.handOff(event);
            Eventually.await(WAIT, () -> ledger.applied().size() == 1, ledger::attempts);
            Eventually.await(WAIT, () -> committed(broker, group, topic) == 1, () -> broker.committedOffsets(group));
        }

        assertEquals(List.of(event, event, event), ledger.attempts());
        assertEquals(List.of(event), ledger.applied());
        assertEquals(List.of(NOTHING_COMMITTED, NOTHING_COMMITTED, NOTHING_COMMITTED), committedAtEachAttempt,
                "not committed before apply returned");
    }

    @Test
    void restartedConsumerResumesAfterCommittedEventsAndGetsUncommittedOnesAgain(KafkaTestBroker broker) {
        String topic = broker.newTopic("provider-events", 1);
        String group = KafkaTestBroker.newGroupId("ledger");
        PaymentId payment = TestIds.paymentId();
        List<ProviderEvent> applied = List.of(ProviderEvents.intent(payment, PaymentStatus.REQUIRES_ACTION, 1),
                ProviderEvents.intent(payment, PaymentStatus.PROCESSING, 2));
        ProviderEvent refused = ProviderEvents.intent(payment, PaymentStatus.REQUIRES_CAPTURE, 3);
        ProviderEvent later = ProviderEvents.intent(payment, PaymentStatus.SUCCEEDED, 4);

        try (KafkaProviderEventHandoff handoff = new KafkaProviderEventHandoff(broker.settings("webhook"), topic)) {
            RecordingLedger before = new RecordingLedger();
            try (KafkaProviderEventConsumer consumer = new KafkaProviderEventConsumer(broker.settings("ledger"),
                    group, before, topic).start()) {
                applied.forEach(handoff::handOff);
                Eventually.await(WAIT, () -> before.applied().size() == 2, before::applied);
                before.goDown();
                handoff.handOff(refused);
                Eventually.await(WAIT, () -> before.attempts().contains(refused), before::attempts);
            }
            assertEquals(2, committed(broker, group, topic), "committed up to the last applied event");

            handoff.handOff(later);
            RecordingLedger after = new RecordingLedger();
            try (KafkaProviderEventConsumer consumer = new KafkaProviderEventConsumer(broker.settings("ledger"),
                    group, after, topic).start()) {
                Eventually.await(WAIT, () -> after.applied().contains(later), after::applied);
            }
            // One partition, so anything redelivered from before the commit would have come first.
            assertEquals(List.of(refused, later), after.applied());
            assertEquals(4, committed(broker, group, topic));
        }
    }

    @Test
    void recordThatIsNotAProviderEventIsSkippedAndTheNextOneApplied(KafkaTestBroker broker) {
        String topic = broker.newTopic("provider-events", 1);
        ProviderEvent event = ProviderEvents.intent(TestIds.paymentId(), PaymentStatus.SUCCEEDED, 1);
        RecordingLedger ledger = new RecordingLedger();
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
             KafkaProviderEventHandoff handoff = new KafkaProviderEventHandoff(broker.settings("webhook"), topic);
             KafkaProviderEventConsumer consumer = new KafkaProviderEventConsumer(broker.settings("ledger"),
                     KafkaTestBroker.newGroupId("ledger"), ledger, topic).start()) {
            raw.send(new ProducerRecord<>(topic, "pi_garbage", "{oops".getBytes(StandardCharsets.UTF_8)));
            raw.flush();
            handoff.handOff(event);

            Eventually.await(WAIT, () -> ledger.applied().size() == 1, ledger::attempts);
            assertEquals(List.of(event), ledger.attempts());
            assertEquals(1, consumer.undecodableRecords());
        }
    }

    @Test
    void closedConsumerReportsNotRunning(KafkaTestBroker broker) {
        String topic = broker.newTopic("provider-events", 1);
        KafkaProviderEventConsumer consumer = new KafkaProviderEventConsumer(broker.settings("ledger"),
                KafkaTestBroker.newGroupId("ledger"), new RecordingLedger(), topic);
        assertFalse(consumer.isRunning(), "not before start");
        consumer.start();
        assertTrue(consumer.isRunning());
        long started = System.nanoTime();
        consumer.close();
        assertFalse(consumer.isRunning());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0,
                "close returns promptly");
    }

    private static long committed(KafkaTestBroker broker, String group, String topic) {
        var offset = broker.committedOffsets(group).get(new TopicPartition(topic, 0));
        return offset == null ? NOTHING_COMMITTED : offset.offset();
    }

    private static Map<String, List<ProviderEvent>> byKey(List<ProviderEvent> events) {
        return events.stream().collect(Collectors.groupingBy(ProviderEventJson::key, LinkedHashMap::new,
                Collectors.toList()));
    }
}
