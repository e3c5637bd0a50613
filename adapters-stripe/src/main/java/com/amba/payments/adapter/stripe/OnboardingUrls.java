package com.amba.payments.adapter.stripe;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where Stripe sends a project owner from the hosted onboarding: back to {@code returnUrl} when they leave it,
 * to {@code refreshUrl} when the link expired or was already used (that page should ask Amba for a new link).
 */
public record OnboardingUrls(String refreshUrl, String returnUrl) {

    public OnboardingUrls {
        requireAbsoluteHttpUrl(refreshUrl, "refresh URL");
        requireAbsoluteHttpUrl(returnUrl, "return URL");
    }

    /** The refresh URL naming the account ({@code ?account=acct_…}), so the page knows whose link to renew. */
    public String refreshUrlFor(String accountId) {
        return withAccount(refreshUrl, accountId);
    }

    /** The return URL naming the account, so the page can show that account's project. */
    public String returnUrlFor(String accountId) {
        return withAccount(returnUrl, accountId);
    }

    private static String withAccount(String url, String accountId) {
        return url + (URI.create(url).getRawQuery() == null ? "?" : "&") + "account="
                + URLEncoder.encode(accountId, StandardCharsets.UTF_8);
    }

    private static void requireAbsoluteHttpUrl(String url, String what) {
        URI uri = url == null ? null : URI.create(url);
        if (uri == null || uri.getHost() == null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("onboarding " + what + " must be an absolute http(s) URL: " + url);
        }
    }
}
