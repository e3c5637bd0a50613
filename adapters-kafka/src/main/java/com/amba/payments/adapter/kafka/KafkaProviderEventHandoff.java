package com.amba.payments.adapter.kafka;

import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.port.out.ProviderEventHandoff;
import com.amba.payments.domain.port.out.StoreUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Puts a verified provider event on {@code amba.provider.events} and returns once every in-sync replica has
 * it, so the webhook acknowledges Stripe only for events that cannot be lost.
 */
public final class KafkaProviderEventHandoff implements ProviderEventHandoff, AutoCloseable {

    private final AckedProducer producer;
    private final String topic;

    public KafkaProviderEventHandoff(KafkaSettings settings) {
        this(settings, KafkaTopics.PROVIDER_EVENTS);
    }

    /** A different topic is for tests that must not see each other's events. */
    public KafkaProviderEventHandoff(KafkaSettings settings, String topic) {
        this.producer = new AckedProducer(settings, "provider-events");
        this.topic = topic;
    }

    /** @throws StoreUnavailable when the broker did not acknowledge the event in time; the webhook answers 503. */
    @Override
    public void handOff(ProviderEvent event) {
        producer.send(new ProducerRecord<>(topic, ProviderEventJson.key(event), ProviderEventJson.write(event)));
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
