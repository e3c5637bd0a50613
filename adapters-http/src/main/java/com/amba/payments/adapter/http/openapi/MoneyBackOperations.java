package com.amba.payments.adapter.http.openapi;

import static com.amba.payments.adapter.http.openapi.Schemas.MAX_AMOUNT;
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

/** Money back (SPEC §11): cancel a payment, refund it, list its refunds. */
final class MoneyBackOperations {

    static final String REFUND_ID = "re_3PqXyZ2eZvKYlo2C1x2y3z4w";
    private static final String PAYMENT_ID = ClientOperations.PAYMENT_ID;
    private static final String ORDER = "Checks run in the create's order: INVALID_API_KEY, SERVER_KEY_REQUIRED, "
            + "PAYMENTS_NOT_ENABLED, then the body (INVALID_BODY, INVALID_AMOUNT), then the payment "
            + "(PAYMENT_NOT_FOUND, also for another project's payment)";

    private MoneyBackOperations() {
    }

    static List<Operation> all() {
        return List.of(cancel(), refund(), refunds());
    }

    private static Operation cancel() {
        return Operation.post("/client/payments/intents/:id/cancel")
                .summary("cancelPayment", "Cancel a payment", ClientOperations.TAG)
                .description(ORDER + ". Cancels the provider intent on the connected account, then records canceled. "
                        + "An already canceled payment answers 200 again; succeeded or processing is "
                        + "PAYMENT_NOT_CANCELABLE.")
                .access(Access.SERVER_KEY)
                .pathParameter("id", "the payment id (pi_…)", PAYMENT_ID)
                .body(closedObject(new JsonObject().put("reason", oneOf(List.of("requested_by_customer", "duplicate",
                        "fraudulent", "abandoned"), "Stripe's cancellation_reason"))),
                        new JsonObject().put("reason", "requested_by_customer"), false)
                .ok("the payment, canceled", ref("Payment"),
                        ClientOperations.samplePayment().put("status", "canceled").put("amount_refunded", 0)
                                .put("refund_status", "none").put("dispute_status", "none"))
                .errors("PAYMENTS_NOT_ENABLED", "INVALID_BODY", "PAYMENT_NOT_FOUND", "PAYMENT_NOT_CANCELABLE",
                        "PAYMENT_PROVIDER_UNAVAILABLE", "CONTROL_PLANE_UNAVAILABLE");
    }

    private static Operation refund() {
        JsonObject body = closedObject(new JsonObject()
                .put("amount", integer(1, MAX_AMOUNT, "minor units; absent: all that is still refundable"))
                .put("reason", oneOf(List.of("duplicate", "fraudulent", "requested_by_customer"), "Stripe's reason"))
                .put("refund_application_fee", bool("give the platform fee back in proportion; default true"))
                .put("client_reference", string("your idempotency reference for this refund, kept forever per project")
                        .put("minLength", 1).put("maxLength", 255)));
        return Operation.post("/client/payments/intents/:id/refunds")
                .summary("refundPayment", "Refund a payment", ClientOperations.TAG)
                .description(ORDER + ", then PAYMENT_NOT_REFUNDABLE (only a succeeded payment), "
                        + "CLIENT_REFERENCE_CONFLICT, REFUND_EXCEEDS_AMOUNT (more than the amount less every pending "
                        + "and succeeded refund), PAYMENT_PROVIDER_UNAVAILABLE (nothing is set aside; the retry "
                        + "reuses the same Stripe Idempotency-Key). The same client_reference with the same request "
                        + "answers the same refund; so does the same Idempotency-Key header with the same request "
                        + "(INVALID_IDEMPOTENCY_KEY is checked before the body, IDEMPOTENCY_KEY_REUSED before "
                        + "CLIENT_REFERENCE_CONFLICT).")
                .access(Access.SERVER_KEY)
                .idempotencyKey("project and this route; the same key with the same request (payment, body and "
                        + "client_reference as sent) answers the same refund, as it stands now.")
                .pathParameter("id", "the payment id (pi_…)", PAYMENT_ID)
                .body(body, new JsonObject().put("amount", 500).put("reason", "requested_by_customer")
                        .put("client_reference", "return-77"), false)
                .ok("the refund, new or the one this client_reference already made", ref("Refund"), sampleRefund())
                .errors("PAYMENTS_NOT_ENABLED", "INVALID_IDEMPOTENCY_KEY", "INVALID_BODY", "INVALID_AMOUNT",
                        "PAYMENT_NOT_FOUND", "PAYMENT_NOT_REFUNDABLE", "IDEMPOTENCY_KEY_REUSED",
                        "CLIENT_REFERENCE_CONFLICT", "REFUND_EXCEEDS_AMOUNT",
                        "PAYMENT_PROVIDER_UNAVAILABLE", "CONTROL_PLANE_UNAVAILABLE");
    }

    private static Operation refunds() {
        return Operation.get("/client/payments/intents/:id/refunds")
                .summary("listRefunds", "List a payment's refunds", ClientOperations.TAG)
                .description("Oldest first, from Amba's ledger. Another project's payment is PAYMENT_NOT_FOUND.")
                .access(Access.ANY_KEY)
                .pathParameter("id", "the payment id (pi_…)", PAYMENT_ID)
                .answers(200, "the refunds", "application/json",
                        closedObject(new JsonObject().put("data", arrayOf(ref("Refund"))), "data"),
                        new JsonObject().put("data", new JsonArray().add(sampleRefund())))
                .errors("PAYMENT_NOT_FOUND", "CONTROL_PLANE_UNAVAILABLE");
    }

    static JsonObject refundSchema() {
        return closedObject(new JsonObject()
                        .put("refund_id", string("the Stripe Refund id, re_…"))
                        .put("payment_id", string("pi_…"))
                        .put("amount", integer(1, MAX_AMOUNT, "minor units"))
                        .put("currency", string("ISO 4217, lowercase"))
                        .put("status", oneOf(List.of("pending", "requires_action", "succeeded", "failed", "canceled"),
                                "Stripe's refund statuses; succeeded, failed and canceled are final"))
                        .put("reason", nullableString("duplicate, fraudulent, requested_by_customer, or null"))
                        .put("client_reference", nullableString("as sent, null when none"))
                        .put("created_at", dateTime("RFC 3339")),
                "refund_id", "payment_id", "amount", "currency", "status", "reason", "client_reference", "created_at");
    }

    private static JsonObject sampleRefund() {
        return new JsonObject().put("refund_id", REFUND_ID).put("payment_id", PAYMENT_ID).put("amount", 500)
                .put("currency", "usd").put("status", "succeeded").put("reason", "requested_by_customer")
                .put("client_reference", "return-77").put("created_at", "2026-12-02T09:00:00.000Z");
    }
}
