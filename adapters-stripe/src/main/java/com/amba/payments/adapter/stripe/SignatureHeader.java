package com.amba.payments.adapter.stripe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed {@code Stripe-Signature}: {@code t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]}. Several {@code v1}
 * values appear while a signing secret is being rolled; other schemes are ignored (v0 is a test-mode-only
 * scheme Amba does not accept).
 */
record SignatureHeader(long timestamp, List<String> v1Signatures) {

    private static final int MAXIMUM_LENGTH = 8 * 1024;

    SignatureHeader {
        v1Signatures = List.copyOf(v1Signatures);
    }

    static Optional<SignatureHeader> parse(String header) {
        if (header == null || header.length() > MAXIMUM_LENGTH) {
            return Optional.empty();
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String item : header.split(",")) {
            int equals = item.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String key = item.substring(0, equals).trim();
            String value = item.substring(equals + 1).trim();
            if (key.equals("t")) {
                if (timestamp != null) {
                    return Optional.empty(); // two timestamps: which one was signed is ambiguous
                }
                timestamp = parseSeconds(value);
                if (timestamp == null) {
                    return Optional.empty();
                }
            } else if (key.equals("v1") && !value.isEmpty()) {
                signatures.add(value);
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SignatureHeader(timestamp, signatures));
    }

    private static Long parseSeconds(String value) {
        if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(value);
    }
}
