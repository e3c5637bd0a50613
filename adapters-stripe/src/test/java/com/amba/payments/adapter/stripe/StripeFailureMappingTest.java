package com.amba.payments.adapter.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.stripe.localstripe.Fault;
import com.amba.payments.adapter.stripe.localstripe.IntentMove;
import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.adapter.stripe.localstripe.RecordedRequest;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.IntentRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stripe's failures as Amba's: what may or may not have happened is Unavailable, and a retry settles it. */
class StripeFailureMappingTest {

    private LocalStripe stripe;
    private ConnectedAccountId account;

    @BeforeEach
    void start() {
        stripe = LocalStripe.start();
        account = new ConnectedAccountId(stripe.createReadyAccount());
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    private static <T> ProviderFailure failureOf(Result<T, ProviderFailure> result) {
        if (result instanceof Result.Err<T, ProviderFailure> err) {
            return err.error();
        }
        throw new AssertionError("expected a failure, got " + result);
    }

    private void awaitBusy() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!stripe.isBusy()) {
            assertTrue(System.nanoTime() < deadline, "the first request never reached the server");
            Thread.sleep(5);
        }
    }

    private List<Integer> createStatuses() {
        return stripe.requests("POST", "/v1/payment_intents").stream().map(RecordedRequest::status).toList();
    }

    @Test
    void aServerErrorThenATimeoutIsUnavailableAndTheRetryWithTheSameKeyReachesTheOneIntent() {
        StripePaymentProvider provider = Requests.provider(stripe, Duration.ofMillis(500), 1);
        IntentRequest request = Requests.withReference(account, 2_000, 100, "order-timeout");
        stripe.failNext(Fault.serverError(), Fault.slowAnswer(Duration.ofMillis(1_500)));

        ProviderFailure failure = failureOf(provider.createIntent(request));

        assertInstanceOf(ProviderFailure.Unavailable.class, failure);
        stripe.awaitIdle(Duration.ofSeconds(5)); // Stripe finished the slow request after the client gave up
        ProviderIntent retried = provider.createIntent(request).orElseThrow();
        assertEquals(List.of(retried.id().value()), stripe.paymentIntentIdsOn(account.value()),
                "exactly one intent exists, and the retry answered it");
        List<RecordedRequest> creates = stripe.requests("POST", "/v1/payment_intents");
        assertEquals(3, creates.size(), creates::toString);
        assertEquals(1, creates.stream().filter(r -> r.status() == 200 && !r.replayed()).count(), creates::toString);
        assertTrue(creates.getLast().replayed());
        assertEquals(1, creates.stream().map(RecordedRequest::idempotencyKey).distinct().count());
    }

    @Test
    void serverErrorsBeyondTheRetryBudgetAreUnavailableAndCreateNothing() {
        StripePaymentProvider provider = Requests.provider(stripe, Duration.ofSeconds(2), 2);
        stripe.failNext(Fault.serverError(), Fault.serverError(), Fault.serverError());

        ProviderFailure failure = failureOf(provider.createIntent(Requests.withReference(account, 2_000, 100, "o")));

        assertInstanceOf(ProviderFailure.Unavailable.class, failure);
        assertEquals(List.of(500, 500, 500), createStatuses(), "one call and two retries, then give up");
        assertTrue(stripe.paymentIntentIdsOn(account.value()).isEmpty());
    }

    @Test
    void rateLimitingIsUnavailable() {
        StripePaymentProvider provider = Requests.provider(stripe, Duration.ofSeconds(2), 0);
        stripe.failNext(Fault.rateLimited());

        ProviderFailure failure = failureOf(provider.createIntent(Requests.withReference(account, 2_000, 100, "o")));

        assertInstanceOf(ProviderFailure.Unavailable.class, failure);
        assertEquals(List.of(429), createStatuses());
    }

    @Test
    void droppedConnectionsAreUnavailable() {
        StripePaymentProvider provider = Requests.provider(stripe, Duration.ofSeconds(2), 1);
        // The JDK's HttpURLConnection may itself resend a POST once on a dropped connection: enough faults for all.
        stripe.failNext(Fault.droppedConnection(), Fault.droppedConnection(), Fault.droppedConnection(),
                Fault.droppedConnection());

        ProviderFailure failure = failureOf(provider.createIntent(Requests.withReference(account, 2_000, 100, "o")));

        assertInstanceOf(ProviderFailure.Unavailable.class, failure);
        assertTrue(stripe.paymentIntentIdsOn(account.value()).isEmpty());
    }

    @Test
    void aServerThatIsNotListeningIsUnavailable() {
        LocalStripe gone = LocalStripe.start();
        StripePaymentProvider provider = Requests.provider(gone, Duration.ofSeconds(1), 0);
        gone.close();

        assertInstanceOf(ProviderFailure.Unavailable.class,
                failureOf(provider.retrieveAccount(account)));
    }

    @Test
    void theSameKeyWhileTheFirstRequestIsStillRunningIsUnavailable() throws Exception {
        IntentRequest request = Requests.withReference(account, 2_000, 100, "order-in-flight");
        stripe.failNext(Fault.slowAnswer(Duration.ofMillis(1_500)));
        CompletableFuture<Result<ProviderIntent, ProviderFailure>> first = CompletableFuture.supplyAsync(
                () -> Requests.provider(stripe, Duration.ofSeconds(5), 0).createIntent(request));
        awaitBusy(); // the first request now holds the key for the 1.5 s it takes

        ProviderFailure failure = failureOf(Requests.provider(stripe, Duration.ofSeconds(5), 0).createIntent(request));

        assertInstanceOf(ProviderFailure.Unavailable.class, failure);
        assertTrue(createStatuses().contains(409), createStatuses()::toString);
        ProviderIntent winner = first.get(5, TimeUnit.SECONDS).orElseThrow();
        assertEquals(List.of(winner.id().value()), stripe.paymentIntentIdsOn(account.value()));
    }

    @Test
    void aRefusedSecretKeyIsAConfigurationProblemThatNeverShowsTheKey() {
        String wrongKey = "sk_test_" + "W".repeat(24);
        StripePaymentProvider provider = Requests.provider(wrongKey, stripe, Duration.ofSeconds(2), 0);

        ProviderFailure failure = failureOf(provider.createIntent(Requests.withReference(account, 2_000, 100, "o")));

        assertInstanceOf(ProviderFailure.Misconfigured.class, failure);
        assertFalse(failure.detail().contains(wrongKey), failure.detail());
        assertFalse(failure.detail().contains("WWWW"), failure.detail());
    }

    @Test
    void aKeyWithoutPermissionIsAConfigurationProblem() {
        StripePaymentProvider provider = Requests.provider(stripe.restrictedKey(), stripe, Duration.ofSeconds(2), 0);

        ProviderFailure failure = failureOf(provider.retrieveAccount(account));

        assertInstanceOf(ProviderFailure.Misconfigured.class, failure);
        assertFalse(failure.detail().contains(stripe.restrictedKey()), failure.detail());
    }

    @Test
    void amountsStripeRefusesAreRejectedAsAmounts() {
        StripePaymentProvider provider = Requests.provider(stripe, Duration.ofSeconds(2), 0);

        assertInstanceOf(ProviderFailure.AmountRejected.class,
                failureOf(provider.createIntent(Requests.withReference(account, 29, "gbp", 0, "small"))));
        assertInstanceOf(ProviderFailure.AmountRejected.class,
                failureOf(provider.createIntent(Requests.withReference(account, 1_005, "kwd", 0, "tens"))));
    }

    @Test
    void aChargeOnAnAccountNotConnectedToThePlatformIsNotFound() {
        StripePaymentProvider provider = Requests.provider(stripe, Duration.ofSeconds(2), 0);
        ConnectedAccountId stranger = new ConnectedAccountId("acct_NotConnected0000");

        assertInstanceOf(ProviderFailure.NotFound.class,
                failureOf(provider.createIntent(Requests.withReference(stranger, 2_000, 100, "o"))));
    }

    @Test
    void anIntentOfAnotherAccountIsNotFound() {
        StripePaymentProvider provider = Requests.provider(stripe, Duration.ofSeconds(2), 0);
        ProviderIntent intent = provider.createIntent(Requests.withReference(account, 2_000, 100, "o")).orElseThrow();
        ConnectedAccountId other = new ConnectedAccountId(stripe.createReadyAccount());

        assertInstanceOf(ProviderFailure.NotFound.class, failureOf(provider.retrieveIntent(other, intent.id())));
        assertInstanceOf(ProviderFailure.NotFound.class, failureOf(provider.cancelIntent(other, intent.id())));
    }

    @Test
    void aSucceededIntentCannotBeCanceled() {
        StripePaymentProvider provider = Requests.provider(stripe, Duration.ofSeconds(2), 0);
        ProviderIntent intent = provider.createIntent(Requests.withReference(account, 2_000, 100, "o")).orElseThrow();
        stripe.move(intent.id().value(), IntentMove.SUCCEED);

        assertInstanceOf(ProviderFailure.UnexpectedState.class, failureOf(provider.cancelIntent(account, intent.id())));
    }
}
