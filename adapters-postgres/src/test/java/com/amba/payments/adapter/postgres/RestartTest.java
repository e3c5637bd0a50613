package com.amba.payments.adapter.postgres;

import static com.amba.payments.domain.testing.Payments.aPayment;
import static com.amba.payments.domain.testing.Payments.createdEvent;
import static com.amba.payments.domain.testing.Payments.moveByEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.CreationClaim;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.RequestFingerprint;
import com.amba.payments.domain.testing.TestIds;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Everything the service knows survives closing it and opening it again on the same database. */
class RestartTest {

    private ScratchDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = ScratchDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void paymentsKeysSettingsAndIdempotencyBindingsRemainAfterARestart() {
        CreationAttempt attempt = CreationAttempt.of(TestIds.projectId(), new ClientReference("order-1"),
                RequestFingerprint.of(2_000, "usd", "", ""));
        StoreFixture fixture;
        Payment payment;
        Vertx first = Vertx.vertx();
        try (PostgresStore store = PostgresStore.connect(first, database.urlText(), PostgresSettings.defaults())) {
            fixture = StoreFixture.readyProject(store.controlPlane());
            attempt = CreationAttempt.of(fixture.projectId(), attempt.reference(), attempt.fingerprint());
            store.ledger().claimCreation(attempt, StoreFixture.T0, Duration.ofSeconds(30));
            payment = aPayment().inProject(fixture.projectId()).withReference("order-1").build();
            store.ledger().recordCreation(Optional.of(attempt), payment, createdEvent(payment));
            store.ledger().record(moveByEvent(payment, PaymentStatus.PROCESSING, StoreFixture.T0.plusSeconds(5),
                    TestIds.eventId()));
        } finally {
            first.close().await();
        }

        Vertx second = Vertx.vertx();
        try (PostgresStore store = PostgresStore.connect(second, database.urlText(), PostgresSettings.defaults())) {
            assertTrue(store.controlPlane().platform().paymentsEnabled());
            assertEquals(Optional.of(new BasisPoints(250)), store.controlPlane().platform().defaultFee());
            assertEquals(Optional.of(fixture.project()), store.controlPlane().project(fixture.projectId()));
            assertEquals(ApiKeyKind.SERVER,
                    store.controlPlane().apiKeyByHash(KeyHash.of(fixture.serverKey())).orElseThrow().kind());
            Payment found = store.ledger().find(payment.id()).orElseThrow();
            assertEquals(PaymentStatus.PROCESSING, found.status());
            assertEquals(payment.clientSecret(), found.clientSecret());
            assertEquals(2, store.ledger().history(payment.id()).size());
            assertEquals(2, store.outbox().unrelayed(10).size());
            CreationClaim replay = store.ledger().claimCreation(attempt, StoreFixture.T0.plus(Duration.ofDays(30)),
                    Duration.ofSeconds(30));
            assertEquals(payment.id(), assertInstanceOf(CreationClaim.AlreadyCreated.class, replay).payment().id());
        } finally {
            second.close().await();
        }
    }
}
