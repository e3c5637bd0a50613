package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.port.in.ApplyProviderEvent;
import com.amba.payments.domain.port.out.PaymentEvents;
import com.amba.payments.domain.port.out.ProviderEventHandoff;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Dev mode's stand-in for Kafka, both ways. Provider events are applied synchronously on hand-off, so a
 * sandbox action is visible to the very next read. Published payment events are kept (the newest
 * {@code capacity}) so a person or a test can look at what downstream services would have seen.
 */
public final class InProcessEventBus implements ProviderEventHandoff, PaymentEvents {

    private static final System.Logger LOG = System.getLogger(InProcessEventBus.class.getName());
    public static final int DEFAULT_CAPACITY = 1_000;

    private final int capacity;
    private final Deque<PaymentEvent> published = new ArrayDeque<>();
    private volatile ApplyProviderEvent consumer;

    public InProcessEventBus() {
        this(DEFAULT_CAPACITY);
    }

    public InProcessEventBus(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /** The consumer is built after the bus (it needs the provider, which needs the bus), hence a setter. */
    public void connect(ApplyProviderEvent consumer) {
        this.consumer = Objects.requireNonNull(consumer);
    }

    @Override
    public void handOff(ProviderEvent event) {
        ApplyProviderEvent target = consumer;
        if (target == null) {
            throw new StoreUnavailable("no consumer connected to the in-process event bus yet");
        }
        target.apply(event);
    }

    @Override
    public void publish(PaymentEvent event) {
        synchronized (published) {
            if (published.size() == capacity) {
                published.removeFirst();
            }
            published.addLast(event);
        }
        LOG.log(Level.INFO, "payment event {0} {1} payment={2} project={3} status={4}", event.id(),
                event.type().wireName(), event.paymentId(), event.projectId(), event.status());
    }

    /** The most recently published events, oldest first. */
    public List<PaymentEvent> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }
}
