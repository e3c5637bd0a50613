package com.amba.payments.adapter.stripe.localstripe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and POSTs events the way Stripe does. Written separately from the adapter's verifier on purpose: a
 * test where one piece of code both signs and checks would pass even if both were wrong.
 */
public final class WebhookSender {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code t=…,v1=…} for {@code payload} signed at {@code at} with {@code secret}. */
    public static String signatureHeader(String payload, Instant at, String secret) {
        return "t=" + at.getEpochSecond() + ",v1=" + v1(payload, at.getEpochSecond(), secret);
    }

    /** The hex HMAC-SHA256 of {@code "{t}.{payload}"} keyed with the whole {@code whsec_…} string. */
    public static String v1(String payload, long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(
                    (timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** POSTs {@code payload} with {@code signatureHeader} (which a test may have bent on purpose). */
    public WebhookDelivery post(URI endpoint, String eventId, String type, String payload, String signatureHeader) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .header("Stripe-Signature", signatureHeader)
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new WebhookDelivery(eventId, type, payload, signatureHeader, response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("webhook delivery to " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering a webhook", e);
        }
    }
}
