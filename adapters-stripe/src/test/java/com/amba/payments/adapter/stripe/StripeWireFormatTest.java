package com.amba.payments.adapter.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.stripe.localstripe.IntentMove;
import com.amba.payments.domain.model.CancellationReason;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import com.amba.payments.domain.model.ProviderRefund;
import com.amba.payments.domain.model.RefundReason;
import com.amba.payments.domain.model.RefundStatus;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.RefundRequest;
import com.amba.payments.adapter.stripe.localstripe.Fault;
import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.adapter.stripe.localstripe.RecordedRequest;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.port.out.IntentRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the adapter puts on the wire, proven by the local server's request log. */
class StripeWireFormatTest {

    private LocalStripe stripe;
    private StripePaymentProvider provider;
    private ConnectedAccountId account;

    @BeforeEach
    void start() {
        stripe = LocalStripe.start();
        provider = Requests.provider(stripe, Duration.ofSeconds(5), 2);
        account = new ConnectedAccountId(stripe.createReadyAccount());
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    private RecordedRequest onlyCreate() {
        List<RecordedRequest> creates = stripe.requests("POST", "/v1/payment_intents");
        assertEquals(1, creates.size(), () -> "creates: " + creates);
        return creates.getFirst();
    }

    @Test
    void aCreateIsADirectChargeOnTheConnectedAccountWithTheFeeAndAmbaMetadataOnly() {
        IntentRequest request = Requests.withReference(account, 2_000, 150, "order-1");

        provider.createIntent(request).orElseThrow();

        RecordedRequest create = onlyCreate();
        assertEquals(Optional.of(account.value()), create.stripeAccount());
        assertEquals(Optional.of(request.idempotencyKey().value()), create.idempotencyKey());
        assertEquals(Map.of(
                "amount", "2000",
                "currency", "usd",
                "application_fee_amount", "150",
                "automatic_payment_methods[enabled]", "true",
                "metadata[amba_project_id]", Requests.PROJECT.value(),
                "metadata[amba_client_reference]", "order-1"), create.form().flat());
    }

    @Test
    void aZeroFeeIsNotSentAtAll() {
        provider.createIntent(Requests.withReference(account, 2_000, 0, "order-2")).orElseThrow();

        Map<String, String> form = onlyCreate().form().flat();
        assertFalse(form.containsKey("application_fee_amount"), form::toString);
        assertEquals("2000", form.get("amount"));
    }

    @Test
    void aCreateWithoutReferenceCarriesNoReferenceMetadata() {
        IntentRequest request = Requests.withReference(account, 2_000, 100, "order-3");
        IntentRequest anonymous = new IntentRequest(account, request.amount(), 100, Requests.PROJECT, Optional.empty(),
                request.idempotencyKey());

        provider.createIntent(anonymous).orElseThrow();

        assertEquals(Map.of("amba_project_id", Requests.PROJECT.value()), onlyCreate().form().nested("metadata"));
    }

    @Test
    void theIdempotencyKeyIsTheSameAcrossRetriesOfOneReferenceAndDiffersAcrossReferences() {
        IntentRequest first = Requests.withReference(account, 2_000, 100, "order-A");
        stripe.failNext(Fault.serverError());

        ProviderIntent created = provider.createIntent(first).orElseThrow();           // stripe-java retried once
        ProviderIntent again = provider.createIntent(first).orElseThrow();             // the caller retried
        provider.createIntent(Requests.withReference(account, 2_000, 100, "order-B")).orElseThrow();

        List<RecordedRequest> creates = stripe.requests("POST", "/v1/payment_intents");
        assertEquals(List.of(500, 200, 200, 200), creates.stream().map(RecordedRequest::status).toList());
        Optional<String> keyA = creates.get(0).idempotencyKey();
        assertTrue(keyA.isPresent());
        assertEquals(keyA, creates.get(1).idempotencyKey());
        assertEquals(keyA, creates.get(2).idempotencyKey());
        assertTrue(creates.get(2).replayed(), "the caller's retry is answered from Stripe's idempotency store");
        assertNotEquals(keyA, creates.get(3).idempotencyKey());
        assertEquals(created.id(), again.id());
        assertEquals(2, stripe.paymentIntentIdsOn(account.value()).size());
    }

    @Test
    void retrieveAndCancelAskTheConnectedAccount() {
        ProviderIntent intent = provider.createIntent(Requests.withReference(account, 2_000, 100, "order-4"))
                .orElseThrow();

        provider.retrieveIntent(account, intent.id()).orElseThrow();
        provider.cancelIntent(account, intent.id()).orElseThrow();

        String path = "/v1/payment_intents/" + intent.id().value();
        assertEquals(Optional.of(account.value()), stripe.requests("GET", path).getFirst().stripeAccount());
        assertEquals(Optional.of(account.value()), stripe.requests("POST", path + "/cancel").getFirst().stripeAccount());
    }

    @Test
    void aRefundNamesTheIntentAmountReasonFeeAndAmbasIdsOnTheConnectedAccountWithItsKey() {
        ProviderIntent intent = provider.createIntent(Requests.withReference(account, 2_000, 100, "order-5"))
                .orElseThrow();
        stripe.move(intent.id().value(), IntentMove.SUCCEED);
        RefundRequest request = new RefundRequest(account, intent.id(), 700, Optional.of(RefundReason.DUPLICATE),
                false, Requests.PROJECT, "attempt-5", new ProviderIdempotencyKey("amba-refund-key-5"));

        ProviderRefund refund = provider.createRefund(request).orElseThrow();

        RecordedRequest create = stripe.requests("POST", "/v1/refunds").getFirst();
        assertEquals(Optional.of(account.value()), create.stripeAccount());
        assertEquals(Optional.of("amba-refund-key-5"), create.idempotencyKey());
        assertEquals(Map.of(
                "payment_intent", intent.id().value(),
                "amount", "700",
                "reason", "duplicate",
                "refund_application_fee", "false",
                "metadata[amba_project_id]", Requests.PROJECT.value(),
                "metadata[amba_payment_id]", intent.id().value(),
                "metadata[amba_refund_attempt]", "attempt-5"), create.form().flat());
        assertEquals(intent.id(), refund.paymentId());
        assertEquals(RefundStatus.SUCCEEDED, refund.status());
        assertEquals(700, refund.amount().minor());
        assertEquals(refund, provider.retrieveRefund(account, refund.id()).orElseThrow());
        assertEquals(Optional.of(account.value()),
                stripe.requests("GET", "/v1/refunds/" + refund.id().value()).getFirst().stripeAccount());
    }

    @Test
    void refundsStripeRefusesAreReadIntoAmbasWords() {
        ProviderIntent unpaid = provider.createIntent(Requests.withReference(account, 2_000, 100, "order-6"))
                .orElseThrow();
        RefundRequest early = new RefundRequest(account, unpaid.id(), 100, Optional.empty(), true, Requests.PROJECT,
                "attempt-6", new ProviderIdempotencyKey("amba-refund-key-6"));
        assertInstanceOf(ProviderFailure.UnexpectedState.class, failureOf(provider.createRefund(early)));

        stripe.move(unpaid.id().value(), IntentMove.SUCCEED);
        RefundRequest tooMuch = new RefundRequest(account, unpaid.id(), 2_001, Optional.empty(), true,
                Requests.PROJECT, "attempt-7", new ProviderIdempotencyKey("amba-refund-key-7"));
        assertInstanceOf(ProviderFailure.AmountRejected.class, failureOf(provider.createRefund(tooMuch)));
    }

    @Test
    void aCancelTellsStripeWhy() {
        ProviderIntent intent = provider.createIntent(Requests.withReference(account, 2_000, 100, "order-8"))
                .orElseThrow();

        provider.cancelIntent(account, intent.id(), Optional.of(CancellationReason.ABANDONED)).orElseThrow();

        RecordedRequest cancel = stripe.requests("POST", "/v1/payment_intents/" + intent.id().value() + "/cancel")
                .getFirst();
        assertEquals(Optional.of(account.value()), cancel.stripeAccount());
        assertEquals(Map.of("cancellation_reason", "abandoned"), cancel.form().flat());
    }

    private static ProviderFailure failureOf(Result<?, ProviderFailure> result) {
        return assertInstanceOf(Result.Err.class, result).error() instanceof ProviderFailure failure ? failure : null;
    }

    @Test
    void anAccountIsAnExpressAccountAskingForCardPaymentsAndTransfersOnThePlatform() {
        provider.createAccount(Requests.PROJECT).orElseThrow();

        RecordedRequest create = stripe.requests("POST", "/v1/accounts").getFirst();
        assertEquals(Optional.empty(), create.stripeAccount());
        assertEquals(Map.of(
                "type", "express",
                "capabilities[card_payments][requested]", "true",
                "capabilities[transfers][requested]", "true",
                "metadata[amba_project_id]", Requests.PROJECT.value()), create.form().flat());
    }

    @Test
    void creatingTheAccountOfOneProjectTwiceReachesOneAccount() {
        ConnectedAccount first = provider.createAccount(Requests.PROJECT).orElseThrow();
        ConnectedAccount second = provider.createAccount(Requests.PROJECT).orElseThrow();
        ConnectedAccount other = provider.createAccount(new com.amba.payments.domain.model.ProjectId("proj_other"))
                .orElseThrow();

        assertEquals(first, second);
        assertNotEquals(first.id(), other.id());
    }

    @Test
    void theOnboardingLinkUsesTheConfiguredUrlsAndFinishingItEnablesCharges() throws Exception {
        OnboardingUrls urls = new OnboardingUrls("https://amba.example/onboarding/refresh",
                "https://amba.example/onboarding/done");
        StripePaymentProvider configured = new StripePaymentProvider(StripeSettings.of(
                new StripeSecretKey(stripe.secretKey())).withApiBase(stripe.apiBase()).withOnboardingUrls(urls));
        ConnectedAccount created = configured.createAccount(Requests.PROJECT).orElseThrow();

        String url = configured.createOnboardingLink(created.id()).orElseThrow().url();

        assertEquals(Map.of("account", created.id().value(), "type", "account_onboarding",
                        "refresh_url", urls.refreshUrl() + "?account=" + created.id().value(),
                        "return_url", urls.returnUrl() + "?account=" + created.id().value()),
                stripe.requests("POST", "/v1/account_links").getFirst().form().flat());
        HttpResponse<Void> page = visit(url);
        assertEquals(302, page.statusCode());
        assertEquals(Optional.of(urls.returnUrl() + "?account=" + created.id().value()),
                page.headers().firstValue("Location"));
        assertTrue(configured.retrieveAccount(created.id()).orElseThrow().chargesEnabled());
    }

    private static HttpResponse<Void> visit(String url) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }
}
