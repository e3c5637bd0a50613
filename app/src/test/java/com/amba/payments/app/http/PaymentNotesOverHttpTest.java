package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A create's {@code metadata} and {@code description} over real HTTP, on whichever store and provider the suite
 * runs: stored and answered (create, GET, the Admin API's list), set on the provider intent beside Amba's own
 * metadata (the local Stripe server's request log shows the form fields), bound by the Idempotency-Key, and
 * refused with INVALID_BODY naming the rule when they break Stripe's rules, with nothing created.
 */
class PaymentNotesOverHttpTest {

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

    private static JsonObject order(JsonObject metadata, String description) {
        return new JsonObject().put("amount", 2400).put("currency", "usd").put("metadata", metadata)
                .put("description", description);
    }

    private static JsonObject uniqueMetadata() {
        return new JsonObject().put("order_id", UUID.randomUUID().toString()).put("customer_note", "gift wrap, \"blue\" ribbon ü");
    }

    @Test
    void metadataAndDescriptionAreStoredAnsweredAndSetOnTheProviderIntent() {
        JsonObject metadata = uniqueMetadata();
        Api.Answer created = amba.api.createPayment(amba.demo.serverKey(), order(metadata, "Two blue mugs").encode());

        assertEquals(200, created.status(), created::toString);
        assertEquals(metadata, created.data().getJsonObject("metadata"));
        assertEquals("Two blue mugs", created.data().getString("description"));
        String id = created.data().getString("payment_id");

        Api.Answer read = amba.api.readPayment(amba.demo.clientKey(), id);
        assertEquals(200, read.status(), read::toString);
        assertEquals(metadata, read.data().getJsonObject("metadata"), "GET answers them from the ledger");
        assertEquals("Two blue mugs", read.data().getString("description"));

        JsonObject item = listedItem(id);
        assertEquals(metadata, item.getJsonObject("metadata"), "and so does the Admin API's list");
        assertEquals("Two blue mugs", item.getString("description"));

        Map<String, String> atProvider = amba.provider.intentNotes(id);
        assertEquals(metadata.getString("order_id"), atProvider.get("metadata[order_id]"));
        assertEquals(metadata.getString("customer_note"), atProvider.get("metadata[customer_note]"));
        assertEquals("Two blue mugs", atProvider.get("description"));
        if (DevAmba.onStripe()) {
            Map<String, String> form = amba.provider.createRequestOf(id).orElseThrow();
            assertEquals(metadata.getString("order_id"), form.get("metadata[order_id]"), () -> "on the wire: " + form);
            assertEquals(metadata.getString("customer_note"), form.get("metadata[customer_note]"));
            assertEquals("Two blue mugs", form.get("description"));
            assertEquals(amba.demo.projectId().value(), form.get("metadata[amba_project_id]"),
                    "Amba's own metadata stays beside the caller's");
        }
    }

    @Test
    void withoutThemAPaymentAnswersEmptyMetadataAndANullDescription() {
        Api.Answer created = amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 1999, \"currency\": \"usd\"}");
        assertEquals(200, created.status(), created::toString);
        assertEquals(new JsonObject(), created.data().getJsonObject("metadata"));
        assertTrue(created.data().containsKey("description") && created.data().getValue("description") == null);

        Api.Answer read = amba.api.readPayment(amba.demo.serverKey(), created.data().getString("payment_id"));
        assertEquals(new JsonObject(), read.data().getJsonObject("metadata"));
        assertTrue(read.data().containsKey("description") && read.data().getValue("description") == null);
        Map<String, String> atProvider = amba.provider.intentNotes(created.data().getString("payment_id"));
        assertFalse(atProvider.containsKey("description"), () -> "no description sent: " + atProvider);
    }

    @Test
    void fortyEightKeysOfFullLengthFitBesideAmbasOwnKeys() {
        JsonObject metadata = new JsonObject();
        for (int i = 0; i < 48; i++) {
            metadata.put(String.format("k%02d", i) + "x".repeat(37), "v".repeat(499) + (i % 10));
        }
        metadata.put(String.format("k%02d", 0) + "x".repeat(37), UUID.randomUUID().toString());
        JsonObject body = order(metadata, "d".repeat(1000)).put("client_reference", "full-" + UUID.randomUUID());

        Api.Answer created = amba.api.createPayment(amba.demo.serverKey(), body.encode());

        assertEquals(200, created.status(), created::toString);
        String id = created.data().getString("payment_id");
        assertEquals(metadata, amba.api.readPayment(amba.demo.serverKey(), id).data().getJsonObject("metadata"));
        assertEquals(48, amba.provider.intentNotes(id).keySet().stream()
                .filter(k -> k.startsWith("metadata[") && !k.startsWith("metadata[amba_")).count());
        if (DevAmba.onStripe()) {
            Map<String, String> form = amba.provider.createRequestOf(id).orElseThrow();
            assertEquals(50, form.keySet().stream().filter(k -> k.startsWith("metadata[")).count(),
                    "the caller's 48 and Amba's project and reference: Stripe's 50, which it accepted");
        }
    }

    static Stream<Arguments> brokenRules() {
        JsonObject fiftyOneKeys = new JsonObject();
        JsonObject fortyNineKeys = new JsonObject();
        for (int i = 0; i < 51; i++) {
            fiftyOneKeys.put("key_" + i, "v");
            if (i < 49) {
                fortyNineKeys.put("key_" + i, "v");
            }
        }
        String longKey = "k".repeat(41);
        return Stream.of(
                Arguments.of("51 keys", new JsonObject().put("metadata", fiftyOneKeys), "metadata has 51 keys; at most 48"),
                Arguments.of("49 keys", new JsonObject().put("metadata", fortyNineKeys), "metadata has 49 keys; at most 48"),
                Arguments.of("a 41-character key", new JsonObject().put("metadata", new JsonObject().put(longKey, "v")),
                        "metadata key '" + "k".repeat(40) + "…' is longer than 40 characters"),
                Arguments.of("a number value", new JsonObject().put("metadata", new JsonObject().put("count", 3)),
                        "metadata value for 'count' must be a string, not a number"),
                Arguments.of("a nested object", new JsonObject().put("metadata",
                        new JsonObject().put("order", new JsonObject().put("id", "7"))),
                        "metadata value for 'order' must be a string, not an object"),
                Arguments.of("a boolean value", new JsonObject().put("metadata", new JsonObject().put("gift", true)),
                        "metadata value for 'gift' must be a string, not a boolean"),
                Arguments.of("a null value", new JsonObject().put("metadata", new JsonObject().putNull("gift")),
                        "metadata value for 'gift' must be a string, not null"),
                Arguments.of("a too long value", new JsonObject().put("metadata", new JsonObject().put("note", "v".repeat(501))),
                        "metadata value for 'note' is longer than 500 characters"),
                Arguments.of("an empty value", new JsonObject().put("metadata", new JsonObject().put("note", "")),
                        "metadata value for 'note' is empty"),
                Arguments.of("an empty key", new JsonObject().put("metadata", new JsonObject().put("", "v")),
                        "metadata key '' is empty"),
                Arguments.of("a bracket in a key", new JsonObject().put("metadata", new JsonObject().put("a[b]", "v")),
                        "metadata key 'a[b]' contains '[' or ']'"),
                Arguments.of("Amba's own key", new JsonObject().put("metadata", new JsonObject().put("amba_project_id", "proj_other")),
                        "metadata key 'amba_project_id' starts with 'amba_', which is reserved"),
                Arguments.of("Amba's namespace in capitals", new JsonObject().put("metadata", new JsonObject().put("AMBA_client_reference", "x")),
                        "metadata key 'AMBA_client_reference' starts with 'amba_', which is reserved"),
                Arguments.of("metadata as a string", new JsonObject().put("metadata", "order=7"),
                        "metadata must be a JSON object whose values are strings, not a string"),
                Arguments.of("metadata as an array", new JsonObject().put("metadata", new JsonArray().add("order")),
                        "metadata must be a JSON object whose values are strings, not an array"),
                Arguments.of("a too long description", new JsonObject().put("description", "d".repeat(1001)),
                        "description is longer than 1000 characters"),
                Arguments.of("an empty description", new JsonObject().put("description", ""), "description is empty"),
                Arguments.of("a number as description", new JsonObject().put("description", 7),
                        "description must be a string of 1 to 1000 characters, not a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsInvalidBodyNamingItAndNothingIsCreated(String name, JsonObject fields, String message) {
        String reference = "broken-" + UUID.randomUUID();
        JsonObject body = new JsonObject().put("amount", 2000).put("currency", "usd").put("client_reference", reference)
                .mergeIn(fields);
        int calls = amba.provider.createCalls();
        int listed = listed().size();

        Api.Answer refused = amba.api.createPayment(amba.demo.serverKey(), body.encode());

        assertEquals(400, refused.status(), refused::toString);
        assertEquals("INVALID_BODY", refused.errorCode());
        String said = refused.json().getJsonObject("error").getString("message");
        assertTrue(said.startsWith(message), () -> "expected the message to start with <" + message + "> but was <" + said + ">");
        assertEquals(calls, amba.provider.createCalls(), "the provider was not asked");
        assertEquals(listed, listed().size(), "no payment was recorded");
        Api.Answer retried = amba.api.createPayment(amba.demo.serverKey(), new JsonObject().put("amount", 2000)
                .put("currency", "usd").put("client_reference", reference).encode());
        assertEquals(200, retried.status(), () -> "the refused create bound nothing: " + retried);
    }

    @Test
    void badMetadataIsJudgedWhereTheBodyIsAfterTheKeyAndBeforeTheAmount() {
        String badMetadata = "{\"amount\": 0, \"currency\": \"usd\", \"metadata\": {\"count\": 3}}";
        assertEquals("SERVER_KEY_REQUIRED", amba.api.createPayment(amba.demo.clientKey(), badMetadata).errorCode());
        assertEquals("INVALID_BODY", amba.api.createPayment(amba.demo.serverKey(), badMetadata).errorCode(),
                "the body's rules come before INVALID_AMOUNT (SPEC §4, check 4)");
        assertEquals("INVALID_BODY", amba.api.createPayment(amba.demo.serverKey(),
                "{\"amount\": 2000, \"currency\": \"usd\", \"metadata\": {\"a\": \"1\", \"a\": \"2\"}}").errorCode(),
                "a key written twice cannot be told apart");
        assertEquals("INVALID_BODY", amba.api.createPayment(amba.demo.serverKey(),
                "{\"amount\": 2000, \"currency\": \"usd\", \"meta_data\": {}}").errorCode(), "unknown fields stay refused");
    }

    @Test
    void anIdempotencyKeyReplaysWithTheSameNotesAndRefusesOtherNotes() {
        String key = "notes-" + UUID.randomUUID();
        JsonObject metadata = uniqueMetadata();
        String body = order(metadata, "Two blue mugs").encode();
        Api.Answer first = createWithKey(key, body);
        assertEquals(200, first.status(), first::toString);
        int calls = amba.provider.createCalls();

        Api.Answer again = createWithKey(key, order(metadata.copy(), "Two blue mugs").encode());
        assertEquals(200, again.status(), again::toString);
        assertEquals(first.data().getString("payment_id"), again.data().getString("payment_id"));
        assertEquals(metadata, again.data().getJsonObject("metadata"));
        assertEquals(calls, amba.provider.createCalls(), "a replay does not ask the provider again");

        JsonObject otherValue = metadata.copy().put("customer_note", "no ribbon");
        Api.Answer otherMetadata = createWithKey(key, order(otherValue, "Two blue mugs").encode());
        assertEquals(409, otherMetadata.status(), otherMetadata::toString);
        assertEquals("IDEMPOTENCY_KEY_REUSED", otherMetadata.errorCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", createWithKey(key, order(metadata, "Three blue mugs").encode()).errorCode(),
                "the description is part of the request");
        assertEquals("IDEMPOTENCY_KEY_REUSED", createWithKey(key, "{\"amount\": 2400, \"currency\": \"usd\"}").errorCode(),
                "so is having notes at all");
        assertEquals(calls, amba.provider.createCalls());
    }

    @Test
    void aClientReferenceComparesTheMoneyOnlySoOtherNotesReplayThePaymentAsFirstRecorded() {
        String reference = "notes-ref-" + UUID.randomUUID();
        JsonObject metadata = uniqueMetadata();
        Api.Answer first = amba.api.createPayment(amba.demo.serverKey(),
                order(metadata, "Two blue mugs").put("client_reference", reference).encode());
        assertEquals(200, first.status(), first::toString);

        Api.Answer other = amba.api.createPayment(amba.demo.serverKey(), order(new JsonObject().put("order_id", "other"),
                "Something else").put("client_reference", reference).encode());

        assertEquals(200, other.status(), () -> "SPEC §4 compares amount, currency and fee fields only: " + other);
        assertEquals(first.data().getString("payment_id"), other.data().getString("payment_id"));
        assertEquals(metadata, other.data().getJsonObject("metadata"), "the payment as first recorded");
        assertEquals("Two blue mugs", other.data().getString("description"));
        Api.Answer otherMoney = amba.api.createPayment(amba.demo.serverKey(), order(metadata, "Two blue mugs")
                .put("amount", 2500).put("client_reference", reference).encode());
        assertEquals("CLIENT_REFERENCE_CONFLICT", otherMoney.errorCode());
        assertNotEquals(first.data().getString("payment_id"), amba.api.createPayment(amba.demo.serverKey(),
                order(metadata, "Two blue mugs").encode()).data().getString("payment_id"),
                "equal notes alone make no replay");
    }

    /**
     * A create whose answer was lost bound nothing; its retry under the same reference with other notes is made
     * with those notes under a provider key of its own, not refused for reusing the first try's key with other
     * parameters (the intent the first try left is an orphan, which the sweep cancels).
     */
    @Test
    void aRetryAfterALostAnswerWithOtherNotesIsMadeWithThoseNotes() {
        String reference = "lost-notes-" + UUID.randomUUID();
        JsonObject firstNotes = uniqueMetadata();
        JsonObject otherNotes = uniqueMetadata();
        amba.provider.loseNextCreateAnswer();
        Api.Answer lost = amba.api.createPayment(amba.demo.serverKey(),
                order(firstNotes, "first try").put("client_reference", reference).encode());
        assertTrue(lost.status() == 502 || (DevAmba.onStripe() && lost.status() == 200), lost::toString);

        Api.Answer retried = amba.api.createPayment(amba.demo.serverKey(),
                order(otherNotes, "second try").put("client_reference", reference).encode());

        assertEquals(200, retried.status(), retried::toString);
        String id = retried.data().getString("payment_id");
        if (lost.status() == 200) {
            // stripe-java's own retry found the intent: the reference is bound to the first try, as first recorded.
            assertEquals(lost.data().getString("payment_id"), id);
            assertEquals(firstNotes, retried.data().getJsonObject("metadata"));
        } else {
            assertEquals(otherNotes, retried.data().getJsonObject("metadata"));
            assertEquals("second try", retried.data().getString("description"));
            assertEquals(otherNotes.getString("order_id"), amba.provider.intentNotes(id).get("metadata[order_id]"),
                    "the provider intent carries what the ledger recorded");
        }
        assertEquals(id, amba.api.createPayment(amba.demo.serverKey(), order(otherNotes, "second try")
                .put("client_reference", reference).encode()).data().getString("payment_id"), "and it is bound now");
    }

    private static Api.Answer createWithKey(String key, String body) {
        return amba.api.send("POST", "/client/payments/intents",
                Map.of("X-Api-Key", amba.demo.serverKey(), "Idempotency-Key", key), body);
    }

    private static JsonArray listed() {
        JsonArray all = new JsonArray();
        Optional<String> cursor = Optional.empty();
        do {
            Api.Answer page = amba.admin("GET", "/admin/projects/" + amba.demo.projectId().value() + "/payments?limit=100"
                    + cursor.map(c -> "&cursor=" + c).orElse(""), null);
            assertEquals(200, page.status(), page::toString);
            all.addAll(page.json().getJsonArray("data"));
            cursor = Optional.ofNullable(page.json().getString("next_cursor"));
        } while (cursor.isPresent());
        return all;
    }

    private static JsonObject listedItem(String paymentId) {
        return listed().stream().map(JsonObject.class::cast)
                .filter(item -> item.getString("payment_id").equals(paymentId)).findFirst()
                .orElseThrow(() -> new AssertionError(paymentId + " is not in the Admin API's list"));
    }
}
