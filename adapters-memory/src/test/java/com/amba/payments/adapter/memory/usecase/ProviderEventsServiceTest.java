package com.amba.payments.adapter.memory.usecase;

import static com.amba.payments.adapter.memory.usecase.World.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.PaymentsReadiness;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.port.in.EventReceipt;
import com.amba.payments.domain.port.in.OperateSandbox.IntentAction;
import com.amba.payments.domain.testing.MutableClock;
import com.amba.payments.domain.testing.Payments;
import com.amba.payments.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderEventsServiceTest {

    private final MutableClock clock = new MutableClock(World.t0());
    private final World world = new World(clock, World.fastTiming(Duration.ofSeconds(30)));

    private Instant later(int seconds) {
        return clock.instant().plusSeconds(seconds).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    @Test
    void aSandboxActionReachesTheLedgerBeforeTheNextRead() {
        Payment payment = world.created(body(2_000));
        clock.advance(Duration.ofSeconds(3));

        world.sandbox.act(payment.id().value(), IntentAction.PROCESS).orElseThrow();
        world.sandbox.act(payment.id().value(), IntentAction.SUCCEED).orElseThrow();

        Payment read = world.read(payment);
        assertEquals(PaymentStatus.SUCCEEDED, read.status());
        assertEquals(List.of(PaymentStatus.REQUIRES_PAYMENT_METHOD, PaymentStatus.PROCESSING, PaymentStatus.SUCCEEDED),
                world.ledger.history(payment.id()).stream().map(h -> h.to()).toList());
    }

    @Test
    void theSameEventTwiceChangesTheLedgerOnce() {
        Payment payment = world.created(body(2_000));
        PaymentIntentChanged event = Payments.intentChanged(payment, PaymentStatus.PROCESSING, later(5));

        EventReceipt first = world.events.apply(event);
        EventReceipt second = world.events.apply(event);

        assertEquals(new EventReceipt.Decided(EventDisposition.APPLIED), first);
        assertEquals(new EventReceipt.Duplicate(), second);
        assertEquals(2, world.ledger.history(payment.id()).size());
        assertEquals(2, world.ledger.unrelayed(10).size());
    }

    @Test
    void aFinalStatusStaysFinalEvenAgainstANewerEvent() {
        Payment payment = world.created(body(2_000));
        world.events.apply(Payments.intentChanged(payment, PaymentStatus.SUCCEEDED, later(5)));

        EventReceipt receipt = world.events.apply(
                Payments.intentChanged(payment, PaymentStatus.REQUIRES_PAYMENT_METHOD, later(60)));

        assertEquals(new EventReceipt.Decided(EventDisposition.IGNORED_FINAL), receipt);
        assertEquals(PaymentStatus.SUCCEEDED, world.read(payment).status());
    }

    @Test
    void anOlderEventIsCheckedWithTheProviderAndDoesNotRegress() {
        Payment payment = world.created(body(2_000));
        clock.advance(Duration.ofSeconds(10));
        world.sandbox.act(payment.id().value(), IntentAction.PROCESS).orElseThrow();
        int callsBefore = world.sandbox.createCalls();

        EventReceipt receipt = world.events.apply(Payments.intentChanged(payment, PaymentStatus.REQUIRES_ACTION,
                later(-5)));

        assertEquals(new EventReceipt.Decided(EventDisposition.IGNORED_OLDER), receipt);
        assertEquals(PaymentStatus.PROCESSING, world.read(payment).status());
        assertEquals(callsBefore, world.sandbox.createCalls());
    }

    @Test
    void anOlderEventTakesTheProvidersCurrentWordWhenTheLedgerIsBehind() {
        Payment payment = world.created(body(2_000));
        clock.advance(Duration.ofSeconds(10));
        world.sandbox.act(payment.id().value(), IntentAction.PROCESS).orElseThrow();
        world.webhooksArrive = false;
        world.sandbox.act(payment.id().value(), IntentAction.SUCCEED).orElseThrow();

        EventReceipt receipt = world.events.apply(Payments.intentChanged(payment, PaymentStatus.REQUIRES_ACTION,
                later(-5)));

        assertEquals(new EventReceipt.Decided(EventDisposition.APPLIED), receipt);
        assertEquals(PaymentStatus.SUCCEEDED, world.read(payment).status());
    }

    @Test
    void aReReadAnswerIsNotOverwrittenByAnEventCreatedBeforeTheReadEvenIfAfterTheEventThatCausedIt() {
        Payment payment = world.created(body(2_000));
        world.webhooksArrive = false;
        // The provider's timeline: requires_action at +10 s, back to requires_payment_method at +20 s, then the
        // re-read at +30 s. Their events arrive late and out of order.
        clock.advance(Duration.ofSeconds(10));
        world.sandbox.act(payment.id().value(), IntentAction.REQUIRE_ACTION).orElseThrow();
        PaymentIntentChanged requiresAction = Payments.intentChanged(payment, PaymentStatus.REQUIRES_ACTION, later(0));
        clock.advance(Duration.ofSeconds(10));
        world.sandbox.act(payment.id().value(), IntentAction.FAIL).orElseThrow();
        clock.advance(Duration.ofSeconds(10));
        world.events.apply(Payments.intentChanged(payment, PaymentStatus.PROCESSING, payment.createdAt()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        // That old event was a tie or older news: the provider was asked (at +30 s) and said where it stands.
        assertEquals(PaymentStatus.REQUIRES_PAYMENT_METHOD, world.read(payment).status());

        EventReceipt late = world.events.apply(requiresAction);

        assertEquals(new EventReceipt.Decided(EventDisposition.IGNORED_OLDER), late);
        assertEquals(PaymentStatus.REQUIRES_PAYMENT_METHOD, world.read(payment).status(), "never back in time");
        assertEquals(1, world.ledger.unrelayed(10).size(), "nothing published but the created event");
    }

    @Test
    void anEventThatBeatItsPaymentIsParkedAndAppliedWhenThePaymentAppears() {
        world.sandbox.loseNextCreateAnswers(1);
        world.create(body(2_000).reference("order-1"));
        ProviderIntent intent = onlyIntent();
        Payment expected = Payments.aPayment().withId(intent.id()).onAccount(world.project.account().orElseThrow().id())
                .withAmount(2_000, "usd").build();
        PaymentIntentChanged early = Payments.intentChanged(expected, PaymentStatus.PROCESSING, later(5));

        assertEquals(new EventReceipt.Parked(), world.events.apply(early));
        assertEquals(List.of(early), world.ledger.parkedFor(intent.id()));

        Payment created = world.created(body(2_000).reference("order-1"));

        assertEquals(intent.id(), created.id());
        assertEquals(PaymentStatus.PROCESSING, world.read(created).status());
        assertEquals(List.of(), world.ledger.parked(java.util.Optional.empty(), 10));
        assertTrue(world.ledger.hasDecided(early.id()));
    }

    @Test
    void anEventDisagreeingOnTheAmountIsNotAppliedAndIsReported() {
        Payment payment = world.created(body(2_000));
        PaymentIntentChanged wrong = new PaymentIntentChanged(TestIds.eventId(), later(5), payment.id(),
                Optional.of(payment.account()), PaymentStatus.SUCCEEDED, 1_000, "usd");

        EventReceipt receipt = world.events.apply(wrong);

        assertEquals(new EventReceipt.Decided(EventDisposition.MISMATCH), receipt);
        assertEquals(PaymentStatus.REQUIRES_PAYMENT_METHOD, world.read(payment).status());
        List<InboxEntry> mismatches = world.ledger.report().mismatches();
        assertEquals(1, mismatches.size());
        assertEquals(wrong.id(), mismatches.getFirst().eventId());
    }

    @Test
    void finishingOnboardingMakesTheProjectReady() {
        Project project = world.newProject();
        var account = world.sandbox.createAccount(project.id()).orElseThrow();
        world.controlPlane.attachAccount(project.id(), account);

        world.sandbox.completeOnboarding(account.id().value()).orElseThrow();

        assertEquals(PaymentsReadiness.READY, world.controlPlane.project(project.id()).orElseThrow().readiness());
    }

    @Test
    void aLateAccountEventCannotUndoNewerOnboarding() {
        Project project = world.newProject();
        var account = world.sandbox.createAccount(project.id()).orElseThrow();
        world.controlPlane.attachAccount(project.id(), account);
        world.sandbox.completeOnboarding(account.id().value()).orElseThrow();

        // Delivered late: the account.updated from before onboarding finished, still saying charges_enabled false.
        var stale = new com.amba.payments.domain.model.ProviderEvent.AccountChanged(TestIds.eventId(), later(-60),
                account.id(), false);
        world.events.apply(stale);

        assertEquals(PaymentsReadiness.READY, world.controlPlane.project(project.id()).orElseThrow().readiness(),
                "the provider's current word decides, not the event's");
    }

    @Test
    void anAccountEventForNoProjectIsRecordedAsUnknown() {
        var stray = world.sandbox.createAccount(world.project.id()).orElseThrow();
        var event = new com.amba.payments.domain.model.ProviderEvent.AccountChanged(TestIds.eventId(), later(1),
                stray.id(), true);

        assertInstanceOf(EventReceipt.UnknownAccount.class, world.events.apply(event));
        assertEquals(new EventReceipt.Duplicate(), world.events.apply(event));
    }

    private ProviderIntent onlyIntent() {
        assertEquals(1, world.sandbox.createdIntentCount());
        // The lost answer's intent is reachable with the same request again, which is what the retry does.
        return world.sandbox.createIntent(new com.amba.payments.domain.port.out.IntentRequest(
                world.project.account().orElseThrow().id(), com.amba.payments.domain.model.Money.of(2_000, "usd"), 50,
                world.project.id(), Optional.of(new com.amba.payments.domain.model.ClientReference("order-1")),
                com.amba.payments.domain.model.CreationAttempt.of(world.project.id(),
                        new com.amba.payments.domain.model.ClientReference("order-1"),
                        com.amba.payments.domain.model.RequestFingerprint.of(2_000, "usd", "", ""))
                        .idempotencyKey())).orElseThrow();
    }
}
