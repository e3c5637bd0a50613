package com.amba.payments.adapter.stripe.localstripe;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Stripe's own example objects (stripe-fixtures.json on the test classpath, MIT, its LICENSE beside it). Every
 * object the local server answers starts as a copy of one of them, so field names and shapes are Stripe's.
 */
final class StripeFixtures {

    private static final String RESOURCE = "/localstripe/stripe-fixtures.json";

    private final JsonObject resources;

    private StripeFixtures(JsonObject resources) {
        this.resources = resources;
    }

    static StripeFixtures load() {
        try (InputStream in = StripeFixtures.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            JsonObject root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
            return new StripeFixtures(root.getAsJsonObject("resources"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh, independent copy of Stripe's example of {@code type} ("payment_intent", "account", …). */
    JsonObject example(String type) {
        JsonObject example = resources.getAsJsonObject(type);
        if (example == null) {
            throw new IllegalArgumentException("no Stripe fixture for " + type);
        }
        return example.deepCopy();
    }
}
