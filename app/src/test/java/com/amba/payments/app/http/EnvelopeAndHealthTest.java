package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Envelopes, request ids, health and metrics. */
class EnvelopeAndHealthTest {

    private static DevAmba amba;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
    }

    @AfterAll
    static void stop() {
        amba.close();
    }

    @Test
    void everyAnswerCarriesARequestIdAndEchoesTheCallers() {
        Api.Answer echoed = amba.api.send("GET", "/health/live", Map.of("X-Request-Id", "req-abc-123"), null);
        assertEquals("req-abc-123", echoed.header("X-Request-Id").orElseThrow());
        Api.Answer generated1 = amba.api.createPayment(null, "{}");
        Api.Answer generated2 = amba.api.createPayment(null, "{}");
        assertTrue(generated1.header("X-Request-Id").isPresent());
        assertNotEquals(generated1.header("X-Request-Id"), generated2.header("X-Request-Id"));
    }

    @Test
    void successIsWrappedInData() {
        Api.Answer created = amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 1999, \"currency\": \"usd\"}");
        assertTrue(created.json().containsKey("data"));
        assertTrue(created.header("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void unknownRoutesAreNotFoundInTheErrorEnvelope() {
        Api.Answer answer = amba.api.send("GET", "/nothing/here", Map.of(), null);
        assertEquals(404, answer.status());
        assertTrue(answer.json().containsKey("error"));
    }

    @Test
    void healthAndMetrics() {
        assertEquals(200, amba.api.send("GET", "/health/live", Map.of(), null).status());
        assertEquals(200, amba.api.send("GET", "/health/ready", Map.of(), null).status());
        amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 1999, \"currency\": \"usd\"}");
        Api.Answer metrics = amba.api.send("GET", "/metrics", Map.of(), null);
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().contains("# TYPE"), "Prometheus text format");
    }
}
