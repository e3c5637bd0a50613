package com.amba.payments.adapter.http.openapi;

import static com.amba.payments.adapter.http.openapi.Schemas.bool;
import static com.amba.payments.adapter.http.openapi.Schemas.closedObject;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** Webhooks coming in from Stripe (SPEC §6). */
final class ProviderWebhookOperations {

    static final String TAG = "Webhooks in";

    private ProviderWebhookOperations() {
    }

    static List<Operation> all() {
        return List.of(Operation.post("/webhooks/stripe")
                .summary("receiveStripeWebhook", "Receive a Stripe event", TAG)
                .description("""
                        One endpoint for platform and Connect events. Stripe-Signature (t=…,v1=…, HMAC-SHA256 over \
                        "{t}.{raw body}", 300 s tolerance) is checked before anything else. 200 only once the event \
                        is durably handed off; 503 otherwise, so Stripe retries. Unknown event types answer 200.""")
                .header("Stripe-Signature", true, "t=<unix seconds>,v1=<hex HMAC-SHA256>")
                .body(new JsonObject().put("type", "object").put("description", "a Stripe event object"),
                        new JsonObject().put("id", "evt_1PqXyZ2eZvKYlo2C").put("object", "event")
                                .put("type", "payment_intent.succeeded"), true)
                .ok("acknowledged", closedObject(new JsonObject()
                                .put("received", bool("always true"))
                                .put("handled", bool("false when the event is acknowledged and ignored")),
                        "received", "handled"), new JsonObject().put("received", true).put("handled", true))
                .errors("INVALID_SIGNATURE", "BODY_TOO_LARGE", "CONTROL_PLANE_UNAVAILABLE"));
    }
}
