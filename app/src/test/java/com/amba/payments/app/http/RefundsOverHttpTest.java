package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.testing.Concurrently;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Money back over real HTTP (SPEC §11), on every run of the HTTP suite: memory with the sandbox, PostgreSQL,
 * and the Stripe adapter against the local Stripe-compatible server.
 */
class RefundsOverHttpTest {

    private static final Duration SETTLING = Duration.ofSeconds(15);

    private static DevAmba amba;
    private static String serverKey;
    private static String clientKey;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
        serverKey = amba.demo.serverKey();
        clientKey = amba.demo.clientKey();
    }

    @AfterAll
    static void stop() {
        amba.close();
    }

    private static String payment(long amount) {
        Api.Answer created = amba.api.createPayment(serverKey,
                "{\"amount\": " + amount + ", \"currency\": \"usd\", \"application_fee_amount\": 100}");
        assertEquals(200, created.status(), created::toString);
        return created.data().getString("payment_id");
    }

    private static String succeeded(long amount) {
        String id = payment(amount);
        assertEquals(200, amba.provider.act(id, "succeed"));
        assertEquals("succeeded", read(id).getString("status"));
        return id;
    }

    private static JsonObject read(String id) {
        Api.Answer read = amba.api.readPayment(clientKey, id);
        assertEquals(200, read.status(), read::toString);
        return read.data();
    }

    /** Sandbox refunds start pending and settle a moment later; Stripe's card refunds succeed at once. */
    private static JsonObject eventually(String id, String field, Object expected) {
        Instant giveUp = Instant.now().plus(SETTLING);
        JsonObject last = read(id);
        while (!expected.equals(last.getValue(field))) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError(field + " never became " + expected + ": " + last);
            }
            pause();
            last = read(id);
        }
        return last;
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFullRefundGivesEverythingBackAndThePaymentStaysSucceeded() {
        String id = succeeded(1999);
        Api.Answer refund = amba.api.refund(serverKey, id, "{\"reason\": \"requested_by_customer\"}");
        assertEquals(200, refund.status(), refund::toString);
        JsonObject data = refund.data();
        assertTrue(data.getString("refund_id").startsWith("re_"), data::encode);
        assertEquals(id, data.getString("payment_id"));
        assertEquals(1999, data.getLong("amount"));
        assertEquals("usd", data.getString("currency"));
        assertEquals("requested_by_customer", data.getString("reason"));
        assertTrue(Set.of("pending", "succeeded").contains(data.getString("status")), data::encode);
        assertTrue(data.containsKey("client_reference") && data.getValue("client_reference") == null);
        assertTrue(data.getString("created_at").endsWith("Z"));

        JsonObject after = eventually(id, "amount_refunded", 1999);
        assertEquals("full", after.getString("refund_status"));
        assertEquals("succeeded", after.getString("status"), "a fully refunded payment keeps status succeeded");
        assertEquals("none", after.getString("dispute_status"));

        Api.Answer list = amba.api.refunds(clientKey, id);
        assertEquals(200, list.status(), list::toString);
        JsonArray refunds = list.json().getJsonArray("data");
        assertEquals(1, refunds.size());
        assertEquals(data.getString("refund_id"), refunds.getJsonObject(0).getString("refund_id"));
        assertEquals("succeeded", refunds.getJsonObject(0).getString("status"));
    }

    @Test
    void twoPartialRefundsUpToTheAmountThenAThirdIsTooMuch() {
        String id = succeeded(2000);
        assertEquals("none", read(id).getString("refund_status"));
        Api.Answer first = amba.api.refund(serverKey, id, "{\"amount\": 1200}");
        assertEquals(200, first.status(), first::toString);
        eventually(id, "refund_status", "partial");
        Api.Answer second = amba.api.refund(serverKey, id, "{\"amount\": 800, \"refund_application_fee\": false}");
        assertEquals(200, second.status(), second::toString);
        Api.Answer third = amba.api.refund(serverKey, id, "{\"amount\": 1}");
        assertEquals(400, third.status(), third::toString);
        assertEquals("REFUND_EXCEEDS_AMOUNT", third.errorCode());
        Api.Answer rest = amba.api.refund(serverKey, id, null);
        assertEquals("REFUND_EXCEEDS_AMOUNT", rest.errorCode(), "nothing is left to refund");

        eventually(id, "amount_refunded", 2000);
        assertEquals("full", read(id).getString("refund_status"));
        List<Long> amounts = amba.api.refunds(serverKey, id).json().getJsonArray("data").stream()
                .map(o -> ((JsonObject) o).getLong("amount")).toList();
        assertEquals(List.of(1200L, 800L), amounts, "oldest first");
        assertEquals(2, amba.provider.refundsOn(id));
    }

    @Test
    void onlyASucceededPaymentIsRefundable() {
        String id = payment(1500);
        Api.Answer refund = amba.api.refund(serverKey, id, "{\"amount\": 100}");
        assertEquals(409, refund.status(), refund::toString);
        assertEquals("PAYMENT_NOT_REFUNDABLE", refund.errorCode());
        assertEquals(0, amba.provider.refundsOn(id));
    }

    @Test
    void cancelingAnUnpaidPaymentCancelsTheProviderIntentAndAgainAnswersTheSame() {
        String id = payment(1500);
        Api.Answer canceled = amba.api.cancel(serverKey, id, "{\"reason\": \"abandoned\"}");
        assertEquals(200, canceled.status(), canceled::toString);
        assertEquals("canceled", canceled.data().getString("status"));
        assertEquals(id, canceled.data().getString("payment_id"));
        assertEquals("canceled", amba.provider.intentStatus(id), "the provider intent is canceled too");
        assertEquals("canceled", read(id).getString("status"));

        Api.Answer again = amba.api.cancel(serverKey, id, null);
        assertEquals(200, again.status(), again::toString);
        assertEquals("canceled", again.data().getString("status"));
    }

    @Test
    void aSucceededOrProcessingPaymentIsNotCancelable() {
        String paid = succeeded(1500);
        Api.Answer cancel = amba.api.cancel(serverKey, paid, null);
        assertEquals(409, cancel.status(), cancel::toString);
        assertEquals("PAYMENT_NOT_CANCELABLE", cancel.errorCode());
        assertEquals("succeeded", amba.provider.intentStatus(paid));

        String processing = payment(1500);
        assertEquals(200, amba.provider.act(processing, "process"));
        assertEquals("PAYMENT_NOT_CANCELABLE", amba.api.cancel(serverKey, processing, null).errorCode());
    }

    @Test
    void anotherProjectsPaymentIsNotFoundAndAClientKeyMayOnlyRead() {
        String id = succeeded(1500);
        String otherServerKey = amba.readyProjectServerKey("Other shop");
        for (Api.Answer answer : List.of(amba.api.refund(otherServerKey, id, null),
                amba.api.cancel(otherServerKey, id, null), amba.api.refunds(otherServerKey, id))) {
            assertEquals(404, answer.status(), answer::toString);
            assertEquals("PAYMENT_NOT_FOUND", answer.errorCode());
        }
        Api.Answer byClient = amba.api.refund(clientKey, id, null);
        assertEquals(403, byClient.status(), byClient::toString);
        assertEquals("SERVER_KEY_REQUIRED", byClient.errorCode());
        assertEquals("SERVER_KEY_REQUIRED", amba.api.cancel(clientKey, id, null).errorCode());
        assertEquals(200, amba.api.refunds(clientKey, id).status());
        assertEquals(0, amba.provider.refundsOn(id), "nothing was refunded");
    }

    @Test
    void everyCheckAnswersInTheContractsOrderAndBadInputChangesNothing() {
        String id = succeeded(1500);
        assertEquals("INVALID_API_KEY", amba.api.refund(null, id, "{\"unknown\": 1}").errorCode());
        assertEquals("INVALID_API_KEY", amba.api.cancel("amba_sk_nope", id, null).errorCode());
        assertEquals("SERVER_KEY_REQUIRED", amba.api.refund(clientKey, id, "{\"unknown\": 1}").errorCode());
        assertEquals(200, amba.admin("POST", "/admin/payments/disable", null).status());
        try {
            Api.Answer off = amba.api.refund(serverKey, id, "{\"unknown\": 1}");
            assertEquals(503, off.status(), off::toString);
            assertEquals("PAYMENTS_NOT_ENABLED", off.errorCode());
            assertTrue(off.header("Retry-After").isPresent());
            assertEquals("PAYMENTS_NOT_ENABLED", amba.api.cancel(serverKey, id, null).errorCode());
        } finally {
            assertEquals(200, amba.admin("POST", "/admin/payments/enable", null).status());
        }
        String unknown = "pi_000000000000000000000000";
        assertEquals("INVALID_BODY", amba.api.refund(serverKey, unknown, "{\"amount\": 1, \"fee\": true}").errorCode(),
                "the body is judged before the payment");
        assertEquals("INVALID_BODY", amba.api.refund(serverKey, id, "{\"refund_application_fee\": \"yes\"}").errorCode());
        assertEquals("INVALID_BODY", amba.api.refund(serverKey, id, "{\"reason\": \"changed_my_mind\"}").errorCode());
        assertEquals("INVALID_BODY", amba.api.refund(serverKey, id, "{\"client_reference\": \"\"}").errorCode());
        assertEquals("INVALID_BODY", amba.api.refund(serverKey, id, "[1]").errorCode());
        assertEquals("INVALID_BODY", amba.api.cancel(serverKey, id, "{\"reason\": \"bored\"}").errorCode());
        assertEquals("INVALID_AMOUNT", amba.api.refund(serverKey, unknown, "{\"amount\": 0}").errorCode());
        assertEquals("INVALID_AMOUNT", amba.api.refund(serverKey, id, "{\"amount\": 10.5}").errorCode());
        assertEquals("PAYMENT_NOT_FOUND", amba.api.refund(serverKey, unknown, "{\"amount\": 1}").errorCode());
        assertEquals("PAYMENT_NOT_FOUND", amba.api.cancel(serverKey, "not-a-payment", null).errorCode());
        assertEquals("REFUND_EXCEEDS_AMOUNT", amba.api.refund(serverKey, id, "{\"amount\": 1501}").errorCode());
        assertEquals(0, amba.provider.refundsOn(id), "no bad request reached the provider");
        assertEquals(0, read(id).getLong("amount_refunded"));
    }

    @Test
    void aClientReferenceMakesARefundOnceAndADifferentRequestConflicts() {
        String id = succeeded(3000);
        String body = "{\"amount\": 500, \"client_reference\": \"return-1\"}";
        Api.Answer first = amba.api.refund(serverKey, id, body);
        assertEquals(200, first.status(), first::toString);
        assertEquals("return-1", first.data().getString("client_reference"));
        Api.Answer replay = amba.api.refund(serverKey, id, body);
        assertEquals(200, replay.status(), replay::toString);
        assertEquals(first.data().getString("refund_id"), replay.data().getString("refund_id"));
        Api.Answer different = amba.api.refund(serverKey, id, "{\"amount\": 600, \"client_reference\": \"return-1\"}");
        assertEquals(409, different.status(), different::toString);
        assertEquals("CLIENT_REFERENCE_CONFLICT", different.errorCode());
        assertEquals(1, amba.provider.refundsOn(id));
    }

    @Test
    void thirtyTwoConcurrentRefundsWithOneReferenceMakeOneProviderRefund() throws Exception {
        String id = succeeded(3000);
        List<Api.Answer> answers = Concurrently.run(32,
                () -> amba.api.refund(serverKey, id, "{\"amount\": 700, \"client_reference\": \"rush\"}"));
        answers.forEach(answer -> assertEquals(200, answer.status(), answer::toString));
        Set<String> refundIds = answers.stream().map(a -> a.data().getString("refund_id")).collect(Collectors.toSet());
        assertEquals(1, refundIds.size(), refundIds::toString);
        assertEquals(1, amba.provider.refundsOn(id), "one provider refund");
        eventually(id, "amount_refunded", 700);
    }

    @Test
    void aProviderOutageAnswers502AndBindsNothingSoTheRetryMakesTheRefund() {
        String id = succeeded(2000);
        amba.provider.failNextRefund();
        String body = "{\"amount\": 2000, \"client_reference\": \"outage\"}";
        Api.Answer down = amba.api.refund(serverKey, id, body);
        assertEquals(502, down.status(), down::toString);
        assertEquals("PAYMENT_PROVIDER_UNAVAILABLE", down.errorCode());
        assertTrue(down.header("Retry-After").isPresent());
        assertEquals(0, amba.provider.refundsOn(id));
        Api.Answer retry = amba.api.refund(serverKey, id, body);
        assertEquals(200, retry.status(), "the failed attempt set nothing aside: " + retry);
        assertEquals(1, amba.provider.refundsOn(id));
    }

    @Test
    void aRefundMadeAtTheProviderDirectlyShowsUpInTheLedger() {
        String id = succeeded(2500);
        amba.provider.refundOutsideAmba(id, 1000);
        JsonObject after = eventually(id, "amount_refunded", 1000);
        assertEquals("partial", after.getString("refund_status"));
        JsonArray refunds = amba.api.refunds(serverKey, id).json().getJsonArray("data");
        assertEquals(1, refunds.size(), refunds::encode);
        Api.Answer tooMuch = amba.api.refund(serverKey, id, "{\"amount\": 1501}");
        assertEquals("REFUND_EXCEEDS_AMOUNT", tooMuch.errorCode(), "the outside refund holds its share");
        assertNotEquals(null, refunds.getJsonObject(0).getString("refund_id"));
    }

    @Test
    void aDisputeIsRecordedOnThePayment() {
        String id = succeeded(1800);
        amba.provider.dispute(id, "needs_response");
        assertEquals("needs_response", read(id).getString("dispute_status"));
        amba.provider.dispute(id, "lost");
        assertEquals("lost", read(id).getString("dispute_status"));
        assertEquals("succeeded", read(id).getString("status"));
    }
}
