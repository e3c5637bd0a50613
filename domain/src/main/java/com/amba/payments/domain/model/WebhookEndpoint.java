package com.amba.payments.domain.model;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a project's backend wants its events (SPEC §12): a URL, the event types it subscribed to ({@code *} for
 * all), and the secrets that sign its deliveries, the current one first.
 */
public record WebhookEndpoint(WebhookEndpointId id, ProjectId projectId, URI url, Set<String> events,
                              List<SigningSecret> secrets, Instant createdAt) {

    public static final String ALL_EVENTS = "*";
    /** How long a replaced secret keeps signing beside the new one (SPEC §12). */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdAt, "createdAt");
        events = Set.copyOf(events);
        secrets = List.copyOf(secrets);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an endpoint subscribes to at least one event type");
        }
        if (secrets.isEmpty() || secrets.size() > 2 || secrets.get(0).expiresAt().isPresent()) {
            throw new IllegalArgumentException("an endpoint has one current secret and at most one being retired");
        }
    }

    /** Whether the event goes to this endpoint: a subscribed type, and recorded after the endpoint was made. */
    public boolean subscribesTo(PaymentEvent event) {
        return (events.contains(ALL_EVENTS) || events.contains(event.type().wireName()))
                && !event.time().isBefore(createdAt);
    }

    /** The secrets that sign a delivery sent now: the current one, and a retired one still in its overlap. */
    public List<SigningSecret> signingSecretsAt(Instant now) {
        return secrets.stream().filter(secret -> secret.signsAt(now)).toList();
    }

    /** A new current secret; the one it replaces signs alongside for {@code overlap}. */
    public WebhookEndpoint rotated(String freshSecret, Instant now, Duration overlap) {
        List<SigningSecret> next = new ArrayList<>();
        next.add(SigningSecret.current(freshSecret));
        next.add(new SigningSecret(secrets.get(0).value(), java.util.Optional.of(now.plus(overlap))));
        return new WebhookEndpoint(id, projectId, url, events, next, createdAt);
    }
}
