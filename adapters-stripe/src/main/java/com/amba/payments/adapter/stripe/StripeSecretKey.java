package com.amba.payments.adapter.stripe;

/**
 * The platform's Stripe secret key ({@code sk_live_…}, {@code sk_test_…}, or a restricted {@code rk_…} key).
 * Its prefix says which mode Amba runs in. Printing it never shows it: it must never reach a log line.
 */
public record StripeSecretKey(String value) {

    public StripeSecretKey {
        if (value == null || modeOf(value) == null) {
            // The message names the expected shape, never the value: a mistyped key is still a secret.
            throw new IllegalArgumentException(
                    "not a Stripe secret key: expected sk_live_…, sk_test_…, rk_live_… or rk_test_…");
        }
    }

    public StripeMode mode() {
        return modeOf(value);
    }

    private static StripeMode modeOf(String key) {
        if (key.startsWith("sk_live_") || key.startsWith("rk_live_")) {
            return key.length() > 8 ? StripeMode.LIVE : null;
        }
        if (key.startsWith("sk_test_") || key.startsWith("rk_test_")) {
            return key.length() > 8 ? StripeMode.TEST : null;
        }
        return null;
    }

    @Override
    public String toString() {
        return "StripeSecretKey[" + mode() + ", redacted]";
    }
}
