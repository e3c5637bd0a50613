package com.amba.payments.domain.model;

import static com.amba.payments.domain.testing.Payments.aPayment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentCursorTest {

    @Test
    void aCursorSurvivesEncodingToTheMicrosecond() {
        PaymentCursor cursor = new PaymentCursor(Instant.parse("2025-03-01T12:00:00.123456Z"), new PaymentId("pi_abc123"));

        assertEquals(Optional.of(cursor), PaymentCursor.decode(cursor.encode()));
    }

    @Test
    void aCursorBeforeTheEpochSurvivesToo() {
        PaymentCursor cursor = new PaymentCursor(Instant.parse("1969-12-31T23:59:59.500001Z"), new PaymentId("pi_x"));

        assertEquals(Optional.of(cursor), PaymentCursor.decode(cursor.encode()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "_pi_abc", "12x_pi_abc", "123_notpi", "123_pi_", "123_pi_a-b"})
    void anythingElseIsNotACursor(String text) {
        assertEquals(Optional.empty(), PaymentCursor.decode(text));
    }

    @Test
    void nullIsNotACursor() {
        assertEquals(Optional.empty(), PaymentCursor.decode(null));
    }

    @Test
    void isBeforeAgreesWithNewestFirstOrder() {
        Instant t = Instant.parse("2025-03-01T12:00:00Z");
        Payment newest = aPayment().withId(new PaymentId("pi_b")).createdAt(t.plusSeconds(1)).build();
        Payment tieHigh = aPayment().withId(new PaymentId("pi_b")).createdAt(t).build();
        Payment tieLow = aPayment().withId(new PaymentId("pi_a")).createdAt(t).build();
        Payment oldest = aPayment().withId(new PaymentId("pi_z")).createdAt(t.minusSeconds(1)).build();

        List<Payment> sorted = List.of(oldest, tieLow, newest, tieHigh).stream().sorted(PaymentCursor.NEWEST_FIRST).toList();
        assertEquals(List.of(newest, tieHigh, tieLow, oldest), sorted);

        PaymentCursor atTieHigh = PaymentCursor.at(tieHigh);
        assertFalse(atTieHigh.isBefore(newest));
        assertFalse(atTieHigh.isBefore(tieHigh));
        assertTrue(atTieHigh.isBefore(tieLow));
        assertTrue(atTieHigh.isBefore(oldest));
    }
}
