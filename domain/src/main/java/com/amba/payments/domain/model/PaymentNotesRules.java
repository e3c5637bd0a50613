package com.amba.payments.domain.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rules for a create's {@code metadata} and {@code description} (Stripe's, see {@link Metadata}). A broken
 * rule is INVALID_BODY naming the rule and, for metadata, the key. JSON null for either field means not sent.
 */
public final class PaymentNotesRules {

    public static final String METADATA = "metadata";
    public static final String DESCRIPTION = "description";

    private PaymentNotesRules() {
    }

    public static Result<PaymentNotes, PaymentError> check(Optional<InputValue> metadata,
                                                           Optional<InputValue> description) {
        Result<Metadata, PaymentError> checkedMetadata = metadata.map(PaymentNotesRules::metadata)
                .orElse(Result.ok(Metadata.NONE));
        return checkedMetadata.flatMap(pairs -> description.map(PaymentNotesRules::description)
                .orElse(Result.ok(Optional.empty()))
                .map(text -> new PaymentNotes(pairs, text)));
    }

    private static Result<Metadata, PaymentError> metadata(InputValue value) {
        if (!(value instanceof InputValue.Members members)) {
            return invalid("metadata must be a JSON object whose values are strings, not " + kindOf(value));
        }
        Map<String, InputValue> pairs = members.values();
        if (pairs.size() > Metadata.MAXIMUM_KEYS) {
            return invalid("metadata has " + pairs.size() + " keys; at most " + Metadata.MAXIMUM_KEYS
                    + " (Stripe allows " + Metadata.PROVIDER_MAXIMUM_KEYS + " on an intent and Amba sets "
                    + Metadata.AMBA_KEYS + " of its own)");
        }
        TreeMap<String, String> entries = new TreeMap<>();
        for (Map.Entry<String, InputValue> pair : pairs.entrySet()) {
            String key = pair.getKey();
            String brokenRule = Metadata.ruleBrokenByKey(key);
            if (brokenRule != null) {
                return invalid("metadata key '" + printable(key) + "' " + brokenRule);
            }
            if (!(pair.getValue() instanceof InputValue.Text text)) {
                return invalid("metadata value for '" + printable(key) + "' must be a string, not "
                        + kindOf(pair.getValue()));
            }
            if (text.value().isEmpty()) {
                return invalid("metadata value for '" + printable(key) + "' is empty; leave the key out instead");
            }
            if (!Metadata.isValidValue(text.value())) {
                return invalid("metadata value for '" + printable(key) + "' is longer than "
                        + Metadata.MAXIMUM_VALUE_LENGTH + " characters");
            }
            entries.put(key, text.value());
        }
        return Result.ok(new Metadata(entries));
    }

    private static Result<Optional<Description>, PaymentError> description(InputValue value) {
        if (!(value instanceof InputValue.Text text)) {
            return invalid("description must be a string of 1 to " + Description.MAXIMUM_LENGTH + " characters, not "
                    + kindOf(value));
        }
        if (text.value().isEmpty()) {
            return invalid("description is empty; leave it out instead");
        }
        if (Metadata.characters(text.value()) > Description.MAXIMUM_LENGTH) {
            return invalid("description is longer than " + Description.MAXIMUM_LENGTH + " characters");
        }
        return Result.ok(Optional.of(new Description(text.value())));
    }

    private static <T> Result<T, PaymentError> invalid(String message) {
        return Result.err(new PaymentError.InvalidBody(message));
    }

    private static String kindOf(InputValue value) {
        return switch (value) {
            case InputValue.WholeNumber number -> "a number";
            case InputValue.Text text -> "a string";
            case InputValue.Truth truth -> "a boolean";
            case InputValue.Texts texts -> "an array";
            case InputValue.Members members -> "an object";
            case InputValue.Other other -> other.description();
            case InputValue.Null none -> "null";
        };
    }

    /** A key goes into an error message: at most 40 characters of it, free of control characters and quotes. */
    private static String printable(String key) {
        String shortened = Metadata.characters(key) > Metadata.MAXIMUM_KEY_LENGTH
                ? key.substring(0, key.offsetByCodePoints(0, Metadata.MAXIMUM_KEY_LENGTH)) + "…" : key;
        return shortened.replaceAll("[\\p{Cntrl}'\"\\\\]", "?");
    }
}
