package com.amba.payments.app;

import com.amba.payments.adapter.memory.InMemoryLedger;
import com.amba.payments.adapter.memory.InMemoryWebhooks;
import com.amba.payments.adapter.webhooks.HostResolver;
import com.amba.payments.domain.model.WebhookEndpoint;
import com.amba.payments.domain.port.out.WebhookDeliveries;
import com.amba.payments.domain.port.out.WebhookEndpoints;
import com.amba.payments.domain.service.WebhookDeliveryService;
import java.time.Duration;
import java.util.Objects;

/**
 * The parts of outgoing webhooks (SPEC §12): where endpoints and deliveries are kept, how names are resolved at
 * delivery time, and the pace (retry schedule, concurrency per endpoint, lease, how often to look). Tests shorten
 * the schedule and inject a resolver.
 */
public record OutgoingWebhooks(WebhookEndpoints endpoints, WebhookDeliveries deliveries, HostResolver resolver,
                               WebhookDeliveryService.Settings settings, Duration pollEvery,
                               Duration rotationOverlap) {

    public static final Duration POLL_EVERY = Duration.ofMillis(250);

    public OutgoingWebhooks {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(pollEvery, "pollEvery");
        Objects.requireNonNull(rotationOverlap, "rotationOverlap");
    }

    /** Kept with an in-memory ledger, fed from its outbox. */
    public static OutgoingWebhooks inMemory(InMemoryLedger ledger) {
        InMemoryWebhooks store = new InMemoryWebhooks(ledger);
        return new OutgoingWebhooks(store, store, HostResolver.SYSTEM, WebhookDeliveryService.Settings.DEFAULT,
                POLL_EVERY, WebhookEndpoint.ROTATION_OVERLAP);
    }

    /** A different pace: tests shorten the retry schedule, the polling and the rotation overlap. */
    public OutgoingWebhooks paced(WebhookDeliveryService.Settings replacement, Duration poll, Duration overlap) {
        return new OutgoingWebhooks(endpoints, deliveries, resolver, replacement, poll, overlap);
    }

    public OutgoingWebhooks withResolver(HostResolver replacement) {
        return new OutgoingWebhooks(endpoints, deliveries, replacement, settings, pollEvery, rotationOverlap);
    }
}
