package com.amba.payments.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.contract.PaymentProviderContract;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.OperateSandbox.IntentAction;
import com.amba.payments.domain.port.out.IntentRequest;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SandboxPaymentProviderTest extends PaymentProviderContract {

    final List<ProviderEvent> handedOff = new CopyOnWriteArrayList<>();
    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T12:00:00.123456Z"));
    final SandboxPaymentProvider sandbox = new SandboxPaymentProvider(handedOff::add, clock);
    final ConnectedAccountId ready = sandbox.createReadyAccount().id();
    final ConnectedAccountId notReady = sandbox.createAccount(new ProjectId("proj_sandbox")).orElseThrow().id();

    @Override
    protected PaymentProvider provider() {
        return sandbox;
    }

    @Override
    protected ConnectedAccountId readyAccount() {
        return ready;
    }

    @Override
    protected ConnectedAccountId notReadyAccount() {
        return notReady;
    }

    @Override
    protected Instant providerNow() {
        return clock.instant();
    }

    private IntentRequest request(long amount, String currency) {
        return new IntentRequest(ready, Money.of(amount, currency), 0, new ProjectId("proj_sandbox"),
                Optional.empty(), new ProviderIdempotencyKey("k-" + UUID.randomUUID()));
    }

    private ProviderIntent intent() {
        return sandbox.createIntent(request(2_000, "usd")).orElseThrow();
    }

    @Test
    void aCreateLatencyDelaysEachCreateButNotOneBehindAnother() throws Exception {
        sandbox.setCreateLatency(java.time.Duration.ofMillis(300));
        long started = System.nanoTime();
        java.util.List<Thread> creates = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            creates.add(Thread.ofVirtual().start(this::intent));
        }
        for (Thread create : creates) {
            create.join();
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis >= 300, "each create waited its latency: " + tookMillis + " ms");
        assertTrue(tookMillis < 1_200, "four creates waited side by side, not one after another: " + tookMillis + " ms");
        assertEquals(4, sandbox.createdIntentCount());
    }

    @Test
    void idsAndSecretsHaveStripesExactShapes() {
        ProviderIntent intent = intent();

        assertTrue(intent.id().value().matches("pi_[A-Za-z0-9]{24}"), intent.id().value());
        assertTrue(intent.clientSecret().value().matches(intent.id().value() + "_secret_[A-Za-z0-9]{25}"));
        assertTrue(ready.value().matches("acct_[A-Za-z0-9]{16}"), ready.value());
        assertEquals(Instant.parse("2025-03-01T12:00:00Z"), intent.created());
    }

    @Test
    void aThreeDecimalAmountMustBeWholeTens() {
        Result<ProviderIntent, ProviderFailure> odd = sandbox.createIntent(request(1_005, "kwd"));

        assertInstanceOf(ProviderFailure.AmountRejected.class, ((Result.Err<?, ProviderFailure>) odd).error());
        assertTrue(sandbox.createIntent(request(1_010, "kwd")).isOk());
    }

    @Test
    void theMinimumFollowsTheCurrency() {
        assertInstanceOf(Result.Err.class, sandbox.createIntent(request(29, "gbp")));
        assertTrue(sandbox.createIntent(request(30, "gbp")).isOk());
        assertTrue(sandbox.createIntent(request(50, "jpy")).isOk());
    }

    @Test
    void everyActionMovesTheIntentAndHandsOffAnEventAboutIt() {
        ProviderIntent intent = intent();
        clock.advance(java.time.Duration.ofSeconds(5));

        sandbox.act(intent.id().value(), IntentAction.REQUIRE_ACTION).orElseThrow();
        sandbox.act(intent.id().value(), IntentAction.PROCESS).orElseThrow();
        sandbox.act(intent.id().value(), IntentAction.FAIL).orElseThrow();
        ProviderIntent succeeded = sandbox.act(intent.id().value(), IntentAction.SUCCEED).orElseThrow();

        assertEquals(PaymentStatus.SUCCEEDED, succeeded.status());
        List<PaymentStatus> said = handedOff.stream().map(e -> ((PaymentIntentChanged) e).status()).toList();
        assertEquals(List.of(PaymentStatus.REQUIRES_ACTION, PaymentStatus.PROCESSING,
                PaymentStatus.REQUIRES_PAYMENT_METHOD, PaymentStatus.SUCCEEDED), said);
        PaymentIntentChanged last = (PaymentIntentChanged) handedOff.getLast();
        assertEquals(intent.id(), last.paymentId());
        assertEquals(Optional.of(ready), last.account());
        assertEquals(2_000, last.amount());
        assertEquals("usd", last.currency());
        assertEquals(Instant.parse("2025-03-01T12:00:05Z"), last.created());
        assertTrue(last.id().value().matches("evt_[A-Za-z0-9]{24}"));
        assertEquals(4, handedOff.stream().map(ProviderEvent::id).distinct().count(), "each event has its own id");
    }

    @Test
    void creatingAnIntentEmitsNothing() {
        intent();

        assertEquals(List.of(), handedOff);
    }

    @Test
    void aFinalIntentRefusesEveryActionLikeStripe() {
        ProviderIntent intent = intent();
        sandbox.act(intent.id().value(), IntentAction.CANCEL).orElseThrow();

        for (IntentAction action : IntentAction.values()) {
            Result<ProviderIntent, PaymentError> answer = sandbox.act(intent.id().value(), action);
            assertInstanceOf(PaymentError.UnexpectedPaymentState.class, ((Result.Err<?, PaymentError>) answer).error());
        }
        assertEquals(1, handedOff.size());
        assertEquals(PaymentStatus.CANCELED, sandbox.retrieveIntent(ready, intent.id()).orElseThrow().status());
    }

    @Test
    void anUnknownOrMalformedIntentIsNotFound() {
        assertInstanceOf(PaymentError.PaymentNotFound.class,
                ((Result.Err<?, PaymentError>) sandbox.act("pi_unknown", IntentAction.SUCCEED)).error());
        assertInstanceOf(PaymentError.PaymentNotFound.class,
                ((Result.Err<?, PaymentError>) sandbox.act("../etc", IntentAction.SUCCEED)).error());
    }

    @Test
    void anIntentIsOnlyVisibleOnItsOwnAccount() {
        ProviderIntent intent = intent();

        assertInstanceOf(Result.Err.class, sandbox.retrieveIntent(notReady, intent.id()));
    }

    @Test
    void completingOnboardingEnablesChargesAndEmitsAccountUpdated() {
        sandbox.completeOnboarding(notReady.value()).orElseThrow();

        assertTrue(sandbox.retrieveAccount(notReady).orElseThrow().chargesEnabled());
        ProviderEvent.AccountChanged event = assertInstanceOf(ProviderEvent.AccountChanged.class, handedOff.getLast());
        assertEquals(notReady, event.account());
        assertTrue(event.chargesEnabled());
        assertInstanceOf(PaymentError.AccountNotFound.class,
                ((Result.Err<?, PaymentError>) sandbox.completeOnboarding("acct_nobody")).error());
    }

    @Test
    void anOutageCreatesNothingAndTheNextCallWorks() {
        sandbox.failNextCreates(1);
        IntentRequest request = request(2_000, "usd");

        assertInstanceOf(ProviderFailure.Unavailable.class,
                ((Result.Err<?, ProviderFailure>) sandbox.createIntent(request)).error());
        assertEquals(0, sandbox.createdIntentCount());
        assertTrue(sandbox.createIntent(request).isOk());
        assertEquals(2, sandbox.createCalls());
        assertEquals(1, sandbox.createdIntentCount());
    }

    @Test
    void aLostAnswerStillMadeTheIntentWhichTheSameKeyFinds() {
        sandbox.loseNextCreateAnswers(1);
        IntentRequest request = request(2_000, "usd");

        assertInstanceOf(Result.Err.class, sandbox.createIntent(request));
        ProviderIntent found = sandbox.createIntent(request).orElseThrow();

        assertEquals(1, sandbox.createdIntentCount());
        assertEquals(PaymentStatus.REQUIRES_PAYMENT_METHOD, found.status());
    }
}
