package com.amba.payments.domain.service;

import com.amba.payments.domain.model.DestinationRules;
import com.amba.payments.domain.model.IdempotencyKey;
import com.amba.payments.domain.model.IdempotentRequest;
import com.amba.payments.domain.model.InputValue;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentEventType;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.RequestFingerprint;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.SigningSecret;
import com.amba.payments.domain.model.WebhookDelivery;
import com.amba.payments.domain.model.WebhookDeliveryId;
import com.amba.payments.domain.model.WebhookEndpoint;
import com.amba.payments.domain.model.WebhookEndpointId;
import com.amba.payments.domain.port.in.ManageWebhookEndpoints;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.StoreUnavailable;
import com.amba.payments.domain.port.out.WebhookDeliveries;
import com.amba.payments.domain.port.out.WebhookEndpoints;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Webhook endpoints of a project, through the Admin API: create, list, delete, rotate, deliveries, retry. */
public final class WebhookEndpointsService implements ManageWebhookEndpoints {

    static final int DELIVERIES_SHOWN = 100;
    static final int MOST_ENDPOINTS_PER_PROJECT = 16;
    private static final Set<String> EVENT_TYPES = Arrays.stream(PaymentEventType.values())
            .map(PaymentEventType::wireName).collect(Collectors.toCollection(TreeSet::new));

    private final IdempotentCreates creates;
    private final ControlPlane controlPlane;
    private final WebhookEndpoints endpoints;
    private final WebhookDeliveries deliveries;
    private final SecureRandomIds ids;
    private final InstantSource clock;
    private final DestinationRules destinations;
    private final Duration rotationOverlap;

    public WebhookEndpointsService(ControlPlane controlPlane, WebhookEndpoints endpoints, WebhookDeliveries deliveries,
                                   SecureRandomIds ids, InstantSource clock, DestinationRules destinations,
                                   Duration rotationOverlap, Ledger ledger) {
        this.creates = new IdempotentCreates(ledger, clock, CreationTiming.defaults());
        this.rotationOverlap = rotationOverlap;
        this.controlPlane = controlPlane;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.ids = ids;
        this.clock = clock;
        this.destinations = destinations;
    }

    /** What an Idempotency-Key of an endpoint's create binds under, within its project. */
    static final String CREATE_ENDPOINT = "admin.create_webhook_endpoint";

    /**
     * With an Idempotency-Key, a replay answers the endpoint it made without its signing secret: the secret is
     * shown once (a lost one is replaced by rotating it), and is not kept anywhere a replay could read it from.
     */
    @Override
    public Result<EndpointWithSecret, PaymentError> create(String projectId, Optional<String> idempotencyKey,
                                                           RequestBody body) {
        return guarded(() -> project(projectId).flatMap(project -> IdempotencyKey.parse(idempotencyKey)
                .flatMap(key -> request(body).flatMap(request -> key.isEmpty()
                        ? create(project, request)
                        : creates.once(IdempotentRequest.of(project.id(), key.get(), CREATE_ENDPOINT,
                                        RequestFingerprint.ofFields(body)),
                                () -> create(project, request), made -> made.endpoint().id().value(),
                                id -> endpoint(projectId, id).map(EndpointWithSecret::replayOf),
                                new PaymentError.ControlPlaneUnavailable())))));
    }

    private Result<EndpointWithSecret, PaymentError> create(Project project, EndpointRequest request) {
        if (endpoints.endpoints(project.id()).size() >= MOST_ENDPOINTS_PER_PROJECT) {
            return Result.err(new PaymentError.InvalidBody(
                    "a project has at most " + MOST_ENDPOINTS_PER_PROJECT + " webhook endpoints"));
        }
        String secret = newSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(new WebhookEndpointId("we_" + ids.alphanumeric(24)),
                project.id(), request.url(), request.events(), List.of(SigningSecret.current(secret)),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        endpoints.addEndpoint(endpoint);
        return Result.ok(new EndpointWithSecret(endpoint, secret));
    }

    @Override
    public Result<List<WebhookEndpoint>, PaymentError> list(String projectId) {
        return guarded(() -> project(projectId).map(project -> endpoints.endpoints(project.id())));
    }

    @Override
    public Result<Void, PaymentError> delete(String projectId, String endpointId) {
        return guarded(() -> project(projectId).flatMap(project ->
                endpoints.removeEndpoint(project.id(), new WebhookEndpointId(endpointId))
                        ? Result.ok(null) : Result.err(new PaymentError.WebhookEndpointNotFound())));
    }

    @Override
    public Result<EndpointWithSecret, PaymentError> rotateSecret(String projectId, String endpointId) {
        return guarded(() -> endpoint(projectId, endpointId).flatMap(endpoint -> {
            String secret = newSecret();
            WebhookEndpoint rotated = endpoint.rotated(secret, clock.instant().truncatedTo(ChronoUnit.MICROS), rotationOverlap);
            return endpoints.replaceSecrets(rotated)
                    ? Result.ok(new EndpointWithSecret(rotated, secret))
                    : Result.err(new PaymentError.WebhookEndpointNotFound());
        }));
    }

    @Override
    public Result<List<WebhookDelivery>, PaymentError> deliveries(String projectId, String endpointId) {
        return guarded(() -> endpoint(projectId, endpointId)
                .map(endpoint -> deliveries.deliveries(endpoint.id(), DELIVERIES_SHOWN)));
    }

    @Override
    public Result<WebhookDelivery, PaymentError> retry(String projectId, String endpointId, String deliveryId) {
        return guarded(() -> endpoint(projectId, endpointId).flatMap(endpoint ->
                deliveries.retryNow(endpoint.id(), new WebhookDeliveryId(deliveryId), clock.instant())
                        .<Result<WebhookDelivery, PaymentError>>map(Result::ok)
                        .orElseGet(() -> Result.err(new PaymentError.WebhookDeliveryNotFound()))));
    }

    private record EndpointRequest(URI url, Set<String> events) {
    }

    private Result<EndpointRequest, PaymentError> request(RequestBody body) {
        Map<String, InputValue> fields;
        switch (body) {
            case RequestBody.Fields given -> fields = given.values();
            case RequestBody.Empty empty -> {
                return Result.err(new PaymentError.InvalidBody("the body must be a JSON object with url and events"));
            }
            case RequestBody.Unreadable unreadable -> {
                return Result.err(new PaymentError.InvalidBody(unreadable.reason()));
            }
        }
        Set<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(Set.of("url", "events"));
        if (!unknown.isEmpty()) {
            return Result.err(new PaymentError.InvalidBody("unknown field(s) " + String.join(", ", unknown)
                    + "; allowed: url, events"));
        }
        if (!(fields.get("url") instanceof InputValue.Text url)) {
            return Result.err(new PaymentError.InvalidBody("url is required: the https:// URL to deliver to"));
        }
        return destinations.checkUrl(url.value()).flatMap(checked -> events(fields.get("events"))
                .map(events -> new EndpointRequest(checked, events)));
    }

    private static Result<Set<String>, PaymentError> events(InputValue value) {
        String allowed = "events must be a non-empty array of " + String.join(", ", EVENT_TYPES) + ", or [\"*\"]";
        if (!(value instanceof InputValue.Texts texts) || texts.values().isEmpty()) {
            return Result.err(new PaymentError.InvalidBody(allowed));
        }
        Set<String> events = new LinkedHashSet<>(texts.values());
        boolean all = events.equals(Set.of(WebhookEndpoint.ALL_EVENTS));
        if (!all && !EVENT_TYPES.containsAll(events)) {
            return Result.err(new PaymentError.InvalidBody(allowed));
        }
        return Result.ok(events);
    }

    private Result<Project, PaymentError> project(String projectId) {
        return controlPlane.project(new ProjectId(projectId)).<Result<Project, PaymentError>>map(Result::ok)
                .orElseGet(() -> Result.err(new PaymentError.ProjectNotFound()));
    }

    private Result<WebhookEndpoint, PaymentError> endpoint(String projectId, String endpointId) {
        return project(projectId).flatMap(project -> endpoints.endpoint(project.id(), new WebhookEndpointId(endpointId))
                .<Result<WebhookEndpoint, PaymentError>>map(Result::ok)
                .orElseGet(() -> Result.err(new PaymentError.WebhookEndpointNotFound())));
    }

    private String newSecret() {
        return "whsec_" + ids.alphanumeric(32);
    }

    private static <T> Result<T, PaymentError> guarded(java.util.function.Supplier<Result<T, PaymentError>> work) {
        try {
            return work.get();
        } catch (StoreUnavailable e) {
            return Result.err(new PaymentError.ControlPlaneUnavailable());
        }
    }
}
