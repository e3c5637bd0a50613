package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Idempotency-Key header on the create, with Stripe's meaning, over real HTTP. */
class IdempotencyKeyOverHttpTest {

    private static DevAmba amba;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
    }

    @AfterAll
    static void stop() {
        if (amba != null) {
            amba.close();
        }
    }

    private static Api.Answer create(String serverKey, String idempotencyKey, String body) {
        return amba.api.send("POST", "/client/payments/intents",
                Map.of("X-Api-Key", serverKey, "Idempotency-Key", idempotencyKey), body);
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void theSameKeyAndBodyAnswerTheSamePaymentAndTheProviderIsAskedOnce() {
        String key = newKey();
        String body = "{\"amount\": 1999, \"currency\": \"usd\"}";
        Api.Answer first = create(amba.demo.serverKey(), key, body);
        assertEquals(200, first.status(), first::toString);
        int calls = amba.provider.createCalls();

        Api.Answer again = create(amba.demo.serverKey(), key, body);

        assertEquals(200, again.status(), again::toString);
        assertEquals(first.data().getString("payment_id"), again.data().getString("payment_id"));
        assertEquals(first.data().getString("client_secret"), again.data().getString("client_secret"));
        assertEquals(calls, amba.provider.createCalls(), "a replay does not ask the provider again");
        Api.Answer withoutKey = amba.api.createPayment(amba.demo.serverKey(), body);
        assertNotEquals(first.data().getString("payment_id"), withoutKey.data().getString("payment_id"),
                "without a key the same body is a new payment, as before");
    }

    @Test
    void theSameKeyWithAnotherBodyIsItsOwnConflict() {
        String key = newKey();
        assertEquals(200, create(amba.demo.serverKey(), key, "{\"amount\": 1999, \"currency\": \"usd\"}").status());

        Api.Answer other = create(amba.demo.serverKey(), key, "{\"amount\": 2999, \"currency\": \"usd\"}");
        assertEquals(409, other.status(), other::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.errorCode());
        Api.Answer otherReference = create(amba.demo.serverKey(), key,
                "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"with-a-reference\"}");
        assertEquals("IDEMPOTENCY_KEY_REUSED", otherReference.errorCode(), "the reference is part of the request");
    }

    @Test
    void aKeyBesideAClientReferenceHonoursBoth() {
        String reference = "order-" + UUID.randomUUID();
        String body = "{\"amount\": 5000, \"currency\": \"usd\", \"client_reference\": \"" + reference + "\"}";
        String key = newKey();
        Api.Answer first = create(amba.demo.serverKey(), key, body);
        assertEquals(200, first.status(), first::toString);
        String id = first.data().getString("payment_id");

        assertEquals(id, create(amba.demo.serverKey(), key, body).data().getString("payment_id"));
        assertEquals(id, amba.api.createPayment(amba.demo.serverKey(), body).data().getString("payment_id"),
                "the reference alone still answers its payment");
        assertEquals(id, create(amba.demo.serverKey(), newKey(), body).data().getString("payment_id"),
                "a new key with the same reference and request: the reference's payment");
        assertEquals("CLIENT_REFERENCE_CONFLICT", create(amba.demo.serverKey(), newKey(),
                "{\"amount\": 6000, \"currency\": \"usd\", \"client_reference\": \"" + reference + "\"}").errorCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", create(amba.demo.serverKey(), key,
                "{\"amount\": 6000, \"currency\": \"usd\", \"client_reference\": \"" + reference + "\"}").errorCode());
    }

    @Test
    void aKeyBelongsToItsProject() {
        String key = newKey();
        String body = "{\"amount\": 1999, \"currency\": \"usd\"}";
        String otherServerKey = amba.readyProjectServerKey("Other shop " + key);
        Api.Answer mine = create(amba.demo.serverKey(), key, body);
        Api.Answer theirs = create(otherServerKey, key, body);
        assertEquals(200, theirs.status(), theirs::toString);
        assertNotEquals(mine.data().getString("payment_id"), theirs.data().getString("payment_id"));
    }

    @Test
    void aKeyThatIsNotOneToTwoHundredFiftyFivePrintableCharactersIsRefusedBeforeTheBody() {
        for (String bad : List.of("k".repeat(256), " ", "tab\tinside")) {
            Api.Answer answer = create(amba.demo.serverKey(), bad, "{\"amount\": \"not a number\"}");
            assertEquals(400, answer.status(), answer::toString);
            assertEquals("INVALID_IDEMPOTENCY_KEY", answer.errorCode());
        }
        assertEquals(200, create(amba.demo.serverKey(), "k".repeat(255), "{\"amount\": 1999, \"currency\": \"usd\"}")
                .status(), "255 characters are fine");
        assertEquals("SERVER_KEY_REQUIRED", create(amba.demo.clientKey(), "k".repeat(256), "{}").errorCode(),
                "the key's kind is checked first");
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOnePayment() throws Exception {
        String key = newKey();
        String body = "{\"amount\": 4200, \"currency\": \"usd\"}";
        int callsBefore = amba.provider.createCalls();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Answer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return create(amba.demo.serverKey(), key, body);
                }));
            }
            go.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Api.Answer> answer : answers) {
                Api.Answer done = answer.get(60, TimeUnit.SECONDS);
                assertEquals(200, done.status(), done::toString);
                ids.add(done.data().getString("payment_id"));
            }
            assertEquals(1, ids.size(), ids::toString);
            assertEquals(callsBefore + 1, amba.provider.createCalls(), "the provider was asked once");
        } finally {
            pool.shutdownNow();
        }
    }
}
