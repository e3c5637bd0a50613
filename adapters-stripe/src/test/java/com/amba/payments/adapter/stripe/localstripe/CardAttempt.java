package com.amba.payments.adapter.stripe.localstripe;

import com.amba.payments.domain.service.SecureRandomIds;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.net.URI;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The details one confirm with a test card leaves on an intent, once {@link StripeApi} moved its status: the
 * fresh {@code pm_…} Stripe clones from the test method, the charge, the decline, the 3D Secure step, and the
 * 402 {@code card_error} Stripe answers a declined confirm with.
 */
final class CardAttempt {

    private final StripeFixtures fixtures;
    private final InstantSource clock;
    private final SecureRandomIds ids;
    private final URI base;

    CardAttempt(StripeFixtures fixtures, InstantSource clock, SecureRandomIds ids, URI base) {
        this.fixtures = fixtures;
        this.clock = clock;
        this.ids = ids;
        this.base = base;
    }

    /** A payment_method object for {@code card}, as Stripe clones a test method on every confirm. */
    JsonObject paymentMethod(TestPaymentMethod card) {
        JsonObject method = fixtures.example("payment_method");
        method.addProperty("id", "pm_" + ids.alphanumeric(24));
        method.addProperty("created", clock.instant().getEpochSecond());
        method.addProperty("livemode", false);
        method.add("metadata", new JsonObject());
        JsonObject billing = method.getAsJsonObject("billing_details");
        for (String field : new String[] {"email", "name", "phone", "tax_id"}) {
            billing.add(field, JsonNull.INSTANCE);
        }
        JsonObject address = billing.getAsJsonObject("address");
        address.keySet().forEach(field -> address.add(field, JsonNull.INSTANCE));
        JsonObject details = method.getAsJsonObject("card");
        details.addProperty("brand", card.brand());
        details.addProperty("display_brand", card.brand());
        details.addProperty("last4", card.last4());
        details.addProperty("fingerprint", ids.alphanumeric(16));
        details.add("generated_from", JsonNull.INSTANCE);
        details.add("wallet", JsonNull.INSTANCE);
        details.getAsJsonObject("networks").getAsJsonArray("available").set(0,
                new com.google.gson.JsonPrimitive(card.brand()));
        return method;
    }

    /** The card was charged: the intent points at the charge and carries no action or error any more. */
    void charged(JsonObject intent, String paymentMethodId) {
        intent.addProperty("payment_method", paymentMethodId);
        intent.addProperty("latest_charge", "ch_" + ids.alphanumeric(24));
        intent.add("next_action", JsonNull.INSTANCE);
        intent.add("last_payment_error", JsonNull.INSTANCE);
    }

    /**
     * The issuer asks for 3D Secure: with a {@code return_url} Stripe sends the customer to a hosted page
     * ({@code redirect_to_url}); without one a client SDK handles it ({@code use_stripe_sdk}).
     */
    void needsAuthentication(JsonObject intent, JsonObject method, String token, Optional<String> returnUrl) {
        intent.addProperty("payment_method", method.get("id").getAsString());
        intent.add("last_payment_error", JsonNull.INSTANCE);
        JsonObject next = new JsonObject();
        if (returnUrl.isPresent()) {
            JsonObject redirect = new JsonObject();
            redirect.addProperty("return_url", returnUrl.get());
            redirect.addProperty("url", authenticationUrl(token).toString());
            next.addProperty("type", "redirect_to_url");
            next.add("redirect_to_url", redirect);
        } else {
            JsonObject sdk = new JsonObject();
            sdk.addProperty("type", "three_d_secure_redirect");
            sdk.addProperty("stripe_js", authenticationUrl(token).toString());
            next.addProperty("type", "use_stripe_sdk");
            next.add("use_stripe_sdk", sdk);
        }
        intent.add("next_action", next);
    }

    /**
     * The issuer declined: Stripe detaches the method, keeps it in {@code last_payment_error} (already set to a
     * {@code card_declined} error by the move) and answers the confirm with a 402 {@code card_error}.
     */
    Answer declined(JsonObject intent, JsonObject method) {
        String charge = "ch_" + ids.alphanumeric(24);
        intent.add("payment_method", JsonNull.INSTANCE);
        intent.add("next_action", JsonNull.INSTANCE);
        intent.addProperty("latest_charge", charge);
        JsonObject error = intent.getAsJsonObject("last_payment_error");
        error.addProperty("charge", charge);
        error.addProperty("decline_code", "generic_decline");
        error.add("payment_method", method.deepCopy());
        JsonObject answer = error.deepCopy();
        answer.add("payment_intent", intent.deepCopy());
        JsonObject body = new JsonObject();
        body.add("error", answer);
        return new Answer(402, body, true);
    }

    /** Where the hosted 3D Secure page for {@code token} lives on this server. */
    URI authenticationUrl(String token) {
        return base.resolve("/3d_secure_2/hosted/" + token);
    }
}
