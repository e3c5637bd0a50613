package com.amba.payments.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an Idempotency-Key of a create without money fields is bound to: the body's fields as sent. */
class RequestFingerprintTest {

    private static RequestFingerprint of(Map<String, InputValue> fields) {
        return RequestFingerprint.ofFields(new RequestBody.Fields(fields));
    }

    @Test
    void theOrderOfTheFieldsDoesNotMatter() {
        Map<String, InputValue> one = new LinkedHashMap<>();
        one.put("url", new InputValue.Text("https://shop.example/hook"));
        one.put("events", new InputValue.Texts(List.of("*")));
        Map<String, InputValue> other = new LinkedHashMap<>();
        other.put("events", new InputValue.Texts(List.of("*")));
        other.put("url", new InputValue.Text("https://shop.example/hook"));

        assertEquals(of(one), of(other));
    }

    @Test
    void noValueCanPassForAnother() {
        assertNotEquals(of(Map.of("events", new InputValue.Texts(List.of("a, b")))),
                of(Map.of("events", new InputValue.Texts(List.of("a", "b")))));
        assertNotEquals(of(Map.of("name", new InputValue.Text("1"))), of(Map.of("name", InputValue.WholeNumber.of(1))));
        assertNotEquals(of(Map.of("a", new InputValue.Text("b;c=d"))),
                of(Map.of("a", new InputValue.Text("b"), "c", new InputValue.Text("d"))));
        assertNotEquals(of(Map.of("name", new InputValue.Text("Shop"))), RequestFingerprint.ofFields(
                new RequestBody.Empty()));
    }

    @Test
    void noBodyAndAnEmptyObjectAreTheSameRequest() {
        assertEquals(RequestFingerprint.ofFields(new RequestBody.Empty()), of(Map.of()));
    }
}
