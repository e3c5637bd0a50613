package com.amba.payments.adapter.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.stripe.localstripe.IntentMove;
import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.adapter.stripe.localstripe.WebhookDelivery;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.port.out.ProviderWebhooks.Verified;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole path a webhook takes up to the domain: the local server signs and POSTs Stripe-shaped events, an
 * endpoint hands the raw body and header to {@link StripeWebhooks} and answers 200 or 400 as Amba's does.
 */
class StripeWebhookDeliveryTest {

    private LocalStripe stripe;
    private HttpServer endpoint;
    private final List<ProviderEvent> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        stripe = LocalStripe.start();
        StripeWebhooks webhooks = new StripeWebhooks(new WebhookSigningSecret(stripe.webhookSecret()),
                new StripeSecretKey(stripe.secretKey()).mode(), Clock.systemUTC());
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/webhooks/stripe", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Optional<Verified> verified = webhooks.verify(body,
                    Optional.ofNullable(exchange.getRequestHeaders().getFirst("Stripe-Signature")));
            verified.ifPresent(v -> {
                if (v instanceof Verified.Relevant relevant) {
                    received.add(relevant.event());
                }
            });
            exchange.sendResponseHeaders(verified.isPresent() ? 200 : 400, -1);
            exchange.close();
        });
        endpoint.start();
        stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/webhooks/stripe"));
    }

    @AfterEach
    void stop() {
        stripe.close();
        endpoint.stop(0);
    }

    private ProviderIntent anIntent(ConnectedAccountId account) {
        StripePaymentProvider provider = Requests.provider(stripe, Duration.ofSeconds(5), 0);
        ProviderIntent intent = provider.createIntent(Requests.withReference(account, 2_000, 100, "order-1"))
                .orElseThrow();
        stripe.awaitIdle(Duration.ofSeconds(5)); // payment_intent.created is delivered after the create answers
        return intent;
    }

    @Test
    void aCustomersPaymentReachesAmbaAsVerifiedStatusChanges() {
        ConnectedAccountId account = new ConnectedAccountId(stripe.createReadyAccount());
        ProviderIntent intent = anIntent(account);

        assertEquals(200, stripe.move(intent.id().value(), IntentMove.FAIL).orElseThrow().status());
        assertEquals(200, stripe.move(intent.id().value(), IntentMove.SUCCEED).orElseThrow().status());

        List<PaymentStatus> statuses = received.stream()
                .map(e -> assertInstanceOf(ProviderEvent.PaymentIntentChanged.class, e))
                .peek(e -> assertEquals(Optional.of(account), e.account()))
                .peek(e -> assertEquals(intent.id(), e.paymentId()))
                .map(ProviderEvent.PaymentIntentChanged::status).toList();
        assertEquals(List.of(PaymentStatus.REQUIRES_PAYMENT_METHOD, PaymentStatus.REQUIRES_PAYMENT_METHOD,
                PaymentStatus.SUCCEEDED), statuses, "created, payment_failed, succeeded");
    }

    @Test
    void finishingOnboardingSendsAccountUpdatedWithChargesEnabled() {
        String account = stripe.createAccount();

        WebhookDelivery delivery = stripe.completeOnboarding(account).orElseThrow();

        assertEquals(200, delivery.status());
        assertEquals(List.of(new ConnectedAccountId(account)), received.stream()
                .map(e -> assertInstanceOf(ProviderEvent.AccountChanged.class, e))
                .peek(e -> assertTrue(e.chargesEnabled()))
                .map(ProviderEvent.AccountChanged::account).toList());
    }

    @Test
    void tamperedStaleOrForeignSignaturesAre400AndReachNothing() {
        ConnectedAccountId account = new ConnectedAccountId(stripe.createReadyAccount());
        ProviderIntent intent = anIntent(account);
        received.clear();
        String payload = stripe.intentEvent("payment_intent.succeeded", intent.id().value());
        Instant now = Instant.now();
        String secret = stripe.webhookSecret();

        String tampered = payload.replace("\"amount\":2000", "\"amount\":1");
        assertTrue(!tampered.equals(payload), payload);
        assertEquals(400, stripe.deliver(tampered, LocalStripe.signatureHeader(payload, now, secret)).status());
        assertEquals(400, stripe.deliver(payload, LocalStripe.signatureHeader(payload, now, "whsec_wrong")).status());
        assertEquals(400, stripe.deliver(payload, LocalStripe.signatureHeader(payload, now.minusSeconds(400), secret))
                .status());
        assertEquals(400, stripe.deliver(payload, LocalStripe.signatureHeader(payload, now.plusSeconds(400), secret))
                .status());
        assertTrue(received.isEmpty(), received::toString);
        String live = stripe.intentEvent("payment_intent.succeeded", intent.id().value(), true);
        assertEquals(200, stripe.deliver(live).status(), "a live event on a test endpoint is acknowledged");
        assertTrue(received.isEmpty(), "and ignored");
        assertEquals(200, stripe.deliver(payload).status());
        assertEquals(1, received.size());
    }
}
