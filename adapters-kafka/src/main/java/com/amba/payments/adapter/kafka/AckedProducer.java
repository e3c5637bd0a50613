package com.amba.payments.adapter.kafka;

import com.amba.payments.domain.port.out.StoreUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Sends one record and returns only once every in-sync replica has it. Both of Amba's producers need exactly
 * this: the webhook may answer 2xx, and the outbox may mark an event relayed, only after the broker's ack.
 */
final class AckedProducer implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final Duration ackWait;
    private final String purpose;
    private volatile KafkaClientMetrics metrics;

    AckedProducer(KafkaSettings settings, String purpose) {
        this.producer = new KafkaProducer<>(settings.producerProperties(purpose));
        this.purpose = purpose;
        // send() may block up to max.block for metadata before the delivery clock even starts; past both, the
        // producer has given up by itself and the extra request timeout is only slack for its callback.
        this.ackWait = settings.deliveryTimeout().plus(settings.requestTimeout());
    }

    /** @throws StoreUnavailable when the broker did not acknowledge in time; the record may or may not be there. */
    RecordMetadata send(ProducerRecord<String, byte[]> record) {
        try {
            Future<RecordMetadata> ack = producer.send(record);
            return ack.get(ackWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StoreUnavailable("Kafka did not acknowledge a record for " + record.topic(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreUnavailable("Kafka did not acknowledge a record for " + record.topic() + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting for Kafka's acknowledgement", e);
        } catch (KafkaException e) {
            // Thrown by send() itself: no metadata within max.block, a record the producer cannot take.
            throw new StoreUnavailable("Kafka refused a record for " + record.topic(), e);
        } catch (IllegalStateException e) {
            // The producer was closed under a request still in flight (shutdown): the caller's retry goes to
            // the next instance.
            throw new StoreUnavailable("the Kafka producer is closed", e);
        }
    }

    /** Micrometer's Kafka binder on this producer, tagged {@code producer=<purpose>}; closed with the producer. */
    void bindMetrics(MeterRegistry registry) {
        KafkaClientMetrics binder = new KafkaClientMetrics(producer, List.of(Tag.of("producer", purpose)));
        binder.bindTo(registry);
        metrics = binder;
    }

    @Override
    public void close() {
        try {
            producer.close(ackWait);
        } finally {
            KafkaClientMetrics binder = metrics;
            if (binder != null) {
                binder.close();
            }
        }
    }
}
