package com.amba.payments.adapter.http.openapi;

import static com.amba.payments.adapter.http.openapi.Schemas.arrayOf;
import static com.amba.payments.adapter.http.openapi.Schemas.bool;
import static com.amba.payments.adapter.http.openapi.Schemas.closedObject;
import static com.amba.payments.adapter.http.openapi.Schemas.dateTime;
import static com.amba.payments.adapter.http.openapi.Schemas.integer;
import static com.amba.payments.adapter.http.openapi.Schemas.nullableString;
import static com.amba.payments.adapter.http.openapi.Schemas.oneOf;
import static com.amba.payments.adapter.http.openapi.Schemas.ref;
import static com.amba.payments.adapter.http.openapi.Schemas.string;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Outgoing webhooks (SPEC §12): the Admin API over a project's endpoints and deliveries, and (in the document's
 * top-level {@code webhooks}) what an endpoint receives.
 */
final class WebhookEndpointOperations {

    static final String TAG = "Webhooks out";
    static final String ENDPOINTS = "/admin/projects/:id/webhook-endpoints";
    static final String ENDPOINT = ENDPOINTS + "/:endpoint_id";
    static final String ENDPOINT_ID = "we_5Tq8wXy2ZbC4dE6fG8hJ0kLm";
    static final String DELIVERY_ID = "wd_9PqR2sT4uV6wX8yZ0aB1cD3e";
    static final List<String> EVENT_TYPES = List.of("amba.payment.created", "amba.payment.status_changed",
            "amba.payment.dispute_changed", "amba.refund.created", "amba.refund.status_changed");

    private WebhookEndpointOperations() {
    }

    static List<Operation> all() {
        return List.of(create(), list(), delete(), rotate(), deliveries(), retry(), stream());
    }

    private static Operation ofProject(Operation operation) {
        return operation.access(Access.ADMIN)
                .pathParameter("id", "the project id", AdminOperations.PROJECT_ID)
                .errors("PROJECT_NOT_FOUND", "CONTROL_PLANE_UNAVAILABLE");
    }

    private static Operation ofEndpoint(Operation operation) {
        return ofProject(operation).pathParameter("endpoint_id", "the endpoint id (we_…)", ENDPOINT_ID)
                .errors("WEBHOOK_ENDPOINT_NOT_FOUND");
    }

    static JsonObject endpointSchema(boolean withSecret) {
        JsonObject properties = new JsonObject()
                .put("endpoint_id", string("we_…"))
                .put("project_id", string("the project"))
                .put("url", string("where deliveries are POSTed"))
                .put("events", arrayOf(string("an event type, or * for all")))
                .put("created_at", dateTime("RFC 3339"))
                .put("rotation_ends_at", nullableString("while a rotated-out secret still signs: until when"));
        if (withSecret) {
            properties.put("signing_secret", nullableString("whsec_…: shown only in this answer; verify Amba-Signature "
                    + "with it. Null in an Idempotency-Key replay of the create"));
            properties.put("replayed", bool("present, true, in an Idempotency-Key replay of the create"));
            properties.put("note", string("in a replay: why the secret is not shown"));
            return closedObject(properties, "endpoint_id", "project_id", "url", "events", "created_at",
                    "rotation_ends_at", "signing_secret");
        }
        return closedObject(properties, "endpoint_id", "project_id", "url", "events", "created_at",
                "rotation_ends_at");
    }

    static JsonObject sampleEndpoint() {
        return new JsonObject().put("endpoint_id", ENDPOINT_ID).put("project_id", AdminOperations.PROJECT_ID)
                .put("url", "https://shop.example.com/amba/webhooks")
                .put("events", new JsonArray().add("amba.payment.status_changed"))
                .put("created_at", "2026-12-01T10:00:00.000Z").put("rotation_ends_at", null);
    }

    private static Operation create() {
        return ofProject(Operation.post(ENDPOINTS)
                .summary("createWebhookEndpoint", "Add a webhook endpoint", TAG)
                .description("Production accepts https:// URLs only, never to loopback, link-local or private "
                        + "addresses; dev mode also accepts http://. The signing secret is shown once, here: a "
                        + "replay (the same Idempotency-Key and body) answers the same endpoint with signing_secret "
                        + "null, replayed true and a note (rotate the secret if the first answer was lost).")
                .idempotencyKey("project and this route; the same key with the same body answers the endpoint it "
                        + "made, without its secret (or WEBHOOK_ENDPOINT_NOT_FOUND once it was deleted).")
                .body(closedObject(new JsonObject()
                                .put("url", string("https:// (dev mode: also http://); at most 2048 characters")
                                        .put("maxLength", 2048))
                                .put("events", arrayOf(new JsonObject().put("type", "string").put("enum",
                                        new JsonArray(java.util.stream.Stream.concat(java.util.stream.Stream.of("*"),
                                                EVENT_TYPES.stream()).toList())))
                                        .put("minItems", 1).put("description", "event types, or [\"*\"] for all")),
                        "url", "events"),
                        new JsonObject().put("url", "https://shop.example.com/amba/webhooks")
                                .put("events", new JsonArray().add("amba.payment.status_changed")), true)
                .ok("the endpoint and its signing secret", endpointSchema(true),
                        sampleEndpoint().put("signing_secret", "whsec_…"))
                .errors("INVALID_IDEMPOTENCY_KEY", "INVALID_BODY", "IDEMPOTENCY_KEY_REUSED",
                        "WEBHOOK_ENDPOINT_NOT_FOUND"));
    }

    private static Operation list() {
        return ofProject(Operation.get(ENDPOINTS)
                .summary("listWebhookEndpoints", "List a project's webhook endpoints", TAG)
                .description("Oldest first; never a secret.")
                .ok("the endpoints", arrayOf(endpointSchema(false)), new JsonArray().add(sampleEndpoint())));
    }

    private static Operation delete() {
        return ofEndpoint(Operation.delete(ENDPOINT)
                .summary("deleteWebhookEndpoint", "Remove a webhook endpoint", TAG)
                .description("Its pending deliveries are dropped with it.")
                .ok("removed", closedObject(new JsonObject().put("endpoint_id", string("we_…"))
                        .put("deleted", bool("always true")), "endpoint_id", "deleted"),
                        new JsonObject().put("endpoint_id", ENDPOINT_ID).put("deleted", true)));
    }

    private static Operation rotate() {
        return ofEndpoint(Operation.post(ENDPOINT + "/rotate-secret")
                .summary("rotateWebhookSecret", "Rotate the signing secret", TAG)
                .description("Answers the new secret (shown once). For 24 h deliveries carry two v1 signatures, "
                        + "the new secret's and the old one's; then only the new one.")
                .ok("the endpoint and its new secret", endpointSchema(true), sampleEndpoint()
                        .put("rotation_ends_at", "2026-12-02T10:00:00.000Z").put("signing_secret", "whsec_…")));
    }

    static JsonObject deliverySchema() {
        return closedObject(new JsonObject()
                        .put("delivery_id", string("wd_…"))
                        .put("endpoint_id", string("we_…"))
                        .put("event_id", string("the CloudEvent id; Amba-Event-Id"))
                        .put("event_type", oneOf(EVENT_TYPES, "the event's type"))
                        .put("payment_id", string("pi_…"))
                        .put("status", oneOf(List.of("pending", "delivered", "failed"),
                                "failed once 3 days of retries are over"))
                        .put("attempts", integer(0, Integer.MAX_VALUE, "attempts so far"))
                        .put("last_response_code", new JsonObject().put("type", new JsonArray().add("integer").add("null")))
                        .put("last_error", nullableString("why the last attempt had no answer (timeout, refused, …)"))
                        .put("next_attempt_at", nullableString("while pending: when it is tried next"))
                        .put("created_at", dateTime("RFC 3339"))
                        .put("attempt_log", arrayOf(closedObject(new JsonObject()
                                .put("number", integer(1, Integer.MAX_VALUE, "1, 2, …"))
                                .put("at", dateTime("RFC 3339"))
                                .put("response_code", new JsonObject().put("type", new JsonArray().add("integer").add("null")))
                                .put("error", nullableString("no answer: why")), "number", "at", "response_code", "error"))),
                "delivery_id", "endpoint_id", "event_id", "event_type", "payment_id", "status", "attempts",
                "last_response_code", "last_error", "next_attempt_at", "created_at", "attempt_log");
    }

    static JsonObject sampleDelivery() {
        return new JsonObject().put("delivery_id", DELIVERY_ID).put("endpoint_id", ENDPOINT_ID)
                .put("event_id", "evt_amba_7f3c2a9b").put("event_type", "amba.payment.status_changed")
                .put("payment_id", ClientOperations.PAYMENT_ID).put("status", "pending").put("attempts", 1)
                .put("last_response_code", 500).put("last_error", null)
                .put("next_attempt_at", "2026-12-01T10:17:00.000Z").put("created_at", "2026-12-01T10:16:02.000Z")
                .put("attempt_log", new JsonArray().add(new JsonObject().put("number", 1)
                        .put("at", "2026-12-01T10:16:02.000Z").put("response_code", 500).put("error", null)));
    }

    private static Operation deliveries() {
        return ofEndpoint(Operation.get(ENDPOINT + "/deliveries")
                .summary("listWebhookDeliveries", "The endpoint's deliveries log", TAG)
                .description("Newest first (the latest 100), each with its attempts.")
                .ok("the deliveries", arrayOf(deliverySchema()), new JsonArray().add(sampleDelivery())));
    }

    private static Operation retry() {
        return ofEndpoint(Operation.post(ENDPOINT + "/deliveries/:delivery_id/retry")
                .summary("retryWebhookDelivery", "Try a delivery again now", TAG)
                .pathParameter("delivery_id", "the delivery id (wd_…)", DELIVERY_ID)
                .ok("the delivery, pending and due now", deliverySchema(), sampleDelivery()
                        .put("next_attempt_at", "2026-12-01T11:00:00.000Z"))
                .errors("WEBHOOK_DELIVERY_NOT_FOUND"));
    }

    private static Operation stream() {
        return ofProject(Operation.get("/admin/projects/:id/webhook-events")
                .summary("streamWebhookEvents", "The project's events, live (Server-Sent Events)", TAG)
                .description("What `amba webhooks listen --forward-to URL` reads: each event as it is fanned out, "
                        + "as `id: <event id>`, `event: <type>`, `data: <the CloudEvents JSON a webhook carries>`; "
                        + "a comment line every 15 s. Live only (nothing is replayed) and best effort: for durable, "
                        + "retried delivery create an endpoint.")
                .answers(200, "an open stream", "text/event-stream", string("Server-Sent Events"),
                        "id: evt_amba_7f3c2a9b\nevent: amba.payment.created\ndata: {\"specversion\":\"1.0\",…}\n\n"));
    }

    /** OpenAPI 3.1's top-level {@code webhooks}: what Amba POSTs to an endpoint. */
    static JsonObject outgoing() {
        JsonObject webhooks = new JsonObject();
        for (String type : EVENT_TYPES) {
            webhooks.put(type, new JsonObject().put("post", new JsonObject()
                    .put("operationId", type.replace("amba.payment.", "payment_").replace("_changed", "Changed"))
                    .put("summary", type + " to a subscribed endpoint")
                    .put("description", """
                            The CloudEvents 1.0 JSON event Kafka consumers get (SPEC §7). Verify Amba-Signature: \
                            t=<unix seconds>,v1=<hex HMAC-SHA256 of "{t}.{raw body}"> with the endpoint's signing \
                            secret; during a rotation two v1 are sent and either may match. Answer 2xx quickly; \
                            anything else, or no answer within 10 s, is retried with backoff for 3 days. \
                            Deduplicate on Amba-Event-Id.""")
                    .put("tags", new JsonArray().add(TAG))
                    .put("parameters", new JsonArray()
                            .add(new JsonObject().put("name", "Amba-Signature").put("in", "header").put("required", true)
                                    .put("schema", string("t=…,v1=…[,v1=…]")))
                            .add(new JsonObject().put("name", "Amba-Event-Id").put("in", "header").put("required", true)
                                    .put("schema", string("the event's id"))))
                    .put("requestBody", new JsonObject().put("required", true).put("content", new JsonObject()
                            .put("application/cloudevents+json", new JsonObject().put("schema", ref("PaymentCloudEvent"))
                                    .put("example", sampleEvent(type)))))
                    .put("responses", new JsonObject().put("2XX", new JsonObject()
                            .put("description", "delivered; any other answer is retried")))));
        }
        return webhooks;
    }

    static JsonObject cloudEventSchema() {
        return closedObject(new JsonObject()
                        .put("specversion", string("1.0"))
                        .put("id", string("unique; consumers deduplicate on it"))
                        .put("source", string("/projects/{project_id}"))
                        .put("type", oneOf(EVENT_TYPES, "what happened"))
                        .put("subject", string("the payment id"))
                        .put("time", dateTime("when the ledger changed"))
                        .put("datacontenttype", string("application/json"))
                        .put("data", new JsonObject().put("description", "a payment event's fields (below); a refund "
                                + "or dispute event carries refund_id, payment_id, project_id, amount, currency, status, "
                                + "previous_status, reason instead (SPEC §11)").put("anyOf", new JsonArray().add(closedObject(new JsonObject()
                                .put("payment_id", string("pi_…"))
                                .put("project_id", string("the project"))
                                .put("status", ref("PaymentStatus"))
                                .put("previous_status", new JsonObject().put("oneOf", new JsonArray()
                                        .add(ref("PaymentStatus")).add(new JsonObject().put("type", "null"))))
                                .put("amount", integer(1, Schemas.MAX_AMOUNT, "minor units"))
                                .put("currency", string("ISO 4217, lowercase"))
                                .put("application_fee_amount", integer(0, Schemas.MAX_AMOUNT, "minor units"))
                                .put("client_reference", nullableString("as sent at create"))
                                .put("metadata", Schemas.metadata("the caller's metadata as sent at create; {} when none"))
                                .put("description", Schemas.nullableDescription("as sent at create, null when none")),
                                "payment_id", "project_id", "status", "previous_status", "amount", "currency",
                                "application_fee_amount", "client_reference", "metadata", "description")).add(new JsonObject().put("type", "object")
                                .put("required", new JsonArray().add("payment_id").add("project_id").add("status"))))),
                "specversion", "id", "source", "type", "subject", "time", "datacontenttype", "data");
    }

    private static JsonObject sampleEvent(String type) {
        boolean created = type.endsWith("created");
        return new JsonObject().put("specversion", "1.0").put("id", "evt_amba_7f3c2a9b")
                .put("source", "/projects/" + AdminOperations.PROJECT_ID).put("type", type)
                .put("subject", ClientOperations.PAYMENT_ID).put("time", "2026-12-01T10:16:02Z")
                .put("datacontenttype", "application/json")
                .put("data", new JsonObject().put("payment_id", ClientOperations.PAYMENT_ID)
                        .put("project_id", AdminOperations.PROJECT_ID)
                        .put("status", created ? "requires_payment_method" : "succeeded")
                        .put("previous_status", created ? null : "requires_payment_method")
                        .put("amount", 2000).put("currency", "usd").put("application_fee_amount", 50)
                        .put("client_reference", "order-1042")
                        .put("metadata", new JsonObject().put("order_id", "1042"))
                        .put("description", "Two blue mugs"));
    }
}
