package com.amba.payments.adapter.http.openapi;

import static com.amba.payments.adapter.http.openapi.Schemas.MAX_AMOUNT;
import static com.amba.payments.adapter.http.openapi.Schemas.closedObject;
import static com.amba.payments.adapter.http.openapi.Schemas.description;
import static com.amba.payments.adapter.http.openapi.Schemas.integer;
import static com.amba.payments.adapter.http.openapi.Schemas.metadata;
import static com.amba.payments.adapter.http.openapi.Schemas.nullableDescription;
import static com.amba.payments.adapter.http.openapi.Schemas.nullableString;
import static com.amba.payments.adapter.http.openapi.Schemas.ref;
import static com.amba.payments.adapter.http.openapi.Schemas.string;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** The client API a project's backend (and, for reads, its app) calls (SPEC §4, §5). */
final class ClientOperations {

    static final String TAG = "Client payments";
    static final String PAYMENT_ID = "pi_3PqXyZ2eZvKYlo2C0a1b2c3d";

    private ClientOperations() {
    }

    static List<Operation> all() {
        return List.of(create(), read());
    }

    private static Operation create() {
        JsonObject body = closedObject(new JsonObject()
                        .put("amount", integer(1, MAX_AMOUNT,
                                "a JSON integer (no fraction, no exponent, not a string) in the currency's minor unit; "
                                        + "at least Stripe's minimum charge for the currency"))
                        .put("currency", string("exactly 3 lowercase letters: an ISO 4217 currency Stripe charges in")
                                .put("pattern", "^[a-z]{3}$"))
                        .put("application_fee_amount", integer(0, MAX_AMOUNT,
                                "the platform fee in minor units; wins over everything else; must be below amount"))
                        .put("platform_fee_bps", integer(0, 10_000,
                                "the platform fee in basis points, used when application_fee_amount is absent; "
                                        + "fee = (amount × bps + 5000) / 10000"))
                        .put("client_reference", string("your idempotency reference, kept forever per project")
                                .put("minLength", 1).put("maxLength", 255))
                        .put("metadata", metadata("your own key-value pairs, Stripe's rules: at most 48 keys (Stripe "
                                + "allows 50 on an intent and Amba sets 2 of its own), keys 1 to 40 characters without "
                                + "'[' or ']' and not starting with amba_ (reserved for Amba's keys), values strings of "
                                + "1 to 500 characters; stored, answered on reads, set on the Stripe intent and told in "
                                + "the payment's events; not compared for client_reference replays"))
                        .put("description", description("shown on the Stripe intent (dashboard, receipts); 1 to "
                                + "1000 characters; stored, answered on reads and told in the payment's events")),
                "amount", "currency");
        JsonObject created = closedObject(new JsonObject()
                        .put("payment_id", string("the Stripe PaymentIntent id, pi_…"))
                        .put("client_secret", string("hand it to the app to confirm with a Stripe SDK; a credential"))
                        .put("status", ref("PaymentStatus"))
                        .put("amount", integer(1, MAX_AMOUNT, "minor units"))
                        .put("currency", string("ISO 4217, lowercase"))
                        .put("application_fee_amount", integer(0, MAX_AMOUNT, "the resolved platform fee"))
                        .put("client_reference", nullableString("as sent, null when none"))
                        .put("metadata", metadata("as recorded at create; {} when none"))
                        .put("description", nullableDescription("as recorded at create, null when none")),
                "payment_id", "client_secret", "status", "amount", "currency", "application_fee_amount",
                "client_reference", "metadata", "description");
        return Operation.post("/client/payments/intents")
                .summary("createPayment", "Create a payment", TAG)
                .description("""
                        Creates a Stripe PaymentIntent on the project's connected account as a direct charge, records \
                        it in Amba's ledger and returns its client secret. Checks run in this order and the first \
                        that fails answers: INVALID_API_KEY, SERVER_KEY_REQUIRED, PAYMENTS_NOT_ENABLED, \
                        INVALID_IDEMPOTENCY_KEY, INVALID_BODY \
                        (not a JSON object, unknown field, client_reference, metadata or description breaking \
                        its rules, body over 64 KiB), INVALID_AMOUNT, \
                        INVALID_CURRENCY, INVALID_FEE, PAYMENTS_NOT_SET_UP, PAYMENTS_NOT_READY, NO_PLATFORM_FEE, \
                        FEE_EXCEEDS_AMOUNT, IDEMPOTENCY_KEY_REUSED, CLIENT_REFERENCE_CONFLICT, \
                        PAYMENT_PROVIDER_UNAVAILABLE. Before all \
                        of them, OVERLOADED when the instance already has its most creates in flight (nothing is \
                        done; retry after Retry-After). The same client_reference with the same request answers the same payment; \
                        so does the same Idempotency-Key with the same body (kept for good, not only 24 h).""")
                .access(Access.SERVER_KEY)
                .header("Idempotency-Key", false, "Stripe's meaning: the same key with the same body answers the same"
                        + " payment; with a different body, IDEMPOTENCY_KEY_REUSED. 1 to 255 printable ASCII characters.")
                .body(body, new JsonObject().put("amount", 2000).put("currency", "usd")
                        .put("platform_fee_bps", 250).put("client_reference", "order-1042")
                        .put("metadata", new JsonObject().put("order_id", "1042"))
                        .put("description", "Two blue mugs"), true)
                .ok("the payment, new or the one this client_reference already made", created, new JsonObject()
                        .put("payment_id", PAYMENT_ID).put("client_secret", PAYMENT_ID + "_secret_abc123")
                        .put("status", "requires_payment_method").put("amount", 2000).put("currency", "usd")
                        .put("application_fee_amount", 50).put("client_reference", "order-1042")
                        .put("metadata", new JsonObject().put("order_id", "1042"))
                        .put("description", "Two blue mugs"))
                .errors("PAYMENTS_NOT_ENABLED", "INVALID_IDEMPOTENCY_KEY", "INVALID_BODY", "INVALID_AMOUNT",
                        "INVALID_CURRENCY", "INVALID_FEE", "PAYMENTS_NOT_SET_UP", "PAYMENTS_NOT_READY", "NO_PLATFORM_FEE",
                        "FEE_EXCEEDS_AMOUNT", "IDEMPOTENCY_KEY_REUSED", "CLIENT_REFERENCE_CONFLICT", "PAYMENT_PROVIDER_UNAVAILABLE", "CONTROL_PLANE_UNAVAILABLE",
                        "OVERLOADED");
    }

    private static Operation read() {
        return Operation.get("/client/payments/intents/:id")
                .summary("readPayment", "Read a payment", TAG)
                .description("Reads Amba's ledger, never Stripe. Another project's payment is PAYMENT_NOT_FOUND.")
                .access(Access.ANY_KEY)
                .pathParameter("id", "the payment id (pi_…)", PAYMENT_ID)
                .ok("the payment as the ledger has it", ref("Payment"), samplePayment())
                .errors("PAYMENT_NOT_FOUND", "CONTROL_PLANE_UNAVAILABLE");
    }

    static JsonObject samplePayment() {
        return new JsonObject().put("payment_id", PAYMENT_ID).put("status", "succeeded").put("amount", 2000)
                .put("currency", "usd").put("client_reference", "order-1042").put("application_fee_amount", 50)
                .put("metadata", new JsonObject().put("order_id", "1042")).put("description", "Two blue mugs")
                .put("created_at", "2026-12-01T10:15:30.000Z").put("updated_at", "2026-12-01T10:16:02.000Z");
    }
}
