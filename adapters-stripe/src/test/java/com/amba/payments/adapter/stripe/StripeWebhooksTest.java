package com.amba.payments.adapter.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.stripe.localstripe.WebhookSender;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.port.out.ProviderWebhooks.Verified;
import com.amba.payments.domain.testing.MutableClock;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §6: only Stripe's signature, fresh either way, over the raw body, opens the door; then the mapping. */
class StripeWebhooksTest {

    private static final String SECRET = "whsec_" + "k".repeat(32);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final String INTENT = "pi_3Qa1b2C3d4E5f6G7h8I9j0K1";
    private static final String ACCOUNT = "acct_1PgafTB7WZ01zgkW";

    private final MutableClock clock = new MutableClock(NOW);
    private final StripeWebhooks testMode = new StripeWebhooks(new WebhookSigningSecret(SECRET), StripeMode.TEST, clock);

    private static String intentEvent(String type, String status, boolean livemode, Optional<String> account) {
        JsonObject intent = new JsonObject();
        intent.addProperty("id", INTENT);
        intent.addProperty("object", "payment_intent");
        intent.addProperty("amount", 2_000);
        intent.addProperty("currency", "usd");
        intent.addProperty("status", status);
        JsonObject metadata = new JsonObject();
        metadata.addProperty("amba_project_id", "proj_1");
        intent.add("metadata", metadata);
        return event(type, intent, livemode, account);
    }

    private static String event(String type, JsonObject object, boolean livemode, Optional<String> account) {
        JsonObject data = new JsonObject();
        data.add("object", object);
        JsonObject event = new JsonObject();
        event.addProperty("id", "evt_1NG8Du2eZvKYlo2CUI79vXWy");
        event.addProperty("object", "event");
        event.addProperty("api_version", "2025-01-27.acacia");
        event.addProperty("created", NOW.getEpochSecond() - 7);
        event.add("data", data);
        event.addProperty("livemode", livemode);
        event.addProperty("type", type);
        account.ifPresent(a -> event.addProperty("account", a));
        return event.toString();
    }

    private static String succeeded() {
        return intentEvent("payment_intent.succeeded", "succeeded", false, Optional.of(ACCOUNT));
    }

    private Optional<Verified> verify(StripeWebhooks webhooks, String payload, String header) {
        return webhooks.verify(payload.getBytes(StandardCharsets.UTF_8), Optional.ofNullable(header));
    }

    private Optional<Verified> verify(String payload, String header) {
        return verify(testMode, payload, header);
    }

    private static String signedAt(String payload, Instant at) {
        return WebhookSender.signatureHeader(payload, at, SECRET);
    }

    private static ProviderEvent relevant(Optional<Verified> verified) {
        assertTrue(verified.isPresent(), "the signature should have been accepted");
        return assertInstanceOf(Verified.Relevant.class, verified.get()).event();
    }

    @Test
    void aCorrectlySignedConnectEventIsReadIntoAmbasWords() {
        String payload = succeeded();

        ProviderEvent event = relevant(verify(payload, signedAt(payload, NOW)));

        assertEquals(new ProviderEvent.PaymentIntentChanged(new ProviderEventId("evt_1NG8Du2eZvKYlo2CUI79vXWy"),
                NOW.minusSeconds(7), new PaymentId(INTENT), Optional.of(new ConnectedAccountId(ACCOUNT)),
                PaymentStatus.SUCCEEDED, 2_000, "usd"), event);
    }

    @Test
    void aPlatformEventHasNoAccount() {
        String payload = intentEvent("payment_intent.processing", "processing", false, Optional.empty());

        ProviderEvent.PaymentIntentChanged event = assertInstanceOf(ProviderEvent.PaymentIntentChanged.class,
                relevant(verify(payload, signedAt(payload, NOW))));

        assertEquals(Optional.empty(), event.account());
        assertEquals(PaymentStatus.PROCESSING, event.status());
    }

    @Test
    void aTamperedBodyIsRefused() {
        String payload = succeeded();
        String header = signedAt(payload, NOW);

        assertEquals(Optional.empty(), verify(payload.replace("2000", "2001"), header));
        assertEquals(Optional.empty(), verify(payload + " ", header));
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        String payload = succeeded();

        assertEquals(Optional.empty(), verify(payload, WebhookSender.signatureHeader(payload, NOW, "whsec_other")));
    }

    @Test
    void timestampsUpToFiveMinutesAwayEitherWayAreAccepted() {
        String payload = succeeded();

        assertTrue(verify(payload, signedAt(payload, NOW.minusSeconds(300))).isPresent(), "300 s old");
        assertTrue(verify(payload, signedAt(payload, NOW.plusSeconds(300))).isPresent(), "300 s ahead");
    }

    @Test
    void aStaleTimestampIsRefusedEvenWithAValidSignature() {
        String payload = succeeded();

        assertEquals(Optional.empty(), verify(payload, signedAt(payload, NOW.minusSeconds(301))));
    }

    @Test
    void aTimestampFromTheFutureIsRefusedEvenWithAValidSignature() {
        String payload = succeeded();

        assertEquals(Optional.empty(), verify(payload, signedAt(payload, NOW.plusSeconds(301))));
    }

    @Test
    void anAcceptedSignatureGoesStaleAsTheClockMoves() {
        String payload = succeeded();
        String header = signedAt(payload, NOW);

        assertTrue(verify(payload, header).isPresent());
        clock.advance(Duration.ofSeconds(301));
        assertEquals(Optional.empty(), verify(payload, header), "a replay six minutes later");
    }

    @Test
    void anyOfSeveralV1SignaturesMayMatchAndOtherSchemesAreIgnored() {
        String payload = succeeded();
        long t = NOW.getEpochSecond();
        String good = WebhookSender.v1(payload, t, SECRET);
        String rolledOut = WebhookSender.v1(payload, t, "whsec_old");

        assertTrue(verify(payload, "t=" + t + ",v1=" + rolledOut + ",v1=" + good).isPresent(), "second of two");
        assertTrue(verify(payload, "t=" + t + ",v0=" + rolledOut + ",v1=" + good + ",x9=whatever").isPresent());
        assertEquals(Optional.empty(), verify(payload, "t=" + t + ",v0=" + good), "v0 is not accepted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "t=,v1=", "v1=abcdef", "t=1700000000", "t=abc,v1=00", "t=1,t=2,v1=00", "garbage"})
    void malformedHeadersAreRefused(String header) {
        assertEquals(Optional.empty(), verify(succeeded(), header));
    }

    @Test
    void aMissingHeaderIsRefused() {
        assertEquals(Optional.empty(), verify(succeeded(), null));
    }

    @Test
    void theRawBytesAreVerifiedNotAReserializedBody() {
        // Whitespace, key order and escapes as Stripe sent them; re-serializing any of it breaks the signature.
        String payload = "{\n  \"id\": \"evt_1\", \"object\": \"event\",\n  \"type\": \"payment_intent.canceled\","
                + " \"created\": " + NOW.getEpochSecond() + ", \"livemode\": false,\n  \"data\": {\"object\": {"
                + "\"id\": \"" + INTENT + "\", \"amount\": 2000, \"currency\": \"usd\", \"status\": \"canceled\","
                + " \"metadata\": {\"amba_project_id\": \"proj_1\"},"
                + " \"description\": \"caf\\u00e9 \u00e9t\u00e9\"}}\n}";

        ProviderEvent event = relevant(verify(payload, signedAt(payload, NOW)));

        assertEquals(PaymentStatus.CANCELED, ((ProviderEvent.PaymentIntentChanged) event).status());
    }

    @Test
    void aSignatureStripeJavaWouldComputeIsAccepted() throws Exception {
        String payload = succeeded();
        String header = com.stripe.net.Webhook.Signature.generateSignatureHeader(payload, SECRET, NOW.getEpochSecond());

        relevant(verify(payload, header));
    }

    @Test
    void aTestModeEndpointIgnoresLiveEventsAndTheReverse() {
        StripeWebhooks liveMode = new StripeWebhooks(new WebhookSigningSecret(SECRET), StripeMode.LIVE, clock);
        String live = intentEvent("payment_intent.succeeded", "succeeded", true, Optional.of(ACCOUNT));
        String test = succeeded();

        assertInstanceOf(Verified.Irrelevant.class, verify(testMode, live, signedAt(live, NOW)).orElseThrow());
        assertInstanceOf(Verified.Irrelevant.class, verify(liveMode, test, signedAt(test, NOW)).orElseThrow());
        assertInstanceOf(Verified.Relevant.class, verify(liveMode, live, signedAt(live, NOW)).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({
            "payment_intent.created, requires_payment_method, REQUIRES_PAYMENT_METHOD",
            "payment_intent.processing, processing, PROCESSING",
            "payment_intent.requires_action, requires_action, REQUIRES_ACTION",
            "payment_intent.amount_capturable_updated, requires_capture, REQUIRES_CAPTURE",
            "payment_intent.succeeded, succeeded, SUCCEEDED",
            "payment_intent.payment_failed, requires_payment_method, REQUIRES_PAYMENT_METHOD",
            "payment_intent.canceled, canceled, CANCELED",
            // the event type decides where it names the outcome, whatever the snapshot says
            "payment_intent.payment_failed, processing, REQUIRES_PAYMENT_METHOD",
            "payment_intent.amount_capturable_updated, processing, REQUIRES_CAPTURE",
    })
    void eachFollowedIntentEventMapsToItsStatus(String type, String objectStatus, PaymentStatus expected) {
        String payload = intentEvent(type, objectStatus, false, Optional.of(ACCOUNT));

        ProviderEvent event = relevant(verify(payload, signedAt(payload, NOW)));

        assertEquals(expected, assertInstanceOf(ProviderEvent.PaymentIntentChanged.class, event).status());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anAccountUpdateCarriesChargesEnabled(boolean chargesEnabled) {
        JsonObject account = new JsonObject();
        account.addProperty("id", ACCOUNT);
        account.addProperty("object", "account");
        account.addProperty("charges_enabled", chargesEnabled);
        String payload = event("account.updated", account, false, Optional.of(ACCOUNT));

        ProviderEvent event = relevant(verify(payload, signedAt(payload, NOW)));

        assertEquals(new ProviderEvent.AccountChanged(new ProviderEventId("evt_1NG8Du2eZvKYlo2CUI79vXWy"),
                NOW.minusSeconds(7), new ConnectedAccountId(ACCOUNT), chargesEnabled), event);
    }

    @Test
    void otherEventTypesAreAcknowledgedAndIgnored() {
        String payload = intentEvent("charge.succeeded", "succeeded", false, Optional.of(ACCOUNT));

        assertInstanceOf(Verified.Irrelevant.class, verify(payload, signedAt(payload, NOW)).orElseThrow());
    }

    @Test
    void aSignedPayloadThatIsNotAnEventIsAcknowledgedAndIgnored() {
        assertInstanceOf(Verified.Irrelevant.class, verify("not json", signedAt("not json", NOW)).orElseThrow());
        assertInstanceOf(Verified.Irrelevant.class, verify("[1]", signedAt("[1]", NOW)).orElseThrow());
    }

    @Test
    void anIntentEventWithAnUnknownStatusIsIgnoredRatherThanGuessed() {
        String payload = intentEvent("payment_intent.processing", "something_new", false, Optional.of(ACCOUNT));

        assertInstanceOf(Verified.Irrelevant.class, verify(payload, signedAt(payload, NOW)).orElseThrow());
    }

    @Test
    void anIntentAmbaDidNotCreateIsAcknowledgedAndIgnored() {
        String foreign = succeeded().replace("\"metadata\":{\"amba_project_id\":\"proj_1\"}", "\"metadata\":{}");
        Optional<Verified> verified = verify(foreign, signedAt(foreign, NOW));
        assertTrue(verified.isPresent(), "the signature is good");
        assertTrue(verified.get() instanceof Verified.Irrelevant, () -> "not followed: " + verified.get());
    }
}
