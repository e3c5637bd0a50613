package com.amba.payments.adapter.stripe;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature: HMAC-SHA256 of {@code "{t}.{raw body}"} keyed with the signing secret, hex in a
 * {@code v1} entry. Checked here rather than with stripe-java's {@code Webhook}, which accepts timestamps from
 * any time in the future; a replay window must close on both sides.
 */
final class WebhookSignature {

    static final Duration TOLERANCE = Duration.ofSeconds(300);

    private final WebhookSigningSecret secret;

    WebhookSignature(WebhookSigningSecret secret) {
        this.secret = secret;
    }

    /** Why the signature is not acceptable, or empty when it is. */
    Optional<String> problemWith(byte[] rawBody, Optional<String> headerValue, Instant now) {
        if (headerValue.isEmpty()) {
            return Optional.of("no Stripe-Signature header");
        }
        Optional<SignatureHeader> header = SignatureHeader.parse(headerValue.get());
        if (header.isEmpty()) {
            return Optional.of("malformed Stripe-Signature header");
        }
        long skew = Math.abs(now.getEpochSecond() - header.get().timestamp());
        if (skew > TOLERANCE.toSeconds()) {
            return Optional.of("timestamp " + header.get().timestamp() + " is " + skew
                    + " s away from now (tolerance " + TOLERANCE.toSeconds() + " s)");
        }
        byte[] expected = hmac(header.get().timestamp(), rawBody);
        boolean matches = false;
        for (String candidate : header.get().v1Signatures()) {
            // Every candidate is compared, each in constant time, so timing says nothing about which one is close.
            matches |= MessageDigest.isEqual(expected, hexOrEmpty(candidate));
        }
        return matches ? Optional.empty() : Optional.of("no v1 signature matches");
    }

    private byte[] hmac(long timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.hmacKey(), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static byte[] hexOrEmpty(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
