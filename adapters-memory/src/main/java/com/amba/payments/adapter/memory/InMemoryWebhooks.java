package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.ClaimedDelivery;
import com.amba.payments.domain.model.DeliveryAttempt;
import com.amba.payments.domain.model.DeliveryStatus;
import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.WebhookDelivery;
import com.amba.payments.domain.model.WebhookDeliveryId;
import com.amba.payments.domain.model.WebhookEndpoint;
import com.amba.payments.domain.model.WebhookEndpointId;
import com.amba.payments.domain.port.out.WebhookDeliveries;
import com.amba.payments.domain.port.out.WebhookEndpoints;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Webhook endpoints and deliveries in memory, fed from {@link InMemoryLedger}'s outbox. One monitor guards all
 * state, so a claim and an attempt's record are each atomic, as the PostgreSQL adapter's statements are.
 */
public final class InMemoryWebhooks implements WebhookEndpoints, WebhookDeliveries {

    private record Stored(WebhookDelivery delivery, PaymentEvent event, Optional<Instant> leaseUntil) {
        Stored with(WebhookDelivery changed, Optional<Instant> lease) {
            return new Stored(changed, event, lease);
        }
    }

    private final InMemoryLedger ledger;
    private final Map<WebhookEndpointId, WebhookEndpoint> endpoints = new LinkedHashMap<>();
    private final Map<WebhookDeliveryId, Stored> deliveries = new LinkedHashMap<>();

    public InMemoryWebhooks(InMemoryLedger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    // ---- endpoints ----

    @Override
    public synchronized void addEndpoint(WebhookEndpoint endpoint) {
        endpoints.put(endpoint.id(), endpoint);
    }

    @Override
    public synchronized List<WebhookEndpoint> endpoints(ProjectId projectId) {
        return endpoints.values().stream().filter(e -> e.projectId().equals(projectId)).toList();
    }

    @Override
    public synchronized Optional<WebhookEndpoint> endpoint(ProjectId projectId, WebhookEndpointId id) {
        return Optional.ofNullable(endpoints.get(id)).filter(e -> e.projectId().equals(projectId));
    }

    @Override
    public synchronized boolean replaceSecrets(WebhookEndpoint rotated) {
        if (endpoint(rotated.projectId(), rotated.id()).isEmpty()) {
            return false;
        }
        endpoints.put(rotated.id(), rotated);
        return true;
    }

    @Override
    public synchronized boolean removeEndpoint(ProjectId projectId, WebhookEndpointId id) {
        if (endpoint(projectId, id).isEmpty()) {
            return false;
        }
        endpoints.remove(id);
        deliveries.values().removeIf(stored -> stored.delivery().endpointId().equals(id));
        return true;
    }

    // ---- deliveries ----

    @Override
    public synchronized int fanOut(int limit, FanOutPlan plan) {
        List<OutboxEntry> entries = ledger.notFannedOut(limit);
        for (OutboxEntry entry : entries) {
            for (WebhookDelivery delivery : plan.deliveriesFor(entry, endpoints(entry.event().projectId()))) {
                boolean already = deliveries.values().stream().anyMatch(s -> s.delivery().endpointId()
                        .equals(delivery.endpointId()) && s.delivery().eventId().equals(delivery.eventId()));
                if (!already && endpoints.containsKey(delivery.endpointId())) {
                    deliveries.put(delivery.id(), new Stored(delivery, entry.event(), Optional.empty()));
                }
            }
        }
        ledger.markFannedOut(entries);
        return entries.size();
    }

    @Override
    public synchronized List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int perEndpoint,
                                                       Set<WebhookEndpointId> skipEndpoints, int limit) {
        Map<WebhookEndpointId, Integer> taken = new HashMap<>();
        List<Stored> due = deliveries.values().stream()
                .filter(s -> s.delivery().status() == DeliveryStatus.PENDING)
                .filter(s -> s.delivery().nextAttemptAt().map(at -> !at.isAfter(now)).orElse(false))
                .filter(s -> s.leaseUntil().map(until -> !until.isAfter(now)).orElse(true))
                .filter(s -> !skipEndpoints.contains(s.delivery().endpointId()))
                .filter(this::isOldestPendingOfItsPayment)
                .sorted(Comparator.comparing((Stored s) -> s.delivery().nextAttemptAt().orElseThrow())
                        .thenComparingLong(s -> s.delivery().eventPosition()))
                .toList();
        List<ClaimedDelivery> claimed = new ArrayList<>();
        for (Stored stored : due) {
            WebhookEndpointId endpointId = stored.delivery().endpointId();
            if (claimed.size() == limit || taken.getOrDefault(endpointId, 0) >= perEndpoint) {
                continue;
            }
            taken.merge(endpointId, 1, Integer::sum);
            deliveries.put(stored.delivery().id(), stored.with(stored.delivery(), Optional.of(leaseUntil)));
            claimed.add(new ClaimedDelivery(stored.delivery(), endpoints.get(endpointId), stored.event()));
        }
        return claimed;
    }

    private boolean isOldestPendingOfItsPayment(Stored candidate) {
        WebhookEndpointId endpointId = candidate.delivery().endpointId();
        PaymentId paymentId = candidate.delivery().paymentId();
        return deliveries.values().stream().noneMatch(other -> other.delivery().status() == DeliveryStatus.PENDING
                && other.delivery().endpointId().equals(endpointId) && other.delivery().paymentId().equals(paymentId)
                && other.delivery().eventPosition() < candidate.delivery().eventPosition());
    }

    @Override
    public synchronized boolean recordAttempt(WebhookDeliveryId id, DeliveryAttempt attempt, DeliveryStatus status,
                                              Optional<Instant> nextAttemptAt) {
        Stored stored = deliveries.get(id);
        if (stored == null || stored.delivery().status() != DeliveryStatus.PENDING
                || stored.delivery().attempts().size() != attempt.number() - 1) {
            return false;
        }
        WebhookDelivery before = stored.delivery();
        List<DeliveryAttempt> attempts = new ArrayList<>(before.attempts());
        attempts.add(attempt);
        deliveries.put(id, stored.with(new WebhookDelivery(before.id(), before.endpointId(), before.eventId(),
                before.eventType(), before.paymentId(), before.eventPosition(), status, attempts,
                status == DeliveryStatus.PENDING ? nextAttemptAt : Optional.empty(), before.createdAt()),
                Optional.empty()));
        return true;
    }

    @Override
    public synchronized List<WebhookDelivery> deliveries(WebhookEndpointId endpointId, int limit) {
        List<WebhookDelivery> all = new ArrayList<>(deliveries.values().stream().map(Stored::delivery)
                .filter(d -> d.endpointId().equals(endpointId)).toList());
        java.util.Collections.reverse(all);
        return all.stream().limit(limit).toList();
    }

    @Override
    public synchronized Optional<WebhookDelivery> delivery(WebhookEndpointId endpointId, WebhookDeliveryId id) {
        return Optional.ofNullable(deliveries.get(id)).map(Stored::delivery)
                .filter(d -> d.endpointId().equals(endpointId));
    }

    @Override
    public synchronized Optional<WebhookDelivery> retryNow(WebhookEndpointId endpointId, WebhookDeliveryId id,
                                                           Instant now) {
        Optional<WebhookDelivery> found = delivery(endpointId, id);
        found.ifPresent(before -> {
            Stored stored = deliveries.get(id);
            deliveries.put(id, stored.with(new WebhookDelivery(before.id(), before.endpointId(), before.eventId(),
                    before.eventType(), before.paymentId(), before.eventPosition(), DeliveryStatus.PENDING,
                    before.attempts(), Optional.of(now), before.createdAt()), stored.leaseUntil()));
        });
        return found.flatMap(d -> delivery(endpointId, id));
    }
}
