package com.amba.payments.domain.model;

import java.math.BigInteger;
import java.util.List;

/**
 * One field of a request body, as the caller wrote it. Kept raw so that the domain, not a parser, decides
 * which rule a bad value breaks (a fractional amount is INVALID_AMOUNT, not INVALID_BODY).
 */
public sealed interface InputValue {

    /** A JSON integer: digits only, no fraction, no exponent. */
    record WholeNumber(BigInteger value) implements InputValue {
        public static WholeNumber of(long value) {
            return new WholeNumber(BigInteger.valueOf(value));
        }

        public boolean isBetween(long min, long max) {
            return value.compareTo(BigInteger.valueOf(min)) >= 0 && value.compareTo(BigInteger.valueOf(max)) <= 0;
        }
    }

    record Text(String value) implements InputValue {}

    /** A JSON {@code true} or {@code false}. */
    record Truth(boolean value) implements InputValue {}

    /** A JSON array of strings only (any other array is {@link Other}). */
    record Texts(List<String> values) implements InputValue {
        public Texts {
            values = List.copyOf(values);
        }
    }

    /**
     * A JSON object, one level deep (metadata): its members as written, in order. An object or a mixed array
     * inside it is {@link Other}.
     */
    record Members(java.util.Map<String, InputValue> values) implements InputValue {
        public Members {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }

    /** Anything else: a fraction, an exponent, an array, an object inside an object. Described for the message. */
    record Other(String description) implements InputValue {}

    /** An explicit JSON null; optional fields treat it as absent. */
    record Null() implements InputValue {}
}
