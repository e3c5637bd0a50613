package com.amba.payments.domain.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Small readings of a body's fields that the money-back rules share. */
final class InputFields {

    private InputFields() {
    }

    /** A field that is there and not JSON null; an explicit null counts as not sent. */
    static Optional<InputValue> present(Map<String, InputValue> fields, String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !(v instanceof InputValue.Null));
    }

    /** INVALID_BODY naming the fields that are not allowed, if any. */
    static Optional<PaymentError> unknownFields(Map<String, InputValue> fields, Set<String> known) {
        Set<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PaymentError.InvalidBody("unknown field(s) " + String.join(", ", unknown)
                + "; allowed: " + String.join(", ", new TreeSet<>(known))));
    }

    static boolean isValidReference(InputValue value) {
        return value instanceof InputValue.Text text && !text.value().isEmpty()
                && text.value().length() <= ClientReference.MAXIMUM_LENGTH;
    }
}
