package com.amba.payments.adapter.stripe;

import java.util.regex.Pattern;

/**
 * Stripe masks keys in its own error messages, but the failure details this adapter returns end up in log
 * lines, so anything shaped like a key, signing secret or client secret is blanked out before it leaves.
 */
final class SecretRedaction {

    private static final Pattern SECRETS = Pattern.compile(
            "\\b(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9*]+|whsec_[A-Za-z0-9+/=]+|pi_[A-Za-z0-9]+_secret_[A-Za-z0-9]+)");

    private SecretRedaction() {
    }

    static String redact(String text) {
        return text == null ? "" : SECRETS.matcher(text).replaceAll("[redacted]");
    }
}
