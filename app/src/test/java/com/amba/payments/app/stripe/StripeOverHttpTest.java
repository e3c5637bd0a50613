package com.amba.payments.app.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.stripe.localstripe.Fault;
import com.amba.payments.adapter.stripe.localstripe.IntentMove;
import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.adapter.stripe.localstripe.RecordedRequest;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.Api;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service started the way a person starts it, from AMBA_* variables, in dev mode with
 * AMBA_STRIPE_SECRET_KEY and AMBA_STRIPE_API_BASE pointing at a local Stripe-compatible server: the README
 * walkthrough, the wire format Stripe sees, provider outages, and verified webhooks.
 */
class StripeOverHttpTest {

    private static LocalStripe stripe;
    private static RunningAmba amba;
    private static Api api;
    private static String serverKey;
    private static String clientKey;
    private static String account;

    @BeforeAll
    static void start() throws Exception {
        stripe = LocalStripe.start();
        Map<String, String> env = new HashMap<>();
        env.put("AMBA_HTTP_PORT", "0");
        env.put("AMBA_STRIPE_SECRET_KEY", stripe.secretKey());
        env.put("AMBA_STRIPE_API_BASE", stripe.apiBase().toString());
        env.put("AMBA_STRIPE_WEBHOOK_SECRET", stripe.webhookSecret());
        env.put("AMBA_STRIPE_ONBOARDING_REFRESH_URL", "https://platform.example/onboarding/again");
        env.put("AMBA_STRIPE_ONBOARDING_RETURN_URL", "https://platform.example/onboarding/done");
        amba = Amba.start(AmbaConfig.fromEnvironment(env));
        stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:" + amba.port() + "/webhooks/stripe"));
        api = new Api(amba.port());
        serverKey = amba.demo().orElseThrow().serverKey();
        clientKey = amba.demo().orElseThrow().clientKey();
        account = amba.demo().orElseThrow().accountId().value();
    }

    @AfterAll
    static void stop() {
        if (amba != null) {
            amba.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    private static Api.Answer create(String body) {
        return api.createPayment(serverKey, body);
    }

    private static String statusOf(String id) {
        return api.readPayment(clientKey, id).data().getString("status");
    }

    private static List<RecordedRequest> creates() {
        return stripe.requests("POST", "/v1/payment_intents");
    }

    @Test
    void theWalkthroughRunsAgainstStripeOnceOnboardingIsComplete() {
        Api.Answer notReady = create("{\"amount\": 1999, \"currency\": \"usd\"}");
        if (notReady.status() == 409) {
            assertEquals("PAYMENTS_NOT_READY", notReady.errorCode(), "the demo account starts onboarding on Stripe");
            assertEquals(200, stripe.completeOnboarding(account).orElseThrow().status(), "account.updated accepted");
        }
        Api.Answer created = create("{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"order_123\"}");
        assertEquals(200, created.status(), created::toString);
        String id = created.data().getString("payment_id");
        assertTrue(stripe.paymentIntent(id).isPresent(), "the intent lives on the Stripe side");
        assertEquals(200, stripe.move(id, IntentMove.SUCCEED).orElseThrow().status());
        assertEquals("succeeded", statusOf(id));

        Api.Answer sandbox = api.sandbox(id, "succeed");
        assertEquals(404, sandbox.status(), "no sandbox routes when a Stripe key is configured");
    }

    @Test
    void theWireFormatIsWhatStripeExpects() {
        ensureReady();
        stripe.clearRequests();
        assertEquals(200, create("{\"amount\": 2000, \"currency\": \"usd\", \"client_reference\": \"wire-a\", \"application_fee_amount\": 0}").status());
        assertEquals(200, create("{\"amount\": 2000, \"currency\": \"usd\", \"client_reference\": \"wire-b\", \"application_fee_amount\": 150}").status());
        List<RecordedRequest> seen = creates();
        assertEquals(2, seen.size());
        RecordedRequest noFee = seen.get(0);
        RecordedRequest withFee = seen.get(1);
        assertEquals(account, noFee.stripeAccount().orElseThrow(), "a direct charge on the connected account");
        assertTrue(noFee.form().value("application_fee_amount").isEmpty(), "a fee of 0 is not sent");
        assertEquals("150", withFee.form().value("application_fee_amount").orElseThrow());
        assertEquals("2000", withFee.form().value("amount").orElseThrow());
        assertEquals("usd", withFee.form().value("currency").orElseThrow());
        assertEquals("true", withFee.form().value("automatic_payment_methods[enabled]").orElseThrow());
        assertEquals("wire-b", withFee.form().value("metadata[amba_client_reference]").orElseThrow());
        assertNotEquals(noFee.idempotencyKey(), withFee.idempotencyKey(), "different references, different keys");
        assertFalse(withFee.form().flat().values().stream().anyMatch(v -> v.startsWith("amba_sk_")), "nothing secret");
    }

    @Test
    void aFirstCallThatFailsWith5xxThenTimesOutIs502AndTheRetryFindsTheOneIntent() {
        ensureReady();
        stripe.clearRequests();
        int intentsBefore = stripe.paymentIntentIdsOn(account).size();
        Duration longerThanReadTimeout = Duration.ofSeconds(6);
        stripe.failNext(Fault.serverError(), Fault.slowAnswer(longerThanReadTimeout), Fault.slowAnswer(longerThanReadTimeout));
        String body = "{\"amount\": 3000, \"currency\": \"usd\", \"client_reference\": \"outage-then-retry\"}";
        Api.Answer failed = create(body);
        assertEquals(502, failed.status(), failed::toString);
        assertEquals("PAYMENT_PROVIDER_UNAVAILABLE", failed.errorCode());
        assertTrue(failed.header("Retry-After").isPresent());

        stripe.awaitIdle(Duration.ofSeconds(20));
        Api.Answer retried = create(body);
        assertEquals(200, retried.status(), retried::toString);
        assertEquals(intentsBefore + 1, stripe.paymentIntentIdsOn(account).size(), "Stripe made one intent");
        Set<String> keys = creates().stream().map(r -> r.idempotencyKey().orElseThrow()).collect(Collectors.toSet());
        assertEquals(1, keys.size(), "every attempt, ours and the SDK's, carried the same Idempotency-Key");
        assertEquals(retried.data().getString("payment_id"), create(body).data().getString("payment_id"));
    }

    @Test
    void webhooksWithABadSignatureChangeNothing() {
        ensureReady();
        String id = create("{\"amount\": 2500, \"currency\": \"usd\"}").data().getString("payment_id");
        String event = stripe.intentEvent("payment_intent.succeeded", id).replace("\"requires_payment_method\"", "\"succeeded\"");
        // Well past the 300 s tolerance: a signature made near a second's end may be checked in the next one.
        // (The adapter's own tests pin the exact boundary with a fixed clock.)
        Instant now = Instant.now();
        Map<String, String> badHeaders = Map.of(
                "tampered", LocalStripe.signatureHeader(event, now, stripe.webhookSecret()),
                "wrong secret", LocalStripe.signatureHeader(event, now, "whsec_someone_else"),
                "stale", LocalStripe.signatureHeader(event, now.minusSeconds(330), stripe.webhookSecret()),
                "future", LocalStripe.signatureHeader(event, now.plusSeconds(330), stripe.webhookSecret()),
                "missing", "");
        badHeaders.forEach((what, header) -> {
            Api.Answer answer = api.send("POST", "/webhooks/stripe",
                    header.isEmpty() ? Map.of("Content-Type", "application/json")
                            : Map.of("Stripe-Signature", header, "Content-Type", "application/json"),
                    what.equals("tampered") ? event.replace("2500", "2501") : event);
            assertEquals(400, answer.status(), () -> what + ": " + answer);
            assertEquals("INVALID_SIGNATURE", answer.errorCode(), what);
            assertEquals("requires_payment_method", statusOf(id), what + " changed nothing");
        });
        var genuine = stripe.move(id, IntentMove.SUCCEED).orElseThrow();
        assertEquals(200, genuine.status(), "the genuine one is accepted");
        assertEquals("succeeded", statusOf(id));
        assertEquals(200, stripe.deliver(genuine.payload()).status(), "a duplicate delivery is acknowledged");
        assertEquals("succeeded", statusOf(id));
    }

    @Test
    void aLiveEventOnATestEndpointIsAcknowledgedAndIgnored() {
        ensureReady();
        String id = create("{\"amount\": 2600, \"currency\": \"usd\"}").data().getString("payment_id");
        String live = stripe.intentEvent("payment_intent.canceled", id, true).replace("\"requires_payment_method\"", "\"canceled\"");
        assertEquals(200, stripe.deliver(live).status());
        assertEquals("requires_payment_method", statusOf(id));
    }

    @Test
    void anEventThatDisagreesWithTheLedgerIsNotAppliedButSurfaced() {
        ensureReady();
        String id = create("{\"amount\": 2700, \"currency\": \"usd\"}").data().getString("payment_id");
        String disagreeing = stripe.intentEvent("payment_intent.succeeded", id)
                .replace("\"requires_payment_method\"", "\"succeeded\"").replace("2700", "2699");
        assertEquals(200, stripe.deliver(disagreeing).status(), "genuine, so acknowledged");
        assertEquals("requires_payment_method", statusOf(id), "not applied");

        Api.Answer report = api.admin("GET", "/admin/payments/report", amba.adminToken(), null);
        assertTrue(report.body().contains(id), () -> "the mismatch is in the admin report: " + report.body());
        String metrics = api.send("GET", "/metrics", Map.of(), null).body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("amba_provider_events_total")
                && line.contains("outcome=\"mismatch\"")), "and counted on /metrics");
    }

    @Test
    void accountLinksCarryTheConfiguredOnboardingPages() {
        String project = api.admin("POST", "/admin/projects", amba.adminToken(), "{\"name\": \"Onboarding pages\"}")
                .data().getString("project_id");
        Api.Answer setup = api.admin("POST", "/admin/projects/" + project + "/payments/account", amba.adminToken(), null);
        assertEquals(200, setup.status(), setup::toString);
        assertTrue(setup.data().getString("onboarding_url").startsWith("http"));
        RecordedRequest link = stripe.requests("POST", "/v1/account_links").getLast();
        String account = setup.data().getString("stripe_account_id");
        // Amba names the account on both pages, so they know whose link to renew or whose readiness to show.
        assertEquals("https://platform.example/onboarding/again?account=" + account,
                link.form().value("refresh_url").orElseThrow());
        assertEquals("https://platform.example/onboarding/done?account=" + account,
                link.form().value("return_url").orElseThrow());
        assertEquals(account, link.form().value("account").orElseThrow());
    }

    private static void ensureReady() {
        boolean ready = stripe.account(account).map(a -> a.get("charges_enabled").getAsBoolean()).orElse(false);
        if (!ready) {
            assertEquals(200, stripe.completeOnboarding(account).orElseThrow().status());
        }
    }
}
