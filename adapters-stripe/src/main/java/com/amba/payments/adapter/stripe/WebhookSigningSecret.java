package com.amba.payments.adapter.stripe;

import java.nio.charset.StandardCharsets;

/** The endpoint's signing secret ({@code whsec_…}). Printing it never shows it. */
public record WebhookSigningSecret(String value) {

    public WebhookSigningSecret {
        if (value == null || !value.startsWith("whsec_") || value.length() <= "whsec_".length()) {
            throw new IllegalArgumentException("not a Stripe webhook signing secret: expected whsec_…");
        }
    }

    /** Stripe keys the HMAC with the whole secret string, prefix included. */
    byte[] hmacKey() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "WebhookSigningSecret[redacted]";
    }
}
