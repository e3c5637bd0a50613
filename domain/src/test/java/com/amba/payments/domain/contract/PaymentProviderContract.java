package com.amba.payments.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.PaymentNotes;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.IntentRequest;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.testing.TestIds;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PaymentProvider} must do: the sandbox and the Stripe adapter pass the same suite.
 * Each test uses fresh idempotency keys, so the suite can run against a long-lived provider.
 */
public abstract class PaymentProviderContract {

    private static final ProjectId PROJECT = new ProjectId("proj_contract");

    /** The provider under test; may be the same instance for every test. */
    protected abstract PaymentProvider provider();

    /** An account at that provider that can take charges. */
    protected abstract ConnectedAccountId readyAccount();

    /** An account at that provider that exists but cannot take charges yet. */
    protected abstract ConnectedAccountId notReadyAccount();

    private static ProviderIdempotencyKey freshKey() {
        return new ProviderIdempotencyKey("amba-contract-" + UUID.randomUUID());
    }

    private IntentRequest request(long amount, long fee, ProviderIdempotencyKey key) {
        return new IntentRequest(readyAccount(), Money.of(amount, "usd"), fee, PROJECT,
                Optional.of(new ClientReference("order-" + key.value().hashCode())), key);
    }

    private static <T> ProviderFailure failureOf(Result<T, ProviderFailure> result) {
        Result.Err<T, ProviderFailure> err = assertInstanceOf(Result.Err.class, result,
                () -> "expected a failure but got " + result);
        return err.error();
    }

    protected ProviderIntent created(long amount) {
        return provider().createIntent(request(amount, 100, freshKey())).orElseThrow();
    }

    @Test
    void aNewIntentWaitsForAPaymentMethodWithItsClientSecret() {
        ProviderIntent intent = created(2_000);

        assertTrue(intent.id().value().matches("pi_[A-Za-z0-9]+"), intent.id().value());
        assertTrue(intent.clientSecret().value().startsWith(intent.id().value() + "_secret_"),
                "client secret starts with the intent id");
        assertEquals(PaymentStatus.REQUIRES_PAYMENT_METHOD, intent.status());
        assertEquals(Money.of(2_000, "usd"), intent.amount());
        assertEquals(0, intent.created().getNano(), "the provider dates intents to the second");
    }

    @Test
    void aZeroFeeIsAccepted() {
        ProviderIntent intent = provider().createIntent(request(2_000, 0, freshKey())).orElseThrow();

        assertEquals(Money.of(2_000, "usd"), intent.amount());
    }

    @Test
    void theSameKeyWithTheSameRequestReachesTheSameIntent() {
        IntentRequest request = request(2_000, 100, freshKey());

        ProviderIntent first = provider().createIntent(request).orElseThrow();
        ProviderIntent second = provider().createIntent(request).orElseThrow();

        assertEquals(first.id(), second.id());
        assertEquals(first.clientSecret(), second.clientSecret());
    }

    @Test
    void theSameKeyWithADifferentRequestIsRefused() {
        ProviderIdempotencyKey key = freshKey();
        provider().createIntent(request(2_000, 100, key)).orElseThrow();

        ProviderFailure failure = failureOf(provider().createIntent(request(3_000, 100, key)));

        assertInstanceOf(ProviderFailure.Refused.class, failure);
    }

    /** The most a caller may write: 48 keys of 40 characters, values of 500, and a description of 1000. */
    private static PaymentNotes fullNotes(String tag) {
        java.util.Map<String, String> metadata = new java.util.HashMap<>();
        for (int i = 0; i < com.amba.payments.domain.model.Metadata.MAXIMUM_KEYS; i++) {
            metadata.put(String.format("k%02d", i) + "x".repeat(37), tag + "v".repeat(500 - tag.length()));
        }
        return PaymentNotes.of(metadata, Optional.of("d".repeat(999) + tag.charAt(0)));
    }

    private IntentRequest requestWith(PaymentNotes notes, ProviderIdempotencyKey key) {
        return new IntentRequest(readyAccount(), Money.of(2_000, "usd"), 100, PROJECT,
                Optional.of(new ClientReference("order-" + key.value().hashCode())), notes, key);
    }

    @Test
    void theCallersFullestNotesFitBesideAmbasOwnMetadata() {
        ProviderIntent intent = provider().createIntent(requestWith(fullNotes("a"), freshKey())).orElseThrow();

        assertEquals(Money.of(2_000, "usd"), intent.amount());
    }

    @Test
    void theSameKeyWithOtherNotesIsRefused() {
        ProviderIdempotencyKey key = freshKey();
        provider().createIntent(requestWith(fullNotes("a"), key)).orElseThrow();

        assertInstanceOf(ProviderFailure.Refused.class,
                failureOf(provider().createIntent(requestWith(fullNotes("b"), key))));
    }

    @Test
    void differentKeysMakeDifferentIntents() {
        assertNotEquals(created(2_000).id(), created(2_000).id());
    }

    @Test
    void anAmountBelowTheMinimumChargeIsRejectedAsAnAmount() {
        ProviderFailure failure = failureOf(provider().createIntent(request(49, 0, freshKey())));

        assertInstanceOf(ProviderFailure.AmountRejected.class, failure);
    }

    @Test
    void anAccountThatCannotTakeChargesIsNotReady() {
        IntentRequest request = new IntentRequest(notReadyAccount(), Money.of(2_000, "usd"), 100, PROJECT,
                Optional.empty(), freshKey());

        ProviderFailure failure = failureOf(provider().createIntent(request));

        assertInstanceOf(ProviderFailure.AccountNotReady.class, failure);
    }

    @Test
    void aRetrievedIntentIsTheCreatedOne() {
        ProviderIntent intent = created(2_500);

        ProviderIntent retrieved = provider().retrieveIntent(readyAccount(), intent.id()).orElseThrow();

        assertEquals(intent.id(), retrieved.id());
        assertEquals(intent.amount(), retrieved.amount());
        assertEquals(intent.status(), retrieved.status());
        assertEquals(intent.created(), retrieved.created());
    }

    /** The provider's clock now (the system clock, unless the provider under test runs on another). */
    protected Instant providerNow() {
        return Instant.now();
    }

    @Test
    void aReReadIsDatedByTheProvidersClockWhenItAnswered() {
        ProviderIntent intent = created(2_500);
        Instant before = providerNow().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        Instant asOf = provider().retrieveIntent(readyAccount(), intent.id()).orElseThrow().asOf();

        Instant after = providerNow();
        assertTrue(!asOf.isBefore(before) && !asOf.isAfter(after),
                () -> "answered " + asOf + ", asked between " + before + " and " + after);
    }

    @Test
    void anUnknownIntentIsNotFound() {
        ProviderFailure failure = failureOf(provider().retrieveIntent(readyAccount(), TestIds.paymentId()));

        assertInstanceOf(ProviderFailure.NotFound.class, failure);
    }

    @Test
    void aCanceledIntentIsCanceledAndCannotBeCanceledAgain() {
        ProviderIntent intent = created(2_000);

        ProviderIntent canceled = provider().cancelIntent(readyAccount(), intent.id()).orElseThrow();

        assertEquals(PaymentStatus.CANCELED, canceled.status());
        assertEquals(PaymentStatus.CANCELED, provider().retrieveIntent(readyAccount(), intent.id()).orElseThrow().status());
        assertInstanceOf(ProviderFailure.UnexpectedState.class,
                failureOf(provider().cancelIntent(readyAccount(), intent.id())));
    }

    @Test
    void aNewAccountStartsUnableToTakeCharges() {
        ConnectedAccount account = provider().createAccount(PROJECT).orElseThrow();

        assertFalse(account.chargesEnabled());
        assertEquals(account, provider().retrieveAccount(account.id()).orElseThrow());
    }

    @Test
    void theReadyAccountCanTakeChargesAndTheOtherCannot() {
        assertTrue(provider().retrieveAccount(readyAccount()).orElseThrow().chargesEnabled());
        assertFalse(provider().retrieveAccount(notReadyAccount()).orElseThrow().chargesEnabled());
    }

    @Test
    void anUnknownAccountIsNotFound() {
        ProviderFailure failure = failureOf(provider().retrieveAccount(new ConnectedAccountId("acct_0000000000000000")));

        assertInstanceOf(ProviderFailure.NotFound.class, failure);
    }

    @Test
    void anAccountStillOnboardingGetsALinkToFinish() {
        ConnectedAccount account = provider().createAccount(PROJECT).orElseThrow();

        String url = provider().createOnboardingLink(account.id()).orElseThrow().url();

        assertFalse(url.isBlank());
    }
}
