package com.amba.payments.app.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.adapter.postgres.ScratchDatabase;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.Parts;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.DevAmba;
import com.amba.payments.domain.model.PaymentId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one database, one provider: twenty refunds of 10 % each, at once, half on each
 * instance. The ledger decides the remainder under the payment's lock, so exactly ten win and the payment is
 * refunded exactly once over.
 */
class RefundsOnTwoInstancesTest {

    private static final AmbaConfig CONFIG = AmbaConfig.dev().withPort(0).withWebhookSecret(DevAmba.WEBHOOK_SECRET)
            .withAdminToken("admin-token-refunds-two-instances");

    @Test
    void twentyConcurrentTenPercentRefundsOnTwoInstancesExactlyTenWin() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create()) {
            Parts firstParts = DevAmba.postgresParts(CONFIG, database.urlText());
            SandboxPaymentProvider provider = (SandboxPaymentProvider) firstParts.provider();
            provider.settleRefundsAfter(Duration.ofMillis(200));
            try (RunningAmba first = Amba.start(CONFIG, firstParts)) {
                Parts secondParts = DevAmba.postgresParts(CONFIG, database.urlText());
                try (RunningAmba second = Amba.start(CONFIG,
                        secondParts.withProvider(provider, secondParts.sandbox().map(s -> provider)))) {
                    String key = first.demo().orElseThrow().serverKey();
                    Api one = new Api(first.port());
                    List<Api> instances = List.of(one, new Api(second.port()));
                    Api.Answer created = one.createPayment(key, "{\"amount\": 5000, \"currency\": \"usd\"}");
                    assertEquals(200, created.status(), created::toString);
                    String id = created.data().getString("payment_id");
                    assertEquals(200, one.sandbox(id, "succeed").status());

                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Api.Answer>> answers = new ArrayList<>();
                    try (ExecutorService callers = Executors.newFixedThreadPool(20)) {
                        for (int i = 0; i < 20; i++) {
                            Api api = instances.get(i % 2);
                            answers.add(callers.submit(() -> {
                                go.await();
                                return api.refund(key, id, "{\"amount\": 500}");
                            }));
                        }
                        go.countDown();
                        Map<String, Long> outcomes = new TreeMap<>();
                        for (Future<Api.Answer> answer : answers) {
                            Api.Answer done = answer.get();
                            outcomes.merge(done.status() == 200 ? "200" : done.status() + " " + done.errorCode(), 1L,
                                    Long::sum);
                        }
                        assertEquals(Map.of("200", 10L, "400 REFUND_EXCEEDS_AMOUNT", 10L), outcomes);
                    }
                    assertEquals(10, provider.refundCountOn(new PaymentId(id)), "ten provider refunds");
                    assertEquals(10, database.count("SELECT count(*) FROM refunds WHERE refund_id IS NOT NULL"));
                    assertEquals(5000, eventuallyRefunded(one, key, id, 5000));
                    assertEquals("full", one.readPayment(key, id).data().getString("refund_status"));
                }
            }
        }
    }

    private static long eventuallyRefunded(Api api, String key, String id, long expected) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        long refunded = api.readPayment(key, id).data().getLong("amount_refunded");
        while (refunded != expected && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
            refunded = api.readPayment(key, id).data().getLong("amount_refunded");
        }
        return refunded;
    }
}
