package com.amba.payments.domain.model;

import java.util.Map;

/** A request body as it arrived: either a JSON object's fields, or why it is not one. */
public sealed interface RequestBody {

    /** No body at all (some calls take none). */
    record Empty() implements RequestBody {}

    record Unreadable(String reason) implements RequestBody {}

    record Fields(Map<String, InputValue> values) implements RequestBody {
        public Fields {
            values = Map.copyOf(values);
        }
    }
}
