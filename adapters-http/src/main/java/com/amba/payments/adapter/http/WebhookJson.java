package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.DeliveryAttempt;
import com.amba.payments.domain.model.SigningSecret;
import com.amba.payments.domain.model.WebhookDelivery;
import com.amba.payments.domain.model.WebhookEndpoint;
import com.amba.payments.domain.port.in.ManageWebhookEndpoints.EndpointWithSecret;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** Webhook endpoints and deliveries on the wire. A signing secret appears only in a create or rotate answer. */
final class WebhookJson {

    private WebhookJson() {
    }

    static JsonObject endpoint(WebhookEndpoint endpoint) {
        Optional<Instant> overlapEnds = endpoint.secrets().stream().skip(1).findFirst()
                .flatMap(SigningSecret::expiresAt);
        return new JsonObject()
                .put("endpoint_id", endpoint.id().value())
                .put("project_id", endpoint.projectId().value())
                .put("url", endpoint.url().toString())
                .put("events", new JsonArray(endpoint.events().stream().sorted().toList()))
                .put("created_at", PaymentJson.timestamp(endpoint.createdAt()))
                .put("rotation_ends_at", overlapEnds.map(PaymentJson::timestamp).orElse(null));
    }

    /** The one moment the signing secret is shown. */
    /** What a replayed create says in place of the signing secret it showed once. */
    static final String SECRET_SHOWN_ONCE = "an Idempotency-Key replay: the signing secret was shown once, in the first "
            + "answer; if that answer was lost, rotate the secret (POST .../rotate-secret) to get a new one";

    /** The one moment the secret is shown; a replay of the create answers the same endpoint without it. */
    static JsonObject withSecret(EndpointWithSecret created) {
        JsonObject json = endpoint(created.endpoint()).put("signing_secret", created.signingSecret().orElse(null));
        if (created.signingSecret().isEmpty()) {
            json.put("replayed", true).put("note", SECRET_SHOWN_ONCE);
        }
        return json;
    }

    static JsonObject delivery(WebhookDelivery delivery) {
        Optional<DeliveryAttempt> last = delivery.lastAttempt();
        JsonArray log = new JsonArray();
        delivery.attempts().forEach(attempt -> log.add(new JsonObject()
                .put("number", attempt.number())
                .put("at", PaymentJson.timestamp(attempt.at()))
                .put("response_code", attempt.responseCode().orElse(null))
                .put("error", attempt.error().orElse(null))));
        return new JsonObject()
                .put("delivery_id", delivery.id().value())
                .put("endpoint_id", delivery.endpointId().value())
                .put("event_id", delivery.eventId())
                .put("event_type", delivery.eventType().wireName())
                .put("payment_id", delivery.paymentId().value())
                .put("status", delivery.status().wireName())
                .put("attempts", delivery.attempts().size())
                .put("last_response_code", last.flatMap(DeliveryAttempt::responseCode).orElse(null))
                .put("last_error", last.flatMap(DeliveryAttempt::error).orElse(null))
                .put("next_attempt_at", delivery.nextAttemptAt().map(PaymentJson::timestamp).orElse(null))
                .put("created_at", PaymentJson.timestamp(delivery.createdAt()))
                .put("attempt_log", log);
    }
}
