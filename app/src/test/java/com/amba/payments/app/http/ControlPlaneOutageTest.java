package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.RefundLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When platform, project or ledger state cannot be read: 503 CONTROL_PLANE_UNAVAILABLE, and nothing changes. */
class ControlPlaneOutageTest {

    private static final Outage controlPlaneOutage = new Outage();
    /** The ledger's store: the payments and, kept beside them, their refunds and disputes. */
    private static final Outage ledgerOutage = new Outage();
    private static DevAmba amba;

    @BeforeAll
    static void start() {
        amba = DevAmba.start(parts -> parts
                .withControlPlane(controlPlaneOutage.wrap(ControlPlane.class, parts.controlPlane()))
                .withLedger(ledgerOutage.wrap(Ledger.class, parts.ledger()))
                .withRefunds(ledgerOutage.wrap(RefundLedger.class, parts.refunds())));
    }

    @AfterAll
    static void stop() {
        amba.close();
    }

    @Test
    void anUnreadableControlPlaneIs503WithRetryAfter() {
        controlPlaneOutage.begin();
        try {
            Api.Answer create = amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 1999, \"currency\": \"usd\"}");
            assertEquals(503, create.status());
            assertEquals("CONTROL_PLANE_UNAVAILABLE", create.errorCode());
            assertTrue(create.header("Retry-After").isPresent());
            Api.Answer admin = amba.admin("GET", "/admin/payments/status", null);
            assertEquals("CONTROL_PLANE_UNAVAILABLE", admin.errorCode());
        } finally {
            controlPlaneOutage.end();
        }
        assertEquals(200, amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 1999, \"currency\": \"usd\"}").status(),
                "recovers as soon as the store answers again");
    }

    @Test
    void anUnreadableLedgerIs503OnReadAndOnCreate() {
        String id = amba.api.createPayment(amba.demo.serverKey(),
                "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"outage-ref\"}").data().getString("payment_id");
        ledgerOutage.begin();
        try {
            Api.Answer read = amba.api.readPayment(amba.demo.clientKey(), id);
            assertEquals(503, read.status());
            assertEquals("CONTROL_PLANE_UNAVAILABLE", read.errorCode());
            Api.Answer create = amba.api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"outage-ref\"}");
            assertEquals("CONTROL_PLANE_UNAVAILABLE", create.errorCode());
        } finally {
            ledgerOutage.end();
        }
        Api.Answer replay = amba.api.createPayment(amba.demo.serverKey(),
                "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"outage-ref\"}");
        assertEquals(id, replay.data().getString("payment_id"), "the outage changed nothing");
    }

    @Test
    void aWebhookThatCannotBeHandedOffIs503SoStripeRetriesAndTheRetryIsApplied() {
        String id = amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 1999, \"currency\": \"usd\"}")
                .data().getString("payment_id");
        String event = new io.vertx.core.json.JsonObject()
                .put("id", "evt_outage_" + id).put("object", "event").put("type", "payment_intent.processing")
                .put("created", java.time.Instant.now().getEpochSecond() + 2).put("livemode", false)
                .put("account", amba.demo.accountId().value())
                .put("data", new io.vertx.core.json.JsonObject().put("object", new io.vertx.core.json.JsonObject()
                        .put("id", id).put("object", "payment_intent").put("amount", 1999).put("currency", "usd")
                        .put("status", "processing")
                        .put("metadata", new io.vertx.core.json.JsonObject().put("amba_project_id", amba.demo.projectId().value()))))
                .encode();
        java.util.function.Supplier<Api.Answer> deliver = () -> amba.api.send("POST", "/webhooks/stripe", java.util.Map.of(
                "Stripe-Signature", StripeSignature.header(event, amba.running.webhookSecret(), java.time.Instant.now()),
                "Content-Type", "application/json"), event);

        ledgerOutage.begin();
        Api.Answer refused;
        try {
            refused = deliver.get();
        } finally {
            ledgerOutage.end();
        }
        assertEquals(503, refused.status(), refused::toString);
        assertTrue(refused.header("Retry-After").isPresent());
        assertEquals("requires_payment_method", amba.api.readPayment(amba.demo.clientKey(), id).data().getString("status"));

        assertEquals(200, deliver.get().status(), "Stripe's retry");
        assertEquals("processing", amba.api.readPayment(amba.demo.clientKey(), id).data().getString("status"));

        String unknownType = event.replace("payment_intent.processing", "charge.refund.updated");
        Api.Answer ignored = amba.api.send("POST", "/webhooks/stripe", java.util.Map.of(
                "Stripe-Signature", StripeSignature.header(unknownType, amba.running.webhookSecret(), java.time.Instant.now()),
                "Content-Type", "application/json"), unknownType);
        assertEquals(200, ignored.status(), "an event type Amba does not follow is acknowledged");
    }
}
