package com.amba.payments.adapter.stripe.localstripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
