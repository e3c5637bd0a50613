package com.amba.payments.adapter.stripe.localstripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local server behaves like Stripe where Amba depends on it, checked over plain HTTP without stripe-java. */
class LocalStripeTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private LocalStripe stripe;
    private String account;

    @BeforeEach
    void start() {
        stripe = LocalStripe.start();
        account = stripe.createReadyAccount();
    }

    @AfterEach
    void stop() {
        stripe.close();
        http.close();
        if (webhookSink != null) {
            webhookSink.stop(0);
        }
    }

    private HttpServer webhookSink;

    /** An endpoint that accepts every event, so the server's deliveries can be read back. */
    private void acceptWebhooks() throws IOException {
        webhookSink = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        webhookSink.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        webhookSink.start();
        stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:" + webhookSink.getAddress().getPort() + "/"));
    }

    /**
     * The types of the events delivered about {@code intentId} once deliveries settled, sorted: like Stripe's,
     * events of API calls arrive asynchronously and in no guaranteed order.
     */
    private List<String> eventsAbout(String intentId) {
        stripe.awaitIdle(Duration.ofSeconds(5));
        return stripe.deliveries().stream()
                .filter(d -> JsonParser.parseString(d.payload()).getAsJsonObject().getAsJsonObject("data")
                        .getAsJsonObject("object").get("id").getAsString().equals(intentId))
                .map(WebhookDelivery::type).sorted().toList();
    }

    private static List<String> sorted(String... types) {
        return java.util.Arrays.stream(types).sorted().toList();
    }

    private String anIntentOn(String onAccount, String... extraForm) throws Exception {
        String form = "amount=2000&currency=usd&automatic_payment_methods%5Benabled%5D=true" + String.join("", extraForm);
        Reply created = createIntent(form, "Stripe-Account", onAccount);
        assertEquals(200, created.status(), created.body()::toString);
        return created.body().get("id").getAsString();
    }

    private static final String RETURN_URL = "https://shop.example/order/complete";

    private Reply confirm(String id, String paymentMethod, String... headers) throws Exception {
        return call("POST", "/v1/payment_intents/" + id + "/confirm", "payment_method=" + paymentMethod
                + "&return_url=" + URLEncoder.encode(RETURN_URL, StandardCharsets.UTF_8), auth(headers));
    }

    private Reply read(String id) throws Exception {
        return call("GET", "/v1/payment_intents/" + id, null, auth("Stripe-Account", account));
    }

    private record Reply(int status, JsonObject body, HttpResponse<String> raw) {
        String errorCode() {
            JsonObject error = body.getAsJsonObject("error");
            return error.has("code") ? error.get("code").getAsString() : error.get("type").getAsString();
        }
    }

    private Reply call(String method, String path, String form, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stripe.apiBase().resolve(path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), JsonParser.parseString(response.body()).getAsJsonObject(), response);
    }

    private Map<String, String> auth(String... more) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Authorization", "Bearer " + stripe.secretKey()));
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private Reply createIntent(String form, String... headers) throws Exception {
        return call("POST", "/v1/payment_intents", form, auth(headers));
    }

    @Test
    void confirmingWithATestCardThatPaysSucceedsAndAnnouncesIt() throws Exception {
        acceptWebhooks();
        for (String card : List.of("pm_card_visa", "pm_card_mastercard")) {
            String id = anIntentOn(account);

            Reply confirmed = confirm(id, card, "Stripe-Account", account);

            assertEquals(200, confirmed.status(), confirmed.body()::toString);
            JsonObject intent = confirmed.body();
            assertEquals("succeeded", intent.get("status").getAsString(), card);
            assertEquals(2000, intent.get("amount_received").getAsLong());
            assertTrue(intent.get("payment_method").getAsString().matches("pm_[A-Za-z0-9]{24}"),
                    "Stripe clones the test method into a fresh pm_ for the attempt");
            assertTrue(intent.get("latest_charge").getAsString().startsWith("ch_"));
            assertEquals("succeeded", read(id).body().get("status").getAsString());
            assertEquals(sorted("payment_intent.created", "payment_intent.succeeded"), eventsAbout(id), card);
        }
    }

    @Test
    void aDeclinedCardIs402CardErrorAndTheIntentWaitsForAnotherMethod() throws Exception {
        acceptWebhooks();
        String id = anIntentOn(account);

        Reply declined = confirm(id, "pm_card_chargeDeclined", "Stripe-Account", account);

        assertEquals(402, declined.status());
        JsonObject error = declined.body().getAsJsonObject("error");
        assertEquals("card_error", error.get("type").getAsString());
        assertEquals("card_declined", error.get("code").getAsString());
        assertEquals("generic_decline", error.get("decline_code").getAsString());
        assertEquals("Your card was declined.", error.get("message").getAsString());
        assertEquals("0002", error.getAsJsonObject("payment_method").getAsJsonObject("card").get("last4").getAsString());
        assertEquals("requires_payment_method",
                error.getAsJsonObject("payment_intent").get("status").getAsString());
        JsonObject after = read(id).body();
        assertEquals("requires_payment_method", after.get("status").getAsString());
        assertTrue(after.get("payment_method").isJsonNull(), "the declined method is detached");
        assertEquals("card_declined", after.getAsJsonObject("last_payment_error").get("code").getAsString());
        assertEquals(sorted("payment_intent.created", "payment_intent.payment_failed"), eventsAbout(id));

        Reply retried = confirm(id, "pm_card_visa", "Stripe-Account", account);
        assertEquals("succeeded", retried.body().get("status").getAsString(), "another card may be tried");
        assertTrue(retried.body().get("last_payment_error").isJsonNull());
    }

    @Test
    void aCardThatNeedsAuthenticationRequiresActionUntilTheHostedPageIsPassed() throws Exception {
        acceptWebhooks();
        String id = anIntentOn(account);

        Reply confirmed = confirm(id, "pm_card_authenticationRequired", "Stripe-Account", account);

        assertEquals(200, confirmed.status());
        assertEquals("requires_action", confirmed.body().get("status").getAsString());
        JsonObject next = confirmed.body().getAsJsonObject("next_action");
        assertEquals("redirect_to_url", next.get("type").getAsString());
        assertEquals(RETURN_URL, next.getAsJsonObject("redirect_to_url").get("return_url").getAsString());
        assertEquals(sorted("payment_intent.created", "payment_intent.requires_action"), eventsAbout(id));

        URI page = URI.create(next.getAsJsonObject("redirect_to_url").get("url").getAsString());
        HttpResponse<Void> passed = http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(302, passed.statusCode());
        assertEquals(Optional.of(RETURN_URL), passed.headers().firstValue("Location"));
        JsonObject after = read(id).body();
        assertEquals("succeeded", after.get("status").getAsString());
        assertTrue(after.get("next_action").isJsonNull());
        assertEquals(sorted("payment_intent.created", "payment_intent.requires_action", "payment_intent.succeeded"),
                eventsAbout(id));
        assertEquals(404, http.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode(), "the page works once");
    }

    @Test
    void confirmingASucceededOrCanceledIntentIsUnexpectedState() throws Exception {
        String paid = anIntentOn(account);
        confirm(paid, "pm_card_visa", "Stripe-Account", account);
        String canceled = anIntentOn(account);
        call("POST", "/v1/payment_intents/" + canceled + "/cancel", "", auth("Stripe-Account", account));

        for (String id : List.of(paid, canceled)) {
            Reply again = confirm(id, "pm_card_visa", "Stripe-Account", account);

            assertEquals(400, again.status(), id);
            assertEquals("payment_intent_unexpected_state", again.errorCode());
            assertEquals(id, again.body().getAsJsonObject("error").getAsJsonObject("payment_intent").get("id")
                    .getAsString());
        }
        assertEquals("succeeded", read(paid).body().get("status").getAsString());
        assertEquals("canceled", read(canceled).body().get("status").getAsString());
    }

    @Test
    void anUnknownPaymentMethodIs400ResourceMissingAndChangesNothing() throws Exception {
        String id = anIntentOn(account);

        Reply unknown = confirm(id, "pm_card_doesNotExist", "Stripe-Account", account);

        assertEquals(400, unknown.status());
        assertEquals("resource_missing", unknown.errorCode());
        assertEquals("payment_method", unknown.body().getAsJsonObject("error").get("param").getAsString());
        assertEquals("requires_payment_method", read(id).body().get("status").getAsString());
    }

    @Test
    void confirmingNeedsAPaymentMethodAndAReturnUrlWhileRedirectsAreAllowed() throws Exception {
        String id = anIntentOn(account);
        String path = "/v1/payment_intents/" + id + "/confirm";

        Reply noMethod = call("POST", path, "return_url=https%3A%2F%2Fshop.example%2Fdone", auth("Stripe-Account", account));
        Reply noReturnUrl = call("POST", path, "payment_method=pm_card_visa", auth("Stripe-Account", account));

        assertEquals("payment_intent_unexpected_state", noMethod.errorCode());
        assertEquals(400, noReturnUrl.status());
        assertTrue(noReturnUrl.body().getAsJsonObject("error").get("message").getAsString().contains("return_url"));
        assertEquals("requires_payment_method", read(id).body().get("status").getAsString());

        String noRedirects = anIntentOn(account, "&automatic_payment_methods%5Ballow_redirects%5D=never");
        Reply withoutUrl = call("POST", "/v1/payment_intents/" + noRedirects + "/confirm",
                "payment_method=pm_card_authenticationRequired", auth("Stripe-Account", account));
        assertEquals("requires_action", withoutUrl.body().get("status").getAsString(), withoutUrl.body()::toString);
        assertEquals("use_stripe_sdk", withoutUrl.body().getAsJsonObject("next_action").get("type").getAsString(),
                "without a return_url the client SDK handles 3D Secure");
    }

    @Test
    void confirmIsScopedToTheIntentsAccount() throws Exception {
        String other = stripe.createReadyAccount();
        String id = anIntentOn(account);

        Reply elsewhere = confirm(id, "pm_card_visa", "Stripe-Account", other);
        Reply onPlatform = confirm(id, "pm_card_visa");

        assertEquals(404, elsewhere.status());
        assertEquals("resource_missing", elsewhere.errorCode());
        assertEquals(404, onPlatform.status());
        assertEquals("requires_payment_method", read(id).body().get("status").getAsString());
    }

    @Test
    void aConfirmWithAnIdempotencyKeyIsReplayedNotRepeated() throws Exception {
        acceptWebhooks();
        String id = anIntentOn(account);

        Reply first = confirm(id, "pm_card_chargeDeclined", "Stripe-Account", account, "Idempotency-Key", "c1");
        Reply replay = confirm(id, "pm_card_chargeDeclined", "Stripe-Account", account, "Idempotency-Key", "c1");
        Reply otherCard = confirm(id, "pm_card_visa", "Stripe-Account", account, "Idempotency-Key", "c1");

        assertEquals(402, first.status());
        assertEquals(first.body(), replay.body(), "a decline is saved and replayed like any executed answer");
        assertEquals(Optional.of("true"), replay.raw().headers().firstValue("Idempotent-Replayed"));
        assertEquals("idempotency_error", otherCard.errorCode());
        assertEquals(sorted("payment_intent.created", "payment_intent.payment_failed"), eventsAbout(id),
                "one attempt, one event");
    }

    @Test
    void withoutTheSecretKeyEveryCallIs401InStripesErrorShape() throws Exception {
        Reply none = call("GET", "/v1/accounts/" + account, null, Map.of());
        Reply wrong = call("GET", "/v1/accounts/" + account, null,
                Map.of("Authorization", "Bearer sk_test_nottherightkey1234"));

        assertEquals(401, none.status());
        assertEquals(401, wrong.status());
        assertEquals("invalid_request_error", wrong.errorCode());
        assertTrue(wrong.body().getAsJsonObject("error").get("message").getAsString().contains("****1234"),
                "Stripe shows only the last four characters of a key");
    }

    @Test
    void theKeyMayComeAsTheBasicAuthUserNameAsInStripesCurlExamples() throws Exception {
        java.util.function.Function<String, String> basic = credentials -> "Basic " + java.util.Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8));

        Reply asUser = call("GET", "/v1/accounts/" + account, null, Map.of("Authorization", basic.apply(stripe.secretKey() + ":")));
        Reply wrongUser = call("GET", "/v1/accounts/" + account, null,
                Map.of("Authorization", basic.apply("sk_test_nottherightkey1234:")));
        Reply noUser = call("GET", "/v1/accounts/" + account, null, Map.of("Authorization", basic.apply(":" + stripe.secretKey())));

        assertEquals(200, asUser.status());
        assertEquals(401, wrongUser.status());
        assertEquals(401, noUser.status(), "the key is the user name, not the password");
    }

    @Test
    void postBodiesMustBeFormEncoded() throws Exception {
        HttpResponse<String> json = http.send(HttpRequest.newBuilder(stripe.apiBase().resolve("/v1/payment_intents"))
                .header("Authorization", "Bearer " + stripe.secretKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"amount\":2000,\"currency\":\"usd\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(400, json.statusCode());
        assertTrue(stripe.paymentIntentIdsOn(account).isEmpty());
    }

    @Test
    void anIntentIsShapedLikeStripesAndParsesNestedParameters() throws Exception {
        Reply created = createIntent("amount=2000&currency=usd&application_fee_amount=100"
                + "&automatic_payment_methods%5Benabled%5D=true&metadata%5Bamba_project_id%5D=proj_1",
                "Stripe-Account", account);

        assertEquals(200, created.status());
        JsonObject intent = created.body();
        assertTrue(intent.get("id").getAsString().matches("pi_[A-Za-z0-9]{24}"));
        assertTrue(intent.get("client_secret").getAsString().startsWith(intent.get("id").getAsString() + "_secret_"));
        assertEquals("payment_intent", intent.get("object").getAsString());
        assertEquals("requires_payment_method", intent.get("status").getAsString());
        assertEquals(100, intent.get("application_fee_amount").getAsLong());
        assertTrue(intent.getAsJsonObject("automatic_payment_methods").get("enabled").getAsBoolean());
        assertEquals("proj_1", intent.getAsJsonObject("metadata").get("amba_project_id").getAsString());
        assertTrue(intent.has("payment_method_types"), "the rest of Stripe's fixture fields are there");
        assertEquals(Map.of("enabled", "true"),
                stripe.requests().getLast().form().tree().get("automatic_payment_methods"));
    }

    @Test
    void anIntentBelongsToTheAccountItWasCreatedOn() throws Exception {
        String other = stripe.createReadyAccount();
        String id = createIntent("amount=2000&currency=usd", "Stripe-Account", account).body().get("id").getAsString();

        assertEquals(200, call("GET", "/v1/payment_intents/" + id, null, auth("Stripe-Account", account)).status());
        Reply elsewhere = call("GET", "/v1/payment_intents/" + id, null, auth("Stripe-Account", other));
        assertEquals(404, elsewhere.status());
        assertEquals("resource_missing", elsewhere.errorCode());
        assertEquals(404, call("GET", "/v1/payment_intents/" + id, null, auth()).status(), "nor on the platform");
    }

    @Test
    void theSameIdempotencyKeyReplaysTheSameAnswer() throws Exception {
        Reply first = createIntent("amount=2000&currency=usd", "Stripe-Account", account, "Idempotency-Key", "k1");
        Reply second = createIntent("amount=2000&currency=usd", "Stripe-Account", account, "Idempotency-Key", "k1");

        assertEquals(first.body(), second.body());
        assertEquals(Optional.of("true"), second.raw().headers().firstValue("Idempotent-Replayed"));
        assertEquals(Optional.empty(), first.raw().headers().firstValue("Idempotent-Replayed"));
        assertEquals(1, stripe.paymentIntentIdsOn(account).size());
    }

    @Test
    void theSameIdempotencyKeyWithOtherParametersIs400() throws Exception {
        createIntent("amount=2000&currency=usd", "Stripe-Account", account, "Idempotency-Key", "k2");

        Reply changed = createIntent("amount=3000&currency=usd", "Stripe-Account", account, "Idempotency-Key", "k2");

        assertEquals(400, changed.status());
        assertEquals("idempotency_error", changed.errorCode());
    }

    @Test
    void idempotencyKeysAreScopedToTheAccount() throws Exception {
        String other = stripe.createReadyAccount();
        Reply here = createIntent("amount=2000&currency=usd", "Stripe-Account", account, "Idempotency-Key", "k3");
        Reply there = createIntent("amount=2000&currency=usd", "Stripe-Account", other, "Idempotency-Key", "k3");

        assertNotEquals(here.body().get("id"), there.body().get("id"));
    }

    @Test
    void aRequestRefusedByValidationSavesNothingForItsKey() throws Exception {
        Reply small = createIntent("amount=10&currency=usd", "Stripe-Account", account, "Idempotency-Key", "k4");
        Reply fixed = createIntent("amount=10&currency=usd", "Stripe-Account", account, "Idempotency-Key", "k4");

        assertEquals("amount_too_small", small.errorCode());
        assertEquals(Optional.empty(), fixed.raw().headers().firstValue("Idempotent-Replayed"));
    }

    @Test
    void amountRulesAreStripes() throws Exception {
        assertEquals("amount_too_small", createIntent("amount=49&currency=usd", "Stripe-Account", account).errorCode());
        assertEquals(200, createIntent("amount=50&currency=usd", "Stripe-Account", account).status());
        assertEquals("amount_too_small", createIntent("amount=29&currency=gbp", "Stripe-Account", account).errorCode());
        assertEquals("amount_too_large",
                createIntent("amount=100000000&currency=usd", "Stripe-Account", account).errorCode());
        assertEquals("invalid_charge_amount",
                createIntent("amount=1005&currency=kwd", "Stripe-Account", account).errorCode());
    }

    @Test
    void aFeeNeedsAConnectedAccount() throws Exception {
        assertEquals(400, createIntent("amount=2000&currency=usd&application_fee_amount=100").status());
    }

    @Test
    void anUnknownStripeAccountIs403AccountInvalid() throws Exception {
        Reply reply = createIntent("amount=2000&currency=usd", "Stripe-Account", "acct_Unknown123");

        assertEquals(403, reply.status());
        assertEquals("account_invalid", reply.errorCode());
    }

    @Test
    void faultsHitTheNextRequestsInOrderThenStop() throws Exception {
        stripe.failNext(Fault.serverError(), Fault.rateLimited());

        assertEquals(500, call("GET", "/v1/accounts/" + account, null, auth()).status());
        assertEquals(429, call("GET", "/v1/accounts/" + account, null, auth()).status());
        assertEquals(200, call("GET", "/v1/accounts/" + account, null, auth()).status());
    }

    @Test
    void aDroppedConnectionGetsNoAnswer() {
        stripe.failNext(Fault.droppedConnection(), Fault.droppedConnection());

        try {
            call("GET", "/v1/accounts/" + account, null, auth());
            throw new AssertionError("expected the connection to drop");
        } catch (IOException expected) {
            assertEquals(RecordedRequest.NO_ANSWER, stripe.requests().getFirst().status());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void signedEventsVerifyWithStripeJavasOwnVerifier() throws Exception {
        String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"account.updated\"}";
        Instant now = Instant.now();

        String header = LocalStripe.signatureHeader(payload, now, stripe.webhookSecret());

        assertTrue(com.stripe.net.Webhook.Signature.verifyHeader(payload, header, stripe.webhookSecret(), 300));
    }

    @Test
    void theOnboardingLinkIsSingleAccountAndUnknownLinksAre404() throws Exception {
        Reply link = call("POST", "/v1/account_links", "account=" + account
                + "&type=account_onboarding&refresh_url=https%3A%2F%2Fa.example%2Fr&return_url=https%3A%2F%2Fa.example%2Fd",
                auth());

        URI url = URI.create(link.body().get("url").getAsString());
        assertEquals("account_link", link.body().get("object").getAsString());
        assertTrue(url.getPath().startsWith("/setup/s/" + account + "/"), url::toString);
        HttpResponse<Void> forged = http.send(HttpRequest.newBuilder(stripe.apiBase().resolve(
                "/setup/s/" + account + "/NotAToken")).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(404, forged.statusCode());
    }
}
