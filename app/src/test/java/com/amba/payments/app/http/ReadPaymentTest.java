package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /client/payments/intents/:id reads the ledger, scoped to the caller's project. */
class ReadPaymentTest {

    private static DevAmba amba;
    private static String paymentId;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
        Api.Answer created = amba.api.createPayment(amba.demo.serverKey(),
                "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"order_123\"}");
        paymentId = created.data().getString("payment_id");
    }

    @AfterAll
    static void stop() {
        amba.close();
    }

    @Test
    void serverAndClientKeysOfTheProjectReadIt() {
        for (String key : new String[] {amba.demo.serverKey(), amba.demo.clientKey()}) {
            Api.Answer answer = amba.api.readPayment(key, paymentId);
            assertEquals(200, answer.status(), answer::toString);
            JsonObject data = answer.data();
            assertEquals(paymentId, data.getString("payment_id"));
            assertEquals("requires_payment_method", data.getString("status"));
            assertEquals(1999L, data.getLong("amount"));
            assertEquals("usd", data.getString("currency"));
            assertEquals("order_123", data.getString("client_reference"));
            assertEquals(50L, data.getLong("application_fee_amount"));
            OffsetDateTime created = OffsetDateTime.parse(data.getString("created_at"));
            OffsetDateTime updated = OffsetDateTime.parse(data.getString("updated_at"));
            assertFalse(updated.isBefore(created));
            assertFalse(data.containsKey("client_secret"), "a read never hands out the client secret");
        }
    }

    @Test
    void aPaymentWithoutReferenceReadsNull() {
        String id = amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 700, \"currency\": \"eur\"}")
                .data().getString("payment_id");
        JsonObject data = amba.api.readPayment(amba.demo.clientKey(), id).data();
        assertTrue(data.containsKey("client_reference"));
        assertEquals(null, data.getValue("client_reference"));
    }

    @Test
    void anotherProjectsPaymentIsNotFound() {
        String otherKey = amba.readyProjectServerKey("Nosy neighbour");
        Api.Answer answer = amba.api.readPayment(otherKey, paymentId);
        assertEquals(404, answer.status());
        assertEquals("PAYMENT_NOT_FOUND", answer.errorCode());
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        for (String id : new String[] {"pi_000000000000000000000000", "not-an-id", "pi_", "pi_abc%20def", "acct_123"}) {
            Api.Answer answer = amba.api.readPayment(amba.demo.serverKey(), id);
            assertEquals(404, answer.status(), () -> id + " → " + answer);
            assertEquals("PAYMENT_NOT_FOUND", answer.errorCode());
        }
    }

    @Test
    void aMissingKeyIsUnauthorized() {
        Api.Answer answer = amba.api.readPayment(null, paymentId);
        assertEquals(401, answer.status());
        assertEquals("INVALID_API_KEY", answer.errorCode());
    }
}
