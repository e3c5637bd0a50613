package com.amba.payments.adapter.http.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** JSON Schema (2020-12, as OpenAPI 3.1 uses it) fragments the operations share. */
final class Schemas {

    static final List<String> PAYMENT_STATUSES = List.of("requires_payment_method", "requires_confirmation",
            "requires_action", "processing", "requires_capture", "succeeded", "canceled");
    static final long MAX_AMOUNT = 99_999_999L;

    private Schemas() {
    }

    static JsonObject string(String description) {
        return new JsonObject().put("type", "string").put("description", description);
    }

    static JsonObject nullableString(String description) {
        return new JsonObject().put("type", new JsonArray().add("string").add("null")).put("description", description);
    }

    static JsonObject integer(long minimum, long maximum, String description) {
        return new JsonObject().put("type", "integer").put("minimum", minimum).put("maximum", maximum)
                .put("description", description);
    }

    static JsonObject bool(String description) {
        return new JsonObject().put("type", "boolean").put("description", description);
    }

    static JsonObject dateTime(String description) {
        return new JsonObject().put("type", "string").put("format", "date-time").put("description", description);
    }

    static JsonObject oneOf(List<String> values, String description) {
        return new JsonObject().put("type", "string").put("enum", new JsonArray(List.copyOf(values)))
                .put("description", description);
    }

    static JsonObject arrayOf(JsonObject items) {
        return new JsonObject().put("type", "array").put("items", items);
    }

    /**
     * The caller's metadata with Stripe's rules (SPEC §4 via docs/decisions.md): at most 48 keys (Stripe's 50 less
     * Amba's own two), keys 1 to 40 characters without '[' or ']' and not starting with amba_, values strings of 1
     * to 500 characters.
     */
    static JsonObject metadata(String description) {
        return new JsonObject().put("type", "object")
                .put("description", description)
                .put("maxProperties", 48)
                .put("propertyNames", new JsonObject().put("type", "string").put("minLength", 1).put("maxLength", 40)
                        .put("pattern", "^(?![aA][mM][bB][aA]_)[^\\[\\]]+$"))
                .put("additionalProperties", new JsonObject().put("type", "string").put("minLength", 1)
                        .put("maxLength", 500));
    }

    static JsonObject description(String description) {
        return new JsonObject().put("type", "string").put("minLength", 1).put("maxLength", 1000)
                .put("description", description);
    }

    static JsonObject nullableDescription(String description) {
        return new JsonObject().put("type", new JsonArray().add("string").add("null")).put("maxLength", 1000)
                .put("description", description);
    }

    static JsonObject ref(String component) {
        return new JsonObject().put("$ref", "#/components/schemas/" + component);
    }

    /** An object with exactly these properties: anything else is refused (SPEC §4's rule for bodies). */
    static JsonObject closedObject(JsonObject properties, String... required) {
        return openObject(properties, required).put("additionalProperties", false);
    }

    static JsonObject openObject(JsonObject properties, String... required) {
        JsonObject schema = new JsonObject().put("type", "object").put("properties", properties);
        if (required.length > 0) {
            schema.put("required", new JsonArray(List.of(required)));
        }
        return schema;
    }

    static JsonObject envelopeOf(JsonObject data) {
        return closedObject(new JsonObject().put("data", data), "data");
    }

    static JsonObject errorWithCodes(List<String> codes) {
        return new JsonObject().put("allOf", new JsonArray()
                .add(ref("Error"))
                .add(new JsonObject().put("properties", new JsonObject().put("error", new JsonObject()
                        .put("properties", new JsonObject().put("code",
                                new JsonObject().put("enum", new JsonArray(List.copyOf(codes)))))))));
    }

    static JsonObject requestIdHeader() {
        return new JsonObject().put("X-Request-Id", new JsonObject().put("$ref", "#/components/headers/RequestId"));
    }

    /** The shared component schemas. */
    static JsonObject components() {
        return new JsonObject()
                .put("Error", closedObject(new JsonObject().put("error", closedObject(new JsonObject()
                        .put("code", string("machine-readable error code"))
                        .put("message", string("human readable; names the field at fault"))
                        .put("failed_checks", arrayOf(string("a readiness check that failed"))), "code", "message")),
                        "error"))
                .put("PaymentStatus", oneOf(PAYMENT_STATUSES, "Stripe's PaymentIntent statuses; succeeded and canceled are final"))
                .put("Payment", closedObject(new JsonObject()
                        .put("payment_id", string("the Stripe PaymentIntent id, pi_…"))
                        .put("status", ref("PaymentStatus"))
                        .put("amount", integer(1, MAX_AMOUNT, "in the currency's minor unit"))
                        .put("currency", string("ISO 4217, lowercase"))
                        .put("client_reference", nullableString("the caller's reference, null when none"))
                        .put("application_fee_amount", integer(0, MAX_AMOUNT, "the platform's fee, minor units"))
                        .put("metadata", metadata("the caller's metadata as sent at create; {} when none"))
                        .put("description", nullableDescription("the caller's description, null when none"))
                        .put("project_id", string("the owning project (Admin API lists only)"))
                        .put("created_at", dateTime("RFC 3339"))
                        .put("updated_at", dateTime("RFC 3339"))
                        .put("amount_refunded", integer(0, MAX_AMOUNT, "the sum of succeeded refunds (client API)"))
                        .put("refund_status", oneOf(List.of("none", "partial", "full"), "how refunds add up (client API)"))
                        .put("dispute_status", oneOf(List.of("none", "needs_response", "under_review", "won", "lost"),
                                "the payment's dispute (client API)")),
                        "payment_id", "status", "amount", "currency", "client_reference", "application_fee_amount",
                        "metadata", "description", "created_at", "updated_at"))
                .put("Refund", MoneyBackOperations.refundSchema());
    }
}
