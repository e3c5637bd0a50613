package com.amba.payments.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentStatus;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorResponsesTest {

    /** SPEC §2–§8, by code. Every code of the catalogue must be here, and nothing else. */
    private static final Map<String, Integer> EXPECTED = Map.ofEntries(
            Map.entry("INVALID_API_KEY", 401),
            Map.entry("INVALID_ADMIN_TOKEN", 401),
            Map.entry("SERVER_KEY_REQUIRED", 403),
            Map.entry("PAYMENTS_NOT_ENABLED", 503),
            Map.entry("INVALID_BODY", 400),
            Map.entry("INVALID_AMOUNT", 400),
            Map.entry("INVALID_CURRENCY", 400),
            Map.entry("INVALID_FEE", 400),
            Map.entry("NO_PLATFORM_FEE", 400),
            Map.entry("FEE_EXCEEDS_AMOUNT", 400),
            Map.entry("INVALID_QUERY", 400),
            Map.entry("INVALID_SIGNATURE", 400),
            Map.entry("PAYMENTS_NOT_SET_UP", 409),
            Map.entry("PAYMENTS_NOT_READY", 409),
            Map.entry("CLIENT_REFERENCE_CONFLICT", 409),
            Map.entry("ACCOUNT_ALREADY_ATTACHED", 409),
            Map.entry("PAYMENT_INTENT_UNEXPECTED_STATE", 409),
            Map.entry("PAYMENT_PROVIDER_UNAVAILABLE", 502),
            Map.entry("CONTROL_PLANE_UNAVAILABLE", 503),
            Map.entry("OVERLOADED", 503),
            Map.entry("PAYMENT_NOT_FOUND", 404),
            Map.entry("PROJECT_NOT_FOUND", 404),
            Map.entry("API_KEY_NOT_FOUND", 404),
            Map.entry("ACCOUNT_NOT_FOUND", 404),
            Map.entry("PAYMENT_NOT_REFUNDABLE", 409),
            Map.entry("REFUND_EXCEEDS_AMOUNT", 400),
            Map.entry("PAYMENT_NOT_CANCELABLE", 409),
            Map.entry("REFUND_NOT_FOUND", 404),
            Map.entry("WEBHOOK_ENDPOINT_NOT_FOUND", 404),
            Map.entry("WEBHOOK_DELIVERY_NOT_FOUND", 404),
            Map.entry("INVALID_IDEMPOTENCY_KEY", 400),
            Map.entry("IDEMPOTENCY_KEY_REUSED", 409));

    @Test
    void everyErrorOfTheCatalogueHasTheStatusTheSpecGivesIt() throws Exception {
        Set<String> seen = new TreeSet<>();
        for (Class<?> kind : PaymentError.class.getPermittedSubclasses()) {
            PaymentError error = instance(kind);
            Integer expected = EXPECTED.get(error.code());
            assertTrue(expected != null, "no expected status for " + error.code() + " (" + kind.getSimpleName() + ")");
            assertEquals(expected, ErrorResponses.status(error), error.code());
            seen.add(error.code());
        }
        assertEquals(new TreeSet<>(EXPECTED.keySet()), seen, "catalogue and expectations differ");
    }

    @Test
    void onlyGatewayAndUnavailableAnswersCarryRetryAfter() {
        assertEquals(Optional.of("2"), ErrorResponses.retryAfter(502));
        assertEquals(Optional.of("1"), ErrorResponses.retryAfter(503));
        Set<Integer> others = EXPECTED.values().stream().filter(s -> s != 502 && s != 503).collect(Collectors.toSet());
        others.forEach(status -> assertEquals(Optional.empty(), ErrorResponses.retryAfter(status), "status " + status));
    }

    @Test
    void theEnvelopeCarriesCodeAndMessage() {
        assertEquals("{\"error\":{\"code\":\"INVALID_AMOUNT\",\"message\":\"amount must be...\"}}",
                ErrorResponses.envelope("INVALID_AMOUNT", "amount must be...").encode());
    }

    /** A record of the catalogue, its components filled with placeholder values. */
    private static PaymentError instance(Class<?> kind) throws Exception {
        RecordComponent[] components = kind.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] values = Arrays.stream(types).map(ErrorResponsesTest::placeholder).toArray();
        Constructor<?> constructor = kind.getDeclaredConstructor(types);
        return (PaymentError) constructor.newInstance(values);
    }

    private static Object placeholder(Class<?> type) {
        if (type == String.class) {
            return "a message";
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 1;
        }
        if (type == PaymentStatus.class) {
            return PaymentStatus.SUCCEEDED;
        }
        throw new IllegalArgumentException("no placeholder for " + type);
    }
}
