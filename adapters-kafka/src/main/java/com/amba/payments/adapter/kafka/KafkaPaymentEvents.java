package com.amba.payments.adapter.kafka;

import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.port.out.PaymentEvents;
import com.amba.payments.domain.port.out.StoreUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes ledger changes to {@code amba.payments.events} as CloudEvents, keyed by payment id so each
 * payment's events stay in order. Returns once every in-sync replica has the event, so the outbox relay marks
 * an event relayed only when downstream services can no longer miss it.
 */
public final class KafkaPaymentEvents implements PaymentEvents, AutoCloseable {

    private static final String CONTENT_TYPE_HEADER = "content-type";

    private final AckedProducer producer;
    private final String topic;

    public KafkaPaymentEvents(KafkaSettings settings) {
        this(settings, KafkaTopics.PAYMENT_EVENTS);
    }

    /** A different topic is for tests that must not see each other's events. */
    public KafkaPaymentEvents(KafkaSettings settings, String topic) {
        this.producer = new AckedProducer(settings, "payment-events");
        this.topic = topic;
    }

    /** @throws StoreUnavailable when the broker did not acknowledge the event in time; the relay retries. */
    @Override
    public void publish(PaymentEvent event) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, event.paymentId().value(), PaymentCloudEvents.serialize(event));
        // CloudEvents' Kafka binding tells structured mode from binary mode by this header.
        record.headers().add(CONTENT_TYPE_HEADER,
                PaymentCloudEvents.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        producer.send(record);
    }

    /** Micrometer's Kafka binder on this producer (send rates, errors, latency); closed with it. */
    public void bindMetrics(MeterRegistry registry) {
        producer.bindMetrics(registry);
    }

    @Override
    public void close() {
        producer.close();
    }
}
