package com.amba.payments.adapter.memory.usecase;

import static com.amba.payments.adapter.memory.usecase.World.body;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.port.in.OperateSandbox.IntentAction;
import com.amba.payments.domain.testing.MutableClock;
import com.amba.payments.domain.testing.Payments;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconcilerServiceTest {

    private final MutableClock clock = new MutableClock(World.t0());
    private final World world = new World(clock, World.fastTiming(Duration.ofSeconds(30)));

    @Test
    void aPaymentStuckByALostWebhookIsMovedOnceItHasBeenQuietLongEnough() {
        Payment payment = world.created(body(2_000));
        world.webhooksArrive = false;
        clock.advance(Duration.ofSeconds(5));
        world.sandbox.act(payment.id().value(), IntentAction.SUCCEED).orElseThrow();

        assertEquals(0, world.reconciler.reconcileOnce(), "not quiet long enough yet");
        assertEquals(PaymentStatus.REQUIRES_PAYMENT_METHOD, world.read(payment).status());

        clock.advance(World.QUIET_FOR);
        assertEquals(1, world.reconciler.reconcileOnce());

        assertEquals(PaymentStatus.SUCCEEDED, world.read(payment).status());
        assertEquals(2, world.ledger.history(payment.id()).size());
        assertEquals(0, world.reconciler.reconcileOnce(), "a final payment is left alone");
    }

    @Test
    void aQuietPaymentTheProviderAgreesWithIsNotMoved() {
        Payment payment = world.created(body(2_000));
        clock.advance(World.QUIET_FOR.plusSeconds(1));

        assertEquals(0, world.reconciler.reconcileOnce());
        assertEquals(1, world.ledger.history(payment.id()).size());
    }

    @Test
    void theSweepRetriesParkedEventsWhoseMissedRetryLeftThemParked() {
        Payment payment = world.created(body(2_000));
        var event = Payments.intentChanged(payment, PaymentStatus.PROCESSING, clock.instant().plusSeconds(5));
        // Parked directly: as if the create's own retry of parked events had failed.
        world.ledger.park(event, clock.instant());

        world.reconciler.reconcileOnce();

        assertEquals(PaymentStatus.PROCESSING, world.read(payment).status());
        assertEquals(0, world.ledger.parked(java.util.Optional.empty(), 10).size());
    }

    @Test
    void abandonedPaymentsDoNotKeepTheSweepFromReachingTheOthers() {
        for (int i = 0; i < 120; i++) {
            world.created(body(2_000 + i));
            clock.advance(Duration.ofMillis(10));
        }
        Payment stuck = world.created(body(9_000));
        world.webhooksArrive = false;
        world.sandbox.act(stuck.id().value(), IntentAction.SUCCEED).orElseThrow();
        clock.advance(World.QUIET_FOR.plusSeconds(1));

        assertEquals(0, world.reconciler.reconcileOnce(), "the first batch holds only abandoned checkouts");
        assertEquals(1, world.reconciler.reconcileOnce(), "the next batch goes on where the first stopped");
        assertEquals(PaymentStatus.SUCCEEDED, world.read(stuck).status());
        assertEquals(0, world.reconciler.reconcileOnce(), "starts over from the beginning and finds nothing new");
    }

    @Test
    void eventsThatNeverFindTheirPaymentDoNotKeepTheSweepFromReachingTheOthers() {
        for (int i = 0; i < 120; i++) {
            Payment neverRecorded = Payments.aPayment().build();
            world.ledger.park(Payments.intentChanged(neverRecorded, PaymentStatus.PROCESSING, clock.instant()), clock.instant());
        }
        Payment payment = world.created(body(2_000));
        var late = Payments.intentChanged(payment, PaymentStatus.PROCESSING, clock.instant().plusSeconds(5));
        // An id that sorts after every other: the first batch of the sweep cannot reach it.
        var lastInOrder = new com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged(
                new com.amba.payments.domain.model.ProviderEventId("evt_zzzzzzzzzzzzzzzzzzzzzzzz"), late.created(),
                late.paymentId(), late.account(), late.status(), late.amount(), late.currency());
        world.ledger.park(lastInOrder, clock.instant());

        world.reconciler.reconcileOnce();
        assertEquals(PaymentStatus.REQUIRES_PAYMENT_METHOD, world.read(payment).status(), "not reached yet");
        world.reconciler.reconcileOnce();
        assertEquals(PaymentStatus.PROCESSING, world.read(payment).status(), "the next batch goes on where the first stopped");
        assertEquals(120, world.ledger.parked(java.util.Optional.empty(), 200).size(), "the others are kept, not dropped");
    }
}
