package com.amba.payments.adapter.stripe;

import java.net.URI;

/**
 * Where Stripe sends a project owner from the hosted onboarding: back to {@code returnUrl} when they leave it,
 * to {@code refreshUrl} when the link expired or was already used (that page should ask Amba for a new link).
 */
public record OnboardingUrls(String refreshUrl, String returnUrl) {

    public OnboardingUrls {
        requireAbsoluteHttpUrl(refreshUrl, "refresh URL");
        requireAbsoluteHttpUrl(returnUrl, "return URL");
    }

    private static void requireAbsoluteHttpUrl(String url, String what) {
        URI uri = url == null ? null : URI.create(url);
        if (uri == null || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("onboarding " + what + " must be an absolute http(s) URL: " + url);
        }
    }
}
