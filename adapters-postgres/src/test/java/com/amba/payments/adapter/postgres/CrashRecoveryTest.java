package com.amba.payments.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.service.CreationTiming;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A process killed between "attempt recorded" and "provider answered": the retry, on another instance, waits out
 * the dead holder's lease, takes the attempt over with the same idempotency key and finishes with the one intent.
 */
class CrashRecoveryTest {

    private static final Duration LEASE = Duration.ofSeconds(1);

    private ScratchDatabase database;
    private RecordingProvider provider;
    private CreationTiming timing;

    @BeforeEach
    void freshDatabase() {
        database = ScratchDatabase.create();
        provider = new RecordingProvider(Duration.ZERO);
        timing = new CreationTiming(LEASE, Duration.ofSeconds(5), Duration.ofMillis(20));
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void aRetryAfterTheHolderDiedFinishesTheCreateWithTheSameProviderIntent() {
        StoreFixture fixture;
        try (ServiceInstance dying = new ServiceInstance(database.urlText(), provider, timing)) {
            fixture = StoreFixture.readyProject(dying.store().controlPlane());
            provider.dieAfterNextCreate();
            assertThrows(RecordingProvider.SimulatedCrash.class, () -> dying.create(fixture.serverKey(), 2_000, "order-1"));
        }
        assertEquals(1, provider.intentsCreated());
        assertEquals(0, database.count("SELECT count(*) FROM payments"));
        assertEquals(1, database.count("SELECT count(*) FROM creation_attempts WHERE state = 'in_flight'"));

        try (ServiceInstance survivor = new ServiceInstance(database.urlText(), provider, timing)) {
            long started = System.nanoTime();
            Result<Payment, PaymentError> retried = survivor.create(fixture.serverKey(), 2_000, "order-1");
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertTrue(retried.isOk(), "the retry finishes the create: " + retried);
            assertTrue(waited.compareTo(timing.waitForInFlight()) < 0, "the retry took over once the lease ran out");
            assertEquals(1, provider.intentsCreated(), "the retry reached the intent the dead holder made");
            assertEquals(1, database.count("SELECT count(*) FROM payments"));
            assertEquals(1, database.count("SELECT count(*) FROM creation_attempts WHERE state = 'completed'"));

            Result<Payment, PaymentError> replay = survivor.create(fixture.serverKey(), 2_000, "order-1");
            assertEquals(retried.orElseThrow().id(), replay.orElseThrow().id());
            assertEquals(1, provider.intentsCreated());
        }
    }
}
