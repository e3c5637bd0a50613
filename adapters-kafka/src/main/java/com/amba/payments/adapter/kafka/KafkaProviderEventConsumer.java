package com.amba.payments.adapter.kafka;

import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.port.in.ApplyProviderEvent;
import com.amba.payments.domain.port.out.StoreUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * Feeds provider events from {@code amba.provider.events} to the ledger, at least once. An offset is
 * committed only after {@link ApplyProviderEvent#apply} returned, so a crash between the two redelivers the
 * event and the domain's inbox recognises the repeat. When the ledger or the provider cannot take an event,
 * the consumer seeks back to it and tries again after a growing pause: later events of that partition wait
 * behind it, so one payment's events are never applied out of order and none is ever skipped.
 *
 * <p>The Kafka consumer lives on this class's own thread: KafkaConsumer is not thread-safe.
 */
public final class KafkaProviderEventConsumer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaProviderEventConsumer.class.getName());

    private final KafkaSettings settings;
    private final String topic;
    private final ApplyProviderEvent ledger;
    private final Consumer<String, byte[]> consumer;
    private final Thread thread;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong undecodable = new AtomicLong();
    private volatile KafkaClientMetrics metrics;

    public KafkaProviderEventConsumer(KafkaSettings settings, String groupId, ApplyProviderEvent ledger) {
        this(settings, groupId, ledger, KafkaTopics.PROVIDER_EVENTS);
    }

    /** A different topic is for tests that must not see each other's events. */
    public KafkaProviderEventConsumer(KafkaSettings settings, String groupId, ApplyProviderEvent ledger,
                                      String topic) {
        this.settings = settings;
        this.topic = topic;
        this.ledger = ledger;
        this.consumer = new KafkaConsumer<>(settings.consumerProperties(groupId));
        this.thread = Thread.ofPlatform().name("amba-provider-events-" + groupId).unstarted(this::run);
    }

    /** Starts consuming on the consumer's own thread; returns at once. */
    public KafkaProviderEventConsumer start() {
        thread.start();
        return this;
    }

    /** For readiness: false before {@link #start()}, after {@link #close()}, or if the loop died. */
    public boolean isRunning() {
        return thread.isAlive() && stopping.getCount() > 0;
    }

    /**
     * Puts this consumer's own client metrics on {@code registry} through Micrometer's Kafka binder, among them
     * {@code kafka.consumer.fetch.manager.records.lag.max} (the consumer lag), tagged {@code consumer=provider-events}.
     * The binder is closed with the consumer.
     */
    public void bindMetrics(MeterRegistry registry) {
        KafkaClientMetrics binder = new KafkaClientMetrics(consumer, List.of(Tag.of("consumer", "provider-events")));
        binder.bindTo(registry);
        metrics = binder;
    }

    /** Records skipped because they were not provider events at all; each was logged with its offset. */
    public long undecodableRecords() {
        return undecodable.get();
    }

    /**
     * Stops after the event being applied (if any) is committed, then leaves the group so its partitions move
     * to another instance at once.
     */
    @Override
    public void close() {
        stopping.countDown();
        try {
            stopConsuming();
        } finally {
            KafkaClientMetrics binder = metrics;
            if (binder != null) {
                binder.close();
            }
        }
    }

    private void stopConsuming() {
        if (!thread.isAlive()) {
            if (thread.getState() == Thread.State.NEW) {
                consumer.close(settings.commitTimeout());
            }
            return;
        }
        try {
            thread.join(settings.pollTimeout().plus(settings.commitTimeout()).plus(settings.deliveryTimeout())
                    .toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        RetryBackoff backoff = new RetryBackoff(settings.retryBackoff(), settings.maxRetryBackoff());
        try {
            consumer.subscribe(List.of(topic));
            while (!isStopping()) {
                boolean allTaken;
                try {
                    allTaken = applyAll(consumer.poll(settings.pollTimeout()));
                } catch (KafkaException e) {
                    LOG.log(Level.ERROR, "provider events consumer failed to poll " + topic + "; retrying", e);
                    allTaken = false;
                }
                if (allTaken) {
                    backoff.reset();
                } else {
                    pause(backoff.next());
                }
            }
        } catch (RuntimeException e) {
            // Logged, not rethrown: the default handler would print it outside the JSON log. isRunning() turns
            // false, so readiness reports the consumer gone.
            LOG.log(Level.ERROR, "provider events consumer stopped on an unexpected failure", e);
        } finally {
            consumer.close(settings.commitTimeout());
        }
    }

    /** @return false if some partition has to be retried (it was seeked back to the event that failed). */
    private boolean applyAll(ConsumerRecords<String, byte[]> records) {
        boolean allTaken = true;
        for (TopicPartition partition : records.partitions()) {
            allTaken &= applyInOrder(partition, records.records(partition));
        }
        return allTaken;
    }

    private boolean applyInOrder(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (isStopping()) {
                // Whatever is left was not applied and is not committed: the next owner starts from it.
                return true;
            }
            if (!applyOne(record)) {
                consumer.seek(partition, record.offset());
                return false;
            }
            if (!commit(partition, record.offset() + 1)) {
                return false;
            }
        }
        return true;
    }

    /** @return true when the ledger decided on the event (or it can never be one), false to retry it. */
    private boolean applyOne(ConsumerRecord<String, byte[]> record) {
        ProviderEvent event;
        try {
            event = ProviderEventJson.read(record.value());
        } catch (UndecodableEvent e) {
            // Retrying cannot make these bytes readable, and waiting on them would stall every payment behind
            // them. The record stays on the topic (until retention) for a person to look at.
            undecodable.incrementAndGet();
            LOG.log(Level.ERROR, "skipping undecodable record {0}-{1}@{2}: {3}", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return true;
        }
        try {
            ledger.apply(event);
            return true;
        } catch (StoreUnavailable e) {
            LOG.log(Level.WARNING, "ledger could not take provider event {0} yet; will retry: {1}", event.id(),
                    e.getMessage());
            return false;
        } catch (RuntimeException e) {
            // A defect, not an outage; still never drop a payment's event: retry, loudly.
            LOG.log(Level.ERROR, "applying provider event " + event.id() + " failed; will retry", e);
            return false;
        }
    }

    /**
     * Commits past one applied record. A failed commit only means the event comes again (the ledger
     * recognises it), but the partition may have moved to another instance, so this batch stops here.
     */
    private boolean commit(TopicPartition partition, long nextOffset) {
        try {
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(nextOffset)), settings.commitTimeout());
            return true;
        } catch (KafkaException e) {
            LOG.log(Level.WARNING, "could not commit {0}@{1}; the event will be delivered again: {2}", partition,
                    nextOffset, e.getMessage());
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, nextOffset);
            }
            return false;
        }
    }

    private boolean isStopping() {
        return stopping.getCount() == 0;
    }

    private void pause(Duration wait) {
        try {
            stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping.countDown();
        }
    }
}
