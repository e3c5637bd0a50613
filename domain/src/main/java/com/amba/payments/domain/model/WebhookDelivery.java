package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One domain event on its way to one endpoint, as the deliveries log shows it. {@code eventPosition} is the
 * event's place in the outbox: per endpoint, a payment's deliveries leave in that order.
 */
public record WebhookDelivery(WebhookDeliveryId id, WebhookEndpointId endpointId, String eventId,
                              PaymentEventType eventType, PaymentId paymentId, long eventPosition,
                              DeliveryStatus status, List<DeliveryAttempt> attempts, Optional<Instant> nextAttemptAt,
                              Instant createdAt) {

    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        attempts = List.copyOf(attempts);
    }

    public static WebhookDelivery fresh(WebhookDeliveryId id, WebhookEndpointId endpointId, OutboxEntry entry,
                                        Instant now) {
        PaymentEvent event = entry.event();
        return new WebhookDelivery(id, endpointId, event.id(), event.type(), event.paymentId(), entry.position(),
                DeliveryStatus.PENDING, List.of(), Optional.of(now), now);
    }

    public Optional<DeliveryAttempt> lastAttempt() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
    }
}
