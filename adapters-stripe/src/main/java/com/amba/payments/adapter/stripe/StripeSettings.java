package com.amba.payments.adapter.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How Amba talks to Stripe. The defaults bound every call: a payment request must answer (502 with
 * {@code Retry-After} at worst) within a few seconds, not hang on a slow Stripe.
 *
 * @param apiBase            Stripe's API, or a Stripe-compatible server (AMBA_STRIPE_API_BASE)
 * @param connectTimeout     per attempt
 * @param readTimeout        per attempt
 * @param maxNetworkRetries  extra attempts stripe-java makes on connection failures, timeouts, 409 and 5xx,
 *                           always with the same idempotency key
 */
public record StripeSettings(StripeSecretKey secretKey, URI apiBase, Duration connectTimeout, Duration readTimeout,
                             int maxNetworkRetries, OnboardingUrls onboardingUrls) {

    public static final URI STRIPE_API_BASE = URI.create("https://api.stripe.com");
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_NETWORK_RETRIES = 2;
    /** Placeholders until the app passes its public URLs; Stripe only needs them to be absolute. */
    public static final OnboardingUrls DEFAULT_ONBOARDING_URLS = new OnboardingUrls(
            "http://localhost:8080/onboarding/refresh", "http://localhost:8080/onboarding/return");

    public StripeSettings {
        Objects.requireNonNull(secretKey, "secret key");
        Objects.requireNonNull(apiBase, "api base");
        if (apiBase.getHost() == null || !("https".equals(apiBase.getScheme()) || "http".equals(apiBase.getScheme()))) {
            throw new IllegalArgumentException("Stripe API base must be an absolute http(s) URL: " + apiBase);
        }
        requirePositiveMillis(connectTimeout, "connect timeout");
        requirePositiveMillis(readTimeout, "read timeout");
        if (maxNetworkRetries < 0 || maxNetworkRetries > 5) {
            throw new IllegalArgumentException("max network retries must be 0 to 5: " + maxNetworkRetries);
        }
        Objects.requireNonNull(onboardingUrls, "onboarding urls");
    }

    /** Stripe itself, default timeouts and retries. */
    public static StripeSettings of(StripeSecretKey secretKey) {
        return new StripeSettings(secretKey, STRIPE_API_BASE, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_MAX_NETWORK_RETRIES, DEFAULT_ONBOARDING_URLS);
    }

    public StripeSettings withApiBase(URI base) {
        return new StripeSettings(secretKey, base, connectTimeout, readTimeout, maxNetworkRetries, onboardingUrls);
    }

    public StripeSettings withTimeouts(Duration connect, Duration read) {
        return new StripeSettings(secretKey, apiBase, connect, read, maxNetworkRetries, onboardingUrls);
    }

    public StripeSettings withMaxNetworkRetries(int retries) {
        return new StripeSettings(secretKey, apiBase, connectTimeout, readTimeout, retries, onboardingUrls);
    }

    public StripeSettings withOnboardingUrls(OnboardingUrls urls) {
        return new StripeSettings(secretKey, apiBase, connectTimeout, readTimeout, maxNetworkRetries, urls);
    }

    public StripeMode mode() {
        return secretKey.mode();
    }

    /** stripe-java wants the base without a trailing slash; it appends {@code /v1/...}. */
    String apiBaseWithoutTrailingSlash() {
        String base = apiBase.toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static void requirePositiveMillis(Duration d, String what) {
        if (d == null || d.toMillis() < 1 || d.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " must be at least 1 ms: " + d);
        }
    }
}
