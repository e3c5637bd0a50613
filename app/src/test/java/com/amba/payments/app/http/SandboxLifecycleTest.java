package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.memory.InProcessEventBus;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentEventType;
import com.amba.payments.domain.model.PaymentStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README walkthrough, and the sandbox's provider events moving the ledger. */
class SandboxLifecycleTest {

    private static DevAmba amba;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
    }

    @AfterAll
    static void stop() {
        amba.close();
    }

    private static String create(String reference) {
        Api.Answer created = amba.api.createPayment(amba.demo.serverKey(),
                "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"" + reference + "\"}");
        assertEquals(200, created.status(), created::toString);
        return created.data().getString("payment_id");
    }

    private static String statusOf(String id) {
        return amba.api.readPayment(amba.demo.clientKey(), id).data().getString("status");
    }

    @Test
    void createSucceedReadBack() {
        String id = create("walkthrough");
        assertEquals(200, amba.provider.act(id, "succeed"));
        assertEquals("succeeded", statusOf(id));
    }

    @Test
    void eachActionMovesTheLedger() {
        String id = create("every-action");
        assertEquals(200, amba.provider.act(id, "require_action"));
        assertEquals("requires_action", statusOf(id));
        assertEquals(200, amba.provider.act(id, "process"));
        assertEquals("processing", statusOf(id));
        assertEquals(200, amba.provider.act(id, "fail"));
        assertEquals("requires_payment_method", statusOf(id), "a failed payment can be tried again");
        assertEquals(200, amba.provider.act(id, "cancel"));
        assertEquals("canceled", statusOf(id));
    }

    @Test
    void succeedThenFailLeavesItSucceeded() {
        String id = create("succeed-then-fail");
        assertEquals(200, amba.provider.act(id, "succeed"));
        assertEquals(409, amba.provider.act(id, "fail"), "Stripe refuses to fail a succeeded intent");
        if (!DevAmba.onStripe()) {
            Api.Answer fail = amba.api.sandbox(id, "fail");
            assertEquals("PAYMENT_INTENT_UNEXPECTED_STATE", fail.errorCode());
        }
        assertEquals("succeeded", statusOf(id));
    }

    @Test
    void aLateOlderEventCannotUndoAFinalStatus() {
        String id = create("late-event");
        assertEquals(200, amba.provider.act(id, "succeed"));
        // Stripe delivers at least once and out of order: an earlier "processing" arrives after "succeeded".
        amba.localStripe().ifPresent(stripe -> {
            String late = stripe.intentEvent("payment_intent.processing", id)
                    .replace("\"status\":\"succeeded\"", "\"status\":\"processing\"");
            assertEquals(200, stripe.deliver(late).status(), "acknowledged");
        });
        assertEquals("succeeded", statusOf(id));
    }

    @Test
    void theSandboxRoutesExistOnlyWithoutAStripeKey() {
        String id = create("sandbox-route");
        Api.Answer route = amba.api.sandbox(id, "succeed");
        assertEquals(DevAmba.onStripe() ? 404 : 200, route.status(), route::toString);
    }

    @Test
    void unknownPaymentsAndActionsAreRefused() {
        org.junit.jupiter.api.Assumptions.assumeFalse(DevAmba.onStripe(), "the sandbox's own routes");
        assertEquals(404, amba.api.sandbox("pi_000000000000000000000000", "succeed").status());
        String id = create("bad-action");
        Api.Answer bad = amba.api.sandbox(id, "refund");
        assertEquals(404, bad.status(), bad::toString);
    }

    @Test
    void everyLedgerChangeGoesOutAsADomainEventWithoutTheSecret() {
        Api.Answer created = amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 1999, \"currency\": \"usd\", "
                + "\"client_reference\": \"events\", \"metadata\": {\"order_id\": \"6735\", \"shelf\": \"b-12\"}, "
                + "\"description\": \"Two blue mugs\"}");
        assertEquals(200, created.status(), created::toString);
        String id = created.data().getString("payment_id");
        assertEquals(200, amba.provider.act(id, "succeed"));
        amba.running.relayNow();
        InProcessEventBus bus = (InProcessEventBus) amba.parts.downstream();
        List<PaymentEvent> mine = bus.published().stream().filter(e -> e.paymentId().value().equals(id)).toList();
        assertEquals(2, mine.size(), () -> "created and status_changed, got " + mine);
        assertEquals(PaymentEventType.CREATED, mine.get(0).type());
        assertEquals(PaymentEventType.STATUS_CHANGED, mine.get(1).type());
        assertEquals(PaymentStatus.SUCCEEDED, mine.get(1).status());
        assertEquals(Optional.of(PaymentStatus.REQUIRES_PAYMENT_METHOD), mine.get(1).previousStatus());
        assertFalse(mine.get(0).id().equals(mine.get(1).id()), "each event has its own id");
        assertTrue(mine.stream().noneMatch(e -> e.toString().contains("_secret_")));
        for (PaymentEvent event : mine) {
            Map<?, ?> data = (Map<?, ?>) event.asCloudEvent().get("data");
            assertEquals(Map.of("order_id", "6735", "shelf", "b-12"), data.get("metadata"),
                    () -> event.type() + " carries the caller's metadata: " + data);
            assertEquals("Two blue mugs", data.get("description"));
        }
    }
}
