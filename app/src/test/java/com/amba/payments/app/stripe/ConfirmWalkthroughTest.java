package com.amba.payments.app.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.DemoCredentials;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.Api;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's "same walkthrough against a Stripe-compatible server", over HTTP only, as a person runs it with
 * curl: the service from AMBA_* variables against the local server, onboarding finished through the URL the
 * Admin API hands out, a payment created through Amba and paid by confirming it on the Stripe side with a test
 * card, the result read back from Amba's ledger once Stripe's webhook arrived.
 */
class ConfirmWalkthroughTest {

    private static final String RETURN_URL = "https://shop.example/order/done";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private LocalStripe stripe;
    private RunningAmba amba;
    private Api api;
    private DemoCredentials demo;

    @BeforeEach
    void start() throws Exception {
        stripe = LocalStripe.start();
        Map<String, String> env = new HashMap<>();
        env.put("AMBA_HTTP_PORT", "0");
        env.put("AMBA_STRIPE_SECRET_KEY", stripe.secretKey());
        env.put("AMBA_STRIPE_API_BASE", stripe.apiBase().toString());
        env.put("AMBA_STRIPE_WEBHOOK_SECRET", stripe.webhookSecret());
        amba = Amba.start(AmbaConfig.fromEnvironment(env));
        stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:" + amba.port() + "/webhooks/stripe"));
        api = new Api(amba.port());
        demo = amba.demo().orElseThrow();
    }

    @AfterEach
    void stop() {
        if (amba != null) {
            amba.close();
        }
        if (stripe != null) {
            stripe.close();
        }
        http.close();
    }

    @Test
    void aPersonOnboardsCreatesConfirmsWithATestCardAndReadsSucceeded() {
        Api.Answer early = create("order_456");
        assertEquals(409, early.status(), early::toString);
        assertEquals("PAYMENTS_NOT_READY", early.errorCode(), "the demo account starts onboarding on the Stripe side");

        String account = finishOnboardingThroughTheAdminLink();
        assertEquals("ready", projectReadiness(), "account.updated reached Amba before the page redirected");

        Api.Answer created = create("order_456");
        assertEquals(200, created.status(), created::toString);
        String paymentId = created.data().getString("payment_id");
        StripeReply confirmed = confirm(paymentId, account, "pm_card_visa");
        assertEquals(200, confirmed.status(), confirmed::toString);
        assertEquals("succeeded", confirmed.json().getString("status"));

        assertEquals("succeeded", awaitStatus(paymentId, "succeeded"), "payment_intent.succeeded reached the ledger");
        assertEquals(404, api.sandbox(paymentId, "succeed").status(), "no sandbox routes while a Stripe key is set");
    }

    @Test
    void aDeclinedCardMovesThePaymentBackToRequiresPaymentMethodAndAnotherCardPays() {
        String account = finishOnboardingThroughTheAdminLink();
        String paymentId = create("order_789").data().getString("payment_id");
        assertEquals(200, confirm(paymentId, account, "pm_card_authenticationRequired").status());
        assertEquals("requires_action", awaitStatus(paymentId, "requires_action"));

        StripeReply declined = confirm(paymentId, account, "pm_card_chargeDeclined");

        assertEquals(402, declined.status(), declined::toString);
        JsonObject error = declined.json().getJsonObject("error");
        assertEquals("card_error", error.getString("type"));
        assertEquals("card_declined", error.getString("code"));
        assertEquals("requires_payment_method", awaitStatus(paymentId, "requires_payment_method"),
                "payment_intent.payment_failed moved the ledger back");

        assertEquals(200, confirm(paymentId, account, "pm_card_mastercard").status());
        assertEquals("succeeded", awaitStatus(paymentId, "succeeded"));
    }

    // ---- what the person does ----

    private Api.Answer create(String reference) {
        return api.createPayment(demo.serverKey(),
                "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"" + reference + "\"}");
    }

    /** POST .../payments/account, then open the onboarding URL it answers, as a browser (or curl) would. */
    private String finishOnboardingThroughTheAdminLink() {
        Api.Answer setup = api.admin("POST", "/admin/projects/" + demo.projectId() + "/payments/account",
                amba.adminToken(), null);
        assertEquals(200, setup.status(), setup::toString);
        assertEquals(false, setup.data().getBoolean("charges_enabled"));
        URI onboarding = URI.create(setup.data().getString("onboarding_url"));
        assertEquals(stripe.apiBase().getAuthority(), onboarding.getAuthority(), "the page is on the Stripe side");

        HttpResponse<Void> page = send(HttpRequest.newBuilder(onboarding).build(), HttpResponse.BodyHandlers.discarding());

        assertEquals(302, page.statusCode(), "the page finishes onboarding and returns to Amba");
        return setup.data().getString("stripe_account_id");
    }

    private String projectReadiness() {
        Api.Answer status = api.admin("GET", "/admin/payments/status", amba.adminToken(), null);
        return status.data().getJsonArray("projects").stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("project_id").equals(demo.projectId().value()))
                .findFirst().orElseThrow().getString("payments");
    }

    /** What {@code curl -u "$AMBA_STRIPE_SECRET_KEY:" …/confirm -H "Stripe-Account: …" -d payment_method=…} sends. */
    private StripeReply confirm(String paymentId, String account, String paymentMethod) {
        String form = "payment_method=" + paymentMethod + "&return_url="
                + URLEncoder.encode(RETURN_URL, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        stripe.apiBase().resolve("/v1/payment_intents/" + paymentId + "/confirm"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((stripe.secretKey() + ":").getBytes(StandardCharsets.UTF_8)))
                .header("Stripe-Account", account)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = send(request, HttpResponse.BodyHandlers.ofString());
        return new StripeReply(response.statusCode(), response.body());
    }

    /** Webhooks arrive after Stripe answered: read Amba's ledger until it says {@code expected} (or 5 s pass). */
    private String awaitStatus(String paymentId, String expected) {
        Instant deadline = Instant.now().plusSeconds(5);
        String status;
        do {
            Api.Answer read = api.readPayment(demo.clientKey(), paymentId);
            assertEquals(200, read.status(), read::toString);
            status = read.data().getString("status");
            if (status.equals(expected)) {
                return status;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        return status;
    }

    private record StripeReply(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new AssertionError("the local Stripe server did not answer " + request.uri().getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
