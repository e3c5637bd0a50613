package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ClaimedDelivery;
import com.amba.payments.domain.model.DeliveryAttempt;
import com.amba.payments.domain.model.DeliveryStatus;
import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.RetrySchedule;
import com.amba.payments.domain.model.SendOutcome;
import com.amba.payments.domain.model.WebhookDelivery;
import com.amba.payments.domain.model.WebhookDeliveryId;
import com.amba.payments.domain.model.WebhookEndpoint;
import com.amba.payments.domain.model.WebhookEndpointId;
import com.amba.payments.domain.port.in.DeliverWebhooks;
import com.amba.payments.domain.port.out.WebhookDeliveries;
import com.amba.payments.domain.port.out.WebhookSender;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Outgoing webhooks (SPEC §12), at least once: a recorded event becomes one delivery per subscribed endpoint;
 * a due delivery is leased, sent signed, and either delivered (2xx) or scheduled again by the
 * {@link RetrySchedule}, until the window closes and it is failed.
 *
 * <p>Round trips per attempt: one claim (shared by a batch), the POST, one write of the attempt and the next
 * state. The lease outlasts the send timeout, so a live instance's claim never lapses mid-send; an instance that
 * dies mid-send leaves its deliveries to be claimed again when the lease ends (the at-least-once case).
 */
public final class WebhookDeliveryService implements DeliverWebhooks {

    /** How the service paces itself; tests shorten the schedule. */
    public record Settings(RetrySchedule schedule, int perEndpoint, Duration lease, int batch) {
        public static final Settings DEFAULT = new Settings(RetrySchedule.DEFAULT, 4, Duration.ofSeconds(60), 100);

        public Settings {
            Objects.requireNonNull(schedule, "schedule");
            if (perEndpoint < 1 || batch < 1 || lease.isNegative() || lease.isZero()) {
                throw new IllegalArgumentException("concurrency, batch and lease must be positive");
            }
        }

        public Settings withSchedule(RetrySchedule replacement) {
            return new Settings(replacement, perEndpoint, lease, batch);
        }
    }

    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final SecureRandomIds ids;
    private final InstantSource clock;
    private final Settings settings;
    private final RandomGenerator random;
    private final Consumer<PaymentEvent> fannedOut;

    /** {@code fannedOut} hears each event once its deliveries are recorded (the live stream for developers). */
    public WebhookDeliveryService(WebhookDeliveries deliveries, WebhookSender sender, SecureRandomIds ids,
                                  InstantSource clock, Settings settings, RandomGenerator random,
                                  Consumer<PaymentEvent> fannedOut) {
        this.fannedOut = fannedOut;
        this.deliveries = deliveries;
        this.sender = sender;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.random = random;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public int fanOutOnce() {
        List<PaymentEvent> planned = new ArrayList<>();
        int fanned = deliveries.fanOut(settings.batch(), (entry, projectEndpoints) -> {
            planned.add(entry.event());
            return deliveriesFor(entry, projectEndpoints);
        });
        // Only after the fan-out committed; a failed one threw and is told again when it is retried.
        planned.forEach(fannedOut);
        return fanned;
    }

    /** Every subscribed endpoint of the event's project gets the event once. */
    private List<WebhookDelivery> deliveriesFor(OutboxEntry entry, List<WebhookEndpoint> projectEndpoints) {
        Instant now = now();
        return projectEndpoints.stream()
                .filter(endpoint -> endpoint.projectId().equals(entry.event().projectId()))
                .filter(endpoint -> endpoint.subscribesTo(entry.event()))
                .map(endpoint -> WebhookDelivery.fresh(new WebhookDeliveryId("wd_" + ids.alphanumeric(24)),
                        endpoint.id(), entry, now))
                .toList();
    }

    @Override
    public List<ClaimedDelivery> claim(Set<WebhookEndpointId> busyEndpoints) {
        Instant now = now();
        return deliveries.claimDue(now, now.plus(settings.lease()), settings.perEndpoint(), busyEndpoints,
                settings.batch());
    }

    @Override
    public void attempt(ClaimedDelivery claimed) {
        WebhookDelivery delivery = claimed.delivery();
        SendOutcome outcome = sender.send(claimed.endpoint().url(), claimed.event(),
                claimed.endpoint().signingSecretsAt(clock.instant()));
        Instant at = now();
        int number = delivery.attempts().size() + 1;
        DeliveryAttempt attempt = switch (outcome) {
            case SendOutcome.Answered answered -> new DeliveryAttempt(number, at, Optional.of(answered.statusCode()),
                    Optional.empty());
            case SendOutcome.NoAnswer none -> new DeliveryAttempt(number, at, Optional.empty(), Optional.of(none.reason()));
            case SendOutcome.Refused refused -> new DeliveryAttempt(number, at, Optional.empty(),
                    Optional.of("refused: " + refused.reason()));
        };
        if (attempt.delivered()) {
            deliveries.recordAttempt(delivery.id(), attempt, DeliveryStatus.DELIVERED, Optional.empty());
            return;
        }
        Optional<Instant> next = settings.schedule().next(number, delivery.createdAt(), at, random);
        deliveries.recordAttempt(delivery.id(), attempt, next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
                next);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
