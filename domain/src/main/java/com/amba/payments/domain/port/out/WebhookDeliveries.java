package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.ClaimedDelivery;
import com.amba.payments.domain.model.DeliveryAttempt;
import com.amba.payments.domain.model.DeliveryStatus;
import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.model.WebhookDelivery;
import com.amba.payments.domain.model.WebhookDeliveryId;
import com.amba.payments.domain.model.WebhookEndpoint;
import com.amba.payments.domain.model.WebhookEndpointId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Deliveries of domain events to endpoints, fed from the outbox with a mark of their own (independent of the
 * Kafka relay), durable, claimed with leases so that two instances never send the same attempt.
 */
public interface WebhookDeliveries {

    /** Decides, for one recorded event and its project's endpoints, which deliveries to make. */
    interface FanOutPlan {
        List<WebhookDelivery> deliveriesFor(OutboxEntry entry, List<WebhookEndpoint> projectEndpoints);
    }

    /**
     * Takes the oldest events not yet fanned out (outbox order, at most {@code limit}), records the deliveries
     * the plan makes and marks the events, in one step; one instance at a time. Answers how many events.
     */
    int fanOut(int limit, FanOutPlan plan);

    /**
     * Leases due pending deliveries until {@code leaseUntil}: at most {@code perEndpoint} per endpoint, none of
     * {@code skipEndpoints}, and only a payment's oldest pending delivery per endpoint (so they leave in order).
     */
    List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int perEndpoint, Set<WebhookEndpointId> skipEndpoints,
                                   int limit);

    /**
     * Records an attempt of a claimed delivery and where it now stands; ignored (false) unless the delivery still
     * has exactly {@code attempt.number() - 1} attempts and is pending, so a stale claim cannot record twice.
     */
    boolean recordAttempt(WebhookDeliveryId id, DeliveryAttempt attempt, DeliveryStatus status,
                          Optional<Instant> nextAttemptAt);

    /** An endpoint's deliveries, newest first. */
    List<WebhookDelivery> deliveries(WebhookEndpointId endpointId, int limit);

    Optional<WebhookDelivery> delivery(WebhookEndpointId endpointId, WebhookDeliveryId id);

    /** Makes the delivery pending and due at {@code now} (whatever it was); empty when there is none. */
    Optional<WebhookDelivery> retryNow(WebhookEndpointId endpointId, WebhookDeliveryId id, Instant now);
}
