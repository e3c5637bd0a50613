package com.amba.payments.adapter.memory.usecase;

import static com.amba.payments.adapter.memory.usecase.World.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentEventType;
import com.amba.payments.domain.port.in.OperateSandbox.IntentAction;
import com.amba.payments.domain.port.out.PaymentEvents;
import com.amba.payments.domain.port.out.StoreUnavailable;
import com.amba.payments.domain.service.OutboxRelayService;
import com.amba.payments.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxRelayServiceTest {

    private final MutableClock clock = new MutableClock(World.t0());
    private final World world = new World(clock, World.fastTiming(Duration.ofSeconds(30)));

    @Test
    void everyLedgerChangeGoesDownstreamInOrderAndOnlyOnce() {
        Payment payment = world.created(body(2_000));
        clock.advance(Duration.ofSeconds(2));
        world.sandbox.act(payment.id().value(), IntentAction.PROCESS).orElseThrow();
        world.sandbox.act(payment.id().value(), IntentAction.SUCCEED).orElseThrow();

        assertEquals(3, world.relay.relayOnce());
        assertEquals(0, world.relay.relayOnce());

        List<PaymentEvent> published = world.bus.published();
        assertEquals(List.of(PaymentEventType.CREATED, PaymentEventType.STATUS_CHANGED, PaymentEventType.STATUS_CHANGED),
                published.stream().map(PaymentEvent::type).toList());
        assertEquals(List.of("requires_payment_method", "processing", "succeeded"),
                published.stream().map(e -> e.status().wireName()).toList());
        assertEquals(3, published.stream().map(PaymentEvent::id).distinct().count());
    }

    @Test
    void whatDownstreamRefusedIsSentAgainNextTimeAndNothingIsLost() {
        world.created(body(2_000));
        world.created(body(3_000));
        FlakyDownstream downstream = new FlakyDownstream(1);
        OutboxRelayService relay = new OutboxRelayService(world.ledger, downstream);

        assertThrows(StoreUnavailable.class, relay::relayOnce);
        assertEquals(1, downstream.accepted.size(), "the first was accepted before downstream failed");
        assertEquals(1, world.ledger.unrelayed(10).size());

        assertEquals(1, relay.relayOnce());
        assertEquals(List.of(2_000L, 3_000L), downstream.accepted.stream().map(e -> e.amount().minor()).toList());
    }

    /** Accepts {@code acceptBeforeFailing} events, fails once, then accepts everything. */
    private static final class FlakyDownstream implements PaymentEvents {
        final List<PaymentEvent> accepted = new ArrayList<>();
        private int acceptBeforeFailing;
        private boolean failed;

        FlakyDownstream(int acceptBeforeFailing) {
            this.acceptBeforeFailing = acceptBeforeFailing;
        }

        @Override
        public void publish(PaymentEvent event) {
            if (!failed && acceptBeforeFailing-- == 0) {
                failed = true;
                throw new StoreUnavailable("test: broker away");
            }
            accepted.add(event);
        }
    }
}
