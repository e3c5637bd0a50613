package com.amba.payments.app.http;

import com.amba.payments.adapter.stripe.localstripe.Fault;
import com.amba.payments.adapter.stripe.localstripe.IntentMove;
import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.adapter.stripe.localstripe.WebhookDelivery;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The Stripe adapter's counterpart: a local Stripe-compatible server that delivers signed webhooks. */
final class LocalStripeDriver implements ProviderDriver {

    /** One create is up to three requests: the first and the SDK's two network retries. */
    private static final int REQUESTS_PER_CREATE = 3;
    private static final Map<String, IntentMove> MOVES = Map.of(
            "require_action", IntentMove.REQUIRE_ACTION, "process", IntentMove.PROCESS,
            "succeed", IntentMove.SUCCEED, "fail", IntentMove.FAIL, "cancel", IntentMove.CANCEL);

    private final LocalStripe stripe;
    private final Duration longerThanReadTimeout;

    LocalStripeDriver(LocalStripe stripe, Duration readTimeout) {
        this.stripe = stripe;
        this.longerThanReadTimeout = readTimeout.plusMillis(500);
    }

    @Override
    public int act(String paymentId, String action) {
        IntentMove move = MOVES.get(action);
        if (move == null) {
            return 404;
        }
        try {
            Optional<WebhookDelivery> delivery = stripe.move(paymentId, move);
            return delivery.map(WebhookDelivery::status).orElse(200);
        } catch (IllegalStateException refused) {
            return 409;
        } catch (IllegalArgumentException unknown) {
            return 404;
        }
    }

    @Override
    public void completeOnboarding(String accountId) {
        int status = stripe.completeOnboarding(accountId).map(WebhookDelivery::status).orElse(0);
        if (status != 200) {
            throw new IllegalStateException("account.updated was not accepted: " + status);
        }
    }

    @Override
    public void failNextCreate() {
        Fault[] faults = new Fault[REQUESTS_PER_CREATE];
        java.util.Arrays.fill(faults, Fault.serverError());
        stripe.failNext(faults);
    }

    @Override
    public void loseNextCreateAnswer() {
        Fault[] faults = new Fault[REQUESTS_PER_CREATE];
        java.util.Arrays.fill(faults, Fault.slowAnswer(longerThanReadTimeout));
        stripe.failNext(faults);
    }

    @Override
    public int createCalls() {
        return stripe.requests("POST", "/v1/payment_intents").size();
    }

    @Override
    public int intentsOn(String accountId) {
        return stripe.paymentIntentIdsOn(accountId).size();
    }

    @Override
    public java.util.List<String> intentIdsOn(String accountId) {
        return stripe.paymentIntentIdsOn(accountId);
    }

    /** Read back from the intent the local server made from the request (it echoes metadata and description). */
    @Override
    public Map<String, String> intentNotes(String paymentId) {
        Map<String, String> fields = new java.util.TreeMap<>();
        stripe.paymentIntent(paymentId).ifPresent(intent -> {
            intent.getAsJsonObject("metadata").entrySet()
                    .forEach(pair -> fields.put("metadata[" + pair.getKey() + "]", pair.getValue().getAsString()));
            if (intent.has("description") && !intent.get("description").isJsonNull()) {
                fields.put("description", intent.get("description").getAsString());
            }
        });
        return fields;
    }

    /**
     * From the server's request log: the answered (not replayed) create whose amount and metadata are the intent's.
     * Tests give each payment metadata of its own, so exactly one request matches.
     */
    @Override
    public Optional<Map<String, String>> createRequestOf(String paymentId) {
        Optional<com.google.gson.JsonObject> intent = stripe.paymentIntent(paymentId);
        if (intent.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> metadata = new java.util.TreeMap<>();
        intent.get().getAsJsonObject("metadata").entrySet()
                .forEach(pair -> metadata.put(pair.getKey(), pair.getValue().getAsString()));
        String amount = intent.get().get("amount").getAsString();
        java.util.List<Map<String, String>> matching = stripe.requests("POST", "/v1/payment_intents").stream()
                .filter(request -> request.status() == 200 && !request.replayed())
                .filter(request -> request.form().value("amount").equals(Optional.of(amount)))
                .filter(request -> new java.util.TreeMap<>(request.form().nested("metadata")).equals(metadata))
                .map(request -> request.form().flat())
                .toList();
        if (matching.size() != 1) {
            throw new IllegalStateException(matching.size() + " create requests match " + paymentId);
        }
        return Optional.of(matching.get(0));
    }

    @Override
    public String intentStatus(String paymentId) {
        return stripe.paymentIntent(paymentId).map(intent -> intent.get("status").getAsString()).orElse("none");
    }

    @Override
    public int refundsOn(String paymentId) {
        return stripe.refundIdsOf(paymentId).size();
    }

    @Override
    public void failNextRefund() {
        Fault[] faults = new Fault[REQUESTS_PER_CREATE];
        java.util.Arrays.fill(faults, Fault.serverError());
        stripe.failNext(faults);
    }

    @Override
    public void refundOutsideAmba(String paymentId, long amount) {
        stripe.refundOnDashboard(paymentId, amount).forEach(delivery -> {
            if (delivery.status() != 200) {
                throw new IllegalStateException("a refund webhook was not accepted: " + delivery.status());
            }
        });
    }

    @Override
    public void dispute(String paymentId, String status) {
        int delivered = stripe.dispute(paymentId, status).map(WebhookDelivery::status).orElse(0);
        if (delivered != 200) {
            throw new IllegalStateException("the dispute webhook was not accepted: " + delivered);
        }
    }
}
