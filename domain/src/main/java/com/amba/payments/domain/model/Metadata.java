package com.amba.payments.domain.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The caller's own key-value pairs on a payment, with Stripe's rules: keys of 1 to 40 characters without
 * {@code [} or {@code ]}, values strings of 1 to 500 characters. Amba stores and passes them on and never acts
 * on them. Keys starting with {@code amba_} are Amba's own on the provider intent, so a caller cannot set them,
 * and Stripe's 50 keys per intent leave the caller {@link #MAXIMUM_KEYS}. Held sorted by key, so every store
 * answers them in the same order and two equal sets of pairs compare equal.
 */
public record Metadata(SortedMap<String, String> entries) {

    /** Stripe allows 50 keys on an intent; Amba's own two (project, client reference) are among them. */
    public static final int PROVIDER_MAXIMUM_KEYS = 50;
    public static final int AMBA_KEYS = 2;
    public static final int MAXIMUM_KEYS = PROVIDER_MAXIMUM_KEYS - AMBA_KEYS;
    public static final int MAXIMUM_KEY_LENGTH = 40;
    public static final int MAXIMUM_VALUE_LENGTH = 500;
    /** The namespace of the keys Amba itself puts on the provider intent. */
    public static final String RESERVED_PREFIX = "amba_";

    public static final Metadata NONE = new Metadata(new TreeMap<>());

    public Metadata {
        Objects.requireNonNull(entries);
        if (entries.size() > MAXIMUM_KEYS) {
            throw new IllegalArgumentException("at most " + MAXIMUM_KEYS + " metadata keys");
        }
        entries.forEach((key, value) -> {
            if (ruleBrokenByKey(key) != null || !isValidValue(value)) {
                throw new IllegalArgumentException("metadata breaks Stripe's rules at a key of "
                        + (key == null ? 0 : key.length()) + " characters");
            }
        });
        entries = Collections.unmodifiableSortedMap(new TreeMap<>(entries));
    }

    public static Metadata of(Map<String, String> entries) {
        return new Metadata(new TreeMap<>(entries));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The rule a key breaks, in words for an error message, or null when the key is fine. */
    static String ruleBrokenByKey(String key) {
        if (key == null || key.isEmpty()) {
            return "is empty";
        }
        if (characters(key) > MAXIMUM_KEY_LENGTH) {
            return "is longer than " + MAXIMUM_KEY_LENGTH + " characters";
        }
        if (key.indexOf('[') >= 0 || key.indexOf(']') >= 0) {
            return "contains '[' or ']', which Stripe does not allow";
        }
        if (key.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
            return "starts with '" + RESERVED_PREFIX + "', which is reserved for Amba's own keys";
        }
        return null;
    }

    static boolean isValidValue(String value) {
        return value != null && !value.isEmpty() && characters(value) <= MAXIMUM_VALUE_LENGTH;
    }

    /** Characters as a person counts them (code points), not UTF-16 units. */
    static int characters(String text) {
        return text.codePointCount(0, text.length());
    }
}
