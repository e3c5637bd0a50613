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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two service instances on one database, one provider: concurrent duplicates make one payment per reference. */
class TwoInstancesOverHttpTest {

    private static final AmbaConfig CONFIG = AmbaConfig.dev().withPort(0).withWebhookSecret(DevAmba.WEBHOOK_SECRET)
            .withAdminToken("admin-token-two-instances");

    @Test
    void twoHundredCreatesOverTwentyReferencesMakeTwentyPaymentsAndTwentyIntents() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create()) {
            Parts firstParts = DevAmba.postgresParts(CONFIG, database.urlText());
            SandboxPaymentProvider provider = (SandboxPaymentProvider) firstParts.provider();
            try (RunningAmba first = Amba.start(CONFIG, firstParts)) {
                Parts secondParts = DevAmba.postgresParts(CONFIG, database.urlText());
                try (RunningAmba second = Amba.start(CONFIG, secondParts.withProvider(provider, secondParts.sandbox().map(s -> provider)))) {
                    String key = first.demo().orElseThrow().serverKey();
                    List<Api> instances = List.of(new Api(first.port()), new Api(second.port()));
                    int intentsBefore = provider.createdIntentCount();

                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<Api.Answer>> answers = new ArrayList<>();
                    List<String> references = new ArrayList<>();
                    try (ExecutorService callers = Executors.newFixedThreadPool(64)) {
                        for (int i = 0; i < 200; i++) {
                            String reference = "order-" + (i % 20);
                            Api api = instances.get(i % 2);
                            references.add(reference);
                            answers.add(callers.submit(() -> {
                                go.await();
                                return api.createPayment(key, "{\"amount\": 1500, \"currency\": \"usd\", \"client_reference\": \""
                                        + reference + "\"}");
                            }));
                        }
                        go.countDown();
                        Map<String, Set<String>> paymentsByReference = new HashMap<>();
                        for (int i = 0; i < answers.size(); i++) {
                            Api.Answer answer = answers.get(i).get();
                            assertEquals(200, answer.status(), answer::toString);
                            paymentsByReference.computeIfAbsent(references.get(i), r -> new HashSet<>())
                                    .add(answer.data().getString("payment_id"));
                        }
                        assertEquals(20, paymentsByReference.size());
                        paymentsByReference.forEach((reference, ids) ->
                                assertEquals(1, ids.size(), reference + " answered with " + ids));
                    }
                    assertEquals(intentsBefore + 20, provider.createdIntentCount(), "exactly 20 provider intents");
                    assertEquals(20, database.count("SELECT count(*) FROM payments WHERE client_reference LIKE 'order-%'"));
                }
            }
        }
    }
}
