package com.amba.payments.app;

import com.amba.payments.domain.model.ClaimedDelivery;
import com.amba.payments.domain.model.WebhookEndpointId;
import com.amba.payments.domain.port.in.DeliverWebhooks;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs outgoing webhook attempts off the request path: each tick fans recorded events out, then claims due
 * deliveries (none for an endpoint already at its concurrency bound) and sends each on a virtual thread of its
 * own. A slow or dead endpoint therefore holds at most its own few threads and never a claim slot of another
 * endpoint, nor any thread the HTTP API uses.
 */
final class WebhookDispatcher implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookDispatcher.class.getName());
    /** Fan-out batches per tick, so a large backlog cannot keep one tick from claiming. */
    private static final int FAN_OUT_BATCHES_PER_TICK = 10;
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(2);

    private final DeliverWebhooks deliver;
    private final int perEndpoint;
    private final Map<WebhookEndpointId, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService attempts = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("amba-webhook-", 0).factory());
    private volatile boolean closed;

    WebhookDispatcher(DeliverWebhooks deliver, int perEndpoint) {
        this.deliver = deliver;
        this.perEndpoint = perEndpoint;
    }

    /** One round: fan out, claim, launch. Called by the background schedule, never concurrently with itself. */
    void tick() {
        if (closed) {
            return;
        }
        try {
            for (int batch = 0; batch < FAN_OUT_BATCHES_PER_TICK && deliver.fanOutOnce() > 0; batch++) {
                // keep fanning out while there is a backlog
            }
        } catch (StoreUnavailable e) {
            LOG.log(Level.WARNING, "webhook fan-out: the store is unavailable; trying again next tick");
        }
        for (ClaimedDelivery claimed : deliver.claim(busyEndpoints())) {
            WebhookEndpointId endpoint = claimed.endpoint().id();
            inFlight.computeIfAbsent(endpoint, id -> new AtomicInteger()).incrementAndGet();
            attempts.execute(() -> {
                try {
                    deliver.attempt(claimed);
                } catch (RuntimeException e) {
                    // The lease runs out and the delivery is claimed again: at least once, never lost.
                    LOG.log(Level.WARNING, "webhook delivery " + claimed.delivery().id() + " could not be recorded: "
                            + e.getClass().getSimpleName());
                } finally {
                    inFlight.get(endpoint).decrementAndGet();
                }
            });
        }
    }

    private Set<WebhookEndpointId> busyEndpoints() {
        return inFlight.entrySet().stream().filter(e -> e.getValue().get() >= perEndpoint).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Attempts being sent right now (for tests and the shutdown). */
    int inFlight() {
        return inFlight.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        closed = true;
        attempts.shutdown();
        try {
            attempts.awaitTermination(DRAIN_ON_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        attempts.shutdownNow();
    }
}
