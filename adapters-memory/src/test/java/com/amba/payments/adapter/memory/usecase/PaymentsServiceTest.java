package com.amba.payments.adapter.memory.usecase;

import static com.amba.payments.adapter.memory.usecase.World.body;
import static com.amba.payments.adapter.memory.usecase.World.codeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.CreationClaim;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentEventType;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.RequestFingerprint;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.port.in.OperateSandbox.IntentAction;
import com.amba.payments.domain.port.out.IntentRequest;
import com.amba.payments.domain.testing.Concurrently;
import com.amba.payments.domain.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentsServiceTest {

    private final MutableClock clock = new MutableClock(World.t0());
    private final World world = new World(clock, World.fastTiming(Duration.ofSeconds(30)));

    @Test
    void aCreatedPaymentIsInTheLedgerWithTheResolvedFeeAndACreatedEvent() {
        Payment payment = world.created(body(2_000).reference("order-1"));

        assertTrue(payment.id().value().startsWith("pi_"));
        assertTrue(payment.clientSecret().value().startsWith(payment.id().value() + "_secret_"));
        assertEquals(PaymentStatus.REQUIRES_PAYMENT_METHOD, payment.status());
        assertEquals(Money.of(2_000, "usd"), payment.amount());
        assertEquals(50, payment.applicationFee(), "250 bps platform default of 2000");
        assertEquals(Optional.of(new ClientReference("order-1")), payment.clientReference());
        assertEquals(payment, world.read(payment));
        List<OutboxEntry> outbox = world.ledger.unrelayed(10);
        assertEquals(1, outbox.size());
        assertEquals(PaymentEventType.CREATED, outbox.getFirst().event().type());
        assertEquals(payment.id(), outbox.getFirst().event().paymentId());
    }

    @Test
    void theSameReferenceAndRequestAnswersTheSamePaymentWithoutASecondIntent() {
        Payment first = world.created(body(2_000).reference("order-1").bps(100));

        Payment replay = world.created(body(2_000).reference("order-1").bps(100));

        assertEquals(first.id(), replay.id());
        assertEquals(first.clientSecret(), replay.clientSecret());
        assertEquals(1, world.sandbox.createCalls());
    }

    @Test
    void aReplayAnswersThePaymentsCurrentStatus() {
        Payment first = world.created(body(2_000).reference("order-1"));
        clock.advance(Duration.ofSeconds(5));
        world.sandbox.act(first.id().value(), IntentAction.SUCCEED).orElseThrow();

        Payment replay = world.created(body(2_000).reference("order-1"));

        assertEquals(PaymentStatus.SUCCEEDED, replay.status());
    }

    @Test
    void theSameReferenceWithADifferentRequestConflicts() {
        world.created(body(2_000).reference("order-1"));

        assertEquals("CLIENT_REFERENCE_CONFLICT", codeOf(world.create(body(2_001).reference("order-1"))));
        assertEquals("CLIENT_REFERENCE_CONFLICT", codeOf(world.create(body(2_000).reference("order-1").bps(250))),
                "sending the default rate explicitly is a different request as sent");
        assertEquals(1, world.sandbox.createdIntentCount());
    }

    @Test
    void thirtyTwoConcurrentCreatesWithOneNewReferenceMakeOneIntentAndAllAnswerIt() throws Exception {
        World live = new World(World.systemClock(), World.fastTiming(Duration.ofSeconds(30)));

        List<Result<Payment, PaymentError>> answers =
                Concurrently.run(32, () -> live.create(body(2_000).reference("order-race")));

        assertTrue(answers.stream().allMatch(Result::isOk), answers::toString);
        assertEquals(1, answers.stream().map(a -> a.orElseThrow().id()).distinct().count());
        assertEquals(1, answers.stream().map(a -> a.orElseThrow().clientSecret()).distinct().count());
        assertEquals(1, live.sandbox.createCalls());
        assertEquals(1, live.sandbox.createdIntentCount());
    }

    @Test
    void aCreateTheProviderCouldNotTakeBindsNothingAndTheRetryProceeds() {
        world.sandbox.failNextCreates(1);

        assertEquals("PAYMENT_PROVIDER_UNAVAILABLE", codeOf(world.create(body(2_000).reference("order-1"))));
        Payment retried = world.created(body(2_000).reference("order-1"));

        assertEquals(PaymentStatus.REQUIRES_PAYMENT_METHOD, retried.status());
        assertEquals(1, world.sandbox.createdIntentCount());
    }

    @Test
    void afterAFailedCreateEvenADifferentRequestMayUseTheReference() {
        world.sandbox.failNextCreates(1);
        world.create(body(2_000).reference("order-1"));

        assertTrue(world.create(body(3_000).reference("order-1")).isOk());
    }

    @Test
    void aRetryAfterALostProviderAnswerReusesTheKeyAndPicksUpTheIntentMadeBeforeTheFailure() {
        world.sandbox.loseNextCreateAnswers(1);

        assertEquals("PAYMENT_PROVIDER_UNAVAILABLE", codeOf(world.create(body(2_000).reference("order-1"))));
        assertEquals(1, world.sandbox.createdIntentCount());
        Payment retried = world.created(body(2_000).reference("order-1"));

        assertEquals(1, world.sandbox.createdIntentCount(), "no second intent: the same Idempotency-Key was sent");
        assertEquals(2, world.sandbox.createCalls());
        assertEquals(retried, world.read(retried));
    }

    @Test
    void aCreateThatCrashedBetweenClaimAndAnswerIsTakenOverOnceItsLeaseRunsOut() {
        Duration shortLease = Duration.ofSeconds(2);
        World crashy = new World(clock, World.fastTiming(shortLease));
        ClientReference reference = new ClientReference("order-crash");
        CreationAttempt attempt = CreationAttempt.of(crashy.project.id(), reference,
                RequestFingerprint.of(2_000, "usd", "", ""));
        // The crashed process bound the reference and reached the provider, then died before recording anything.
        assertTrue(crashy.ledger.claimCreation(attempt, clock.instant(), shortLease) instanceof CreationClaim.Claimed);
        ProviderIntent orphan = crashy.sandbox.createIntent(new IntentRequest(
                crashy.project.account().orElseThrow().id(), Money.of(2_000, "usd"), 50, crashy.project.id(),
                Optional.of(reference), attempt.idempotencyKey())).orElseThrow();
        clock.advance(shortLease.plusMillis(1));

        Payment payment = crashy.created(body(2_000).reference("order-crash"));

        assertEquals(orphan.id(), payment.id());
        assertEquals(orphan.clientSecret(), payment.clientSecret());
        assertEquals(1, crashy.sandbox.createdIntentCount());
    }

    @Test
    void aCreateWithoutAReferenceAlwaysMakesANewPayment() {
        Payment a = world.created(body(2_000));
        Payment b = world.created(body(2_000));

        assertTrue(!a.id().equals(b.id()));
        assertEquals(Optional.empty(), a.clientReference());
    }

    @Test
    void anotherProjectsPaymentOrAMalformedIdIsNotFound() {
        Payment payment = world.created(body(2_000));
        Project other = world.newProject();
        String otherKey = world.issueKey(other, ApiKeyKind.SERVER);

        assertEquals("PAYMENT_NOT_FOUND", codeOf(
                world.standings.readStanding(Optional.of(otherKey), payment.id().value())));
        assertEquals("PAYMENT_NOT_FOUND", codeOf(
                world.standings.readStanding(Optional.of(world.clientKey), "pi_nope")));
        assertEquals("PAYMENT_NOT_FOUND", codeOf(
                world.standings.readStanding(Optional.of(world.clientKey), "../../x")));
        assertEquals("INVALID_API_KEY", codeOf(
                world.standings.readStanding(Optional.of("amba_pk_wrong"), payment.id().value())));
    }

    @Test
    void theChecksAnswerInTheContractsOrder() {
        assertEquals("INVALID_API_KEY", codeOf(world.payments.create(Optional.empty(), body(10).done())));
        assertEquals("SERVER_KEY_REQUIRED", codeOf(world.payments.create(Optional.of(world.clientKey), body(10).done())));
        world.controlPlane.setPaymentsEnabled(false);
        assertEquals("PAYMENTS_NOT_ENABLED", codeOf(world.create(body(10).with("bogus", new com.amba.payments.domain.model.InputValue.Text("x")))));
        world.controlPlane.setPaymentsEnabled(true);
        assertEquals("INVALID_AMOUNT", codeOf(world.create(body(10))));

        Project bare = world.newProject();
        String bareKey = world.issueKey(bare, ApiKeyKind.SERVER);
        assertEquals("PAYMENTS_NOT_SET_UP", codeOf(world.payments.create(Optional.of(bareKey), body(2_000).done())));
        world.controlPlane.attachAccount(bare.id(), world.sandbox.createAccount(bare.id()).orElseThrow());
        assertEquals("PAYMENTS_NOT_READY",
                codeOf(world.payments.create(Optional.of(bareKey), body(2_000).fee(5_000).done())));
    }

    @Test
    void aFeeThatTakesTheWholeAmountIsRefusedAndNoFeeAtAllToo() {
        assertEquals("FEE_EXCEEDS_AMOUNT", codeOf(world.create(body(2_000).bps(10_000))));
        world.controlPlane.setPlatformDefaultFee(Optional.empty());
        assertEquals("NO_PLATFORM_FEE", codeOf(world.create(body(2_000))));
        assertEquals(0, world.sandbox.createCalls());
    }

    @Test
    void theProjectDefaultWinsAndClearingItFallsBackToThePlatformDefault() {
        world.controlPlane.setProjectDefaultFee(world.project.id(), Optional.of(new BasisPoints(1_000)));
        assertEquals(200, world.created(body(2_000)).applicationFee());

        world.controlPlane.setProjectDefaultFee(world.project.id(), Optional.empty());
        assertEquals(50, world.created(body(2_000)).applicationFee());
    }

    @Test
    void anAccountThatLostChargesAtTheProviderAnswersNotReady() {
        Project project = world.newProject();
        String key = world.issueKey(project, ApiKeyKind.SERVER);
        ConnectedAccount account = world.sandbox.createAccount(new ProjectId("x")).orElseThrow();
        // The control plane still thinks the account is ready; the provider is the authority.
        world.controlPlane.attachAccount(project.id(), new ConnectedAccount(account.id(), true));

        assertEquals("PAYMENTS_NOT_READY", codeOf(world.payments.create(Optional.of(key),
                body(2_000).reference("r").done())));
        assertTrue(world.payments.create(Optional.of(key), body(2_000).reference("r").done()) instanceof Result.Err,
                "the failed create bound nothing and fails the same way again");
    }
}
