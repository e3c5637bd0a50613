package com.amba.payments.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.CreationClaim;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.RequestFingerprint;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.service.CreationTiming;
import com.amba.payments.domain.testing.Concurrently;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two service instances, each with its own pools, racing on one database. */
class TwoInstancesTest {

    private static final int REQUESTS = 200;
    private static final int REFERENCES = 20;

    private ScratchDatabase database;
    private RecordingProvider provider;
    private ServiceInstance east;
    private ServiceInstance west;
    private StoreFixture fixture;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        database = ScratchDatabase.create();
        provider = new RecordingProvider(Duration.ofMillis(50));
        CreationTiming timing = new CreationTiming(Duration.ofSeconds(30), Duration.ofSeconds(20),
                Duration.ofMillis(20));
        east = new ServiceInstance(database.urlText(), provider, timing);
        west = new ServiceInstance(database.urlText(), provider, timing);
        fixture = StoreFixture.readyProject(east.store().controlPlane());
    }

    @AfterEach
    void stop() {
        east.close();
        west.close();
        database.close();
    }

    @Test
    void twoHundredClaimsOverTwentyReferencesMakeExactlyTwentyHolders() throws Exception {
        AtomicInteger next = new AtomicInteger();
        Instant now = Instant.now();

        List<CreationClaim> claims = Concurrently.run(REQUESTS, () -> {
            int n = next.getAndIncrement();
            ServiceInstance instance = n % 2 == 0 ? east : west;
            CreationAttempt attempt = CreationAttempt.of(fixture.projectId(),
                    new ClientReference("order-" + n % REFERENCES), RequestFingerprint.of(2_000, "usd", "", ""));
            return instance.store().ledger().claimCreation(attempt, now, Duration.ofSeconds(30));
        });

        assertEquals(REFERENCES, claims.stream().filter(CreationClaim.Claimed.class::isInstance).count());
        assertEquals(REQUESTS - REFERENCES, claims.stream().filter(CreationClaim.InFlight.class::isInstance).count());
        assertEquals(REFERENCES, database.count("SELECT count(*) FROM creation_attempts WHERE state = 'in_flight'"));
    }

    @Test
    void twoHundredCreatesOverTwentyReferencesMakeTwentyPaymentsAndTwentyProviderIntents() throws Exception {
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();

        List<Answer> answers = Concurrently.run(REQUESTS, () -> {
            int n = next.getAndIncrement();
            String reference = "order-" + n % REFERENCES;
            ServiceInstance instance = n % 2 == 0 ? east : west;
            return new Answer(reference, instance.create(fixture.serverKey(), 2_000, reference));
        });

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Map<String, Set<PaymentId>> paymentsByReference = new HashMap<>();
        for (Answer answer : answers) {
            assertTrue(answer.result().isOk(), "every request is answered 200, got " + answer.result());
            Payment payment = answer.result().orElseThrow();
            assertEquals(answer.reference(), payment.clientReference().orElseThrow().value());
            paymentsByReference.computeIfAbsent(answer.reference(), r -> new HashSet<>()).add(payment.id());
        }
        assertEquals(REFERENCES, paymentsByReference.size());
        paymentsByReference.forEach((reference, ids) ->
                assertEquals(1, ids.size(), reference + " was answered with several payments: " + ids));
        assertEquals(REFERENCES, provider.intentsCreated());
        assertEquals(REFERENCES, database.count("SELECT count(*) FROM payments"));
        assertEquals(REFERENCES, database.count("SELECT count(*) FROM outbox"));
        assertEquals(REFERENCES, database.count("SELECT count(*) FROM payment_status_history"));
        System.out.printf("200 creates over 20 references on two instances took %d ms%n", took.toMillis());
    }

    private record Answer(String reference, Result<Payment, PaymentError> result) {
    }
}
