package com.amba.payments.adapter.postgres;

import static com.amba.payments.domain.testing.Payments.aPayment;
import static com.amba.payments.domain.testing.Payments.createdEvent;
import static com.amba.payments.domain.testing.Payments.moveByEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.RequestFingerprint;
import com.amba.payments.domain.port.out.StoreUnavailable;
import com.amba.payments.domain.testing.TestIds;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database goes away and comes back, through a proxy the test breaks: every call fails fast with
 * StoreUnavailable (the HTTP layer's 503 within 2 s) and the adapter recovers by itself, with no payment lost or
 * written twice.
 */
class FaultTest {

    private static final Duration PER_CALL = Duration.ofSeconds(2);
    private static final Duration RECOVERY = Duration.ofSeconds(10);

    private ScratchDatabase database;
    private TcpProxy proxy;
    private Vertx vertx;
    private PostgresStore store;
    private StoreFixture fixture;

    @BeforeEach
    void storeBehindAProxy() throws Exception {
        database = ScratchDatabase.create();
        proxy = TcpProxy.to(database.url().host(), database.url().port());
        vertx = Vertx.vertx();
        store = PostgresStore.connect(vertx, database.url().withAddress("127.0.0.1", proxy.port()),
                PostgresSettings.defaults());
        fixture = StoreFixture.readyProject(store.controlPlane());
    }

    @AfterEach
    void tearDown() {
        store.close();
        vertx.close().await();
        proxy.close();
        database.close();
    }

    @Test
    void aCutDatabaseFailsEveryCallFastAndTheAdapterRecoversWithoutLosingOrDoublingPayments() {
        breakAndHeal(proxy::cut);
    }

    @Test
    void aBlackHoledNetworkFailsEveryCallFastAndTheAdapterRecoversWithoutLosingOrDoublingPayments() {
        breakAndHeal(ignored -> proxy.blackHole());
    }

    @Test
    void aServerThatRefusesConnectionsFailsEveryCallFast() {
        proxy.close();

        failsFast("find", () -> store.ledger().find(TestIds.paymentId()));
        failsFast("platform", () -> store.controlPlane().platform());
        failsFast("recordCreation", () -> {
            Payment payment = newPayment();
            store.ledger().recordCreation(Optional.empty(), payment, createdEvent(payment));
        });
        assertFalse(store.isReachable());
    }

    private void breakAndHeal(Runnable breakIt) {
        breakAndHeal((Consumer<Void>) ignored -> breakIt.run());
    }

    private void breakAndHeal(Consumer<Void> breakIt) {
        Map<Payment, Boolean> recorded = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            Payment before = newPayment();
            store.ledger().recordCreation(Optional.empty(), before, createdEvent(before));
            recorded.put(before, true);
        }
        Payment moving = recorded.keySet().iterator().next();

        breakIt.accept(null);

        List<Payment> failedDuringOutage = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Payment during = newPayment();
            failsFast("recordCreation", () -> store.ledger().recordCreation(Optional.empty(), during,
                    createdEvent(during)));
            failedDuringOutage.add(during);
        }
        failsFast("find", () -> store.ledger().find(moving.id()));
        failsFast("record", () -> store.ledger().record(moveByEvent(moving, PaymentStatus.PROCESSING,
                StoreFixture.T0.plusSeconds(1), TestIds.eventId())));
        failsFast("claimCreation", () -> store.ledger().claimCreation(CreationAttempt.of(fixture.projectId(),
                new ClientReference("order-x"), RequestFingerprint.of(2_000, "usd", "", "")),
                StoreFixture.T0, Duration.ofSeconds(30)));
        failsFast("platform", () -> store.controlPlane().platform());
        failsFast("apiKeyByHash", () -> store.controlPlane().apiKeyByHash(KeyHash.of(fixture.serverKey())));
        failsFast("unrelayed", () -> store.outbox().unrelayed(10));
        failsFast("standingWithoutWaiting", () -> answerOf(store.refunds().standingWithoutWaiting(moving.id())));
        long probe = System.nanoTime();
        assertFalse(store.isReachable());
        assertTrue(Duration.ofNanos(System.nanoTime() - probe).compareTo(PER_CALL) < 0, "readiness answers fast");

        proxy.restore();

        awaitRecovery();
        for (Payment retried : failedDuringOutage) {
            assertEquals(retried, store.ledger().recordCreation(Optional.empty(), retried, createdEvent(retried)));
        }
        assertEquals(PaymentStatus.REQUIRES_PAYMENT_METHOD, store.ledger().find(moving.id()).orElseThrow().status(),
                "the transition that failed during the outage did not happen");
        assertEquals(6, database.count("SELECT count(*) FROM payments"));
        assertEquals(6, database.count("SELECT count(DISTINCT id) FROM payments"));
        assertEquals(6, database.count("SELECT count(*) FROM payment_status_history"));
        assertEquals(6, database.count("SELECT count(*) FROM outbox"));
        assertEquals(0, database.count("SELECT count(*) FROM inbox"));
        assertEquals(0, database.count("SELECT count(*) FROM creation_attempts"));
    }

    private Payment newPayment() {
        return aPayment().inProject(fixture.projectId()).build();
    }

    private static void failsFast(String call, Runnable action) {
        long started = System.nanoTime();
        try {
            action.run();
            fail(call + " answered although the database is unreachable");
        } catch (StoreUnavailable expected) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(PER_CALL) < 0, call + " took " + took.toMillis() + " ms to fail");
        }
    }

    /** What the stage completed with; the failure it completed with, as it is, when it failed. */
    private static <T> T answerOf(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(RECOVERY.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("the stage never completed", e);
        }
    }

    /** The pools reconnect by themselves; nothing is restarted or reset. */
    private void awaitRecovery() {
        long started = System.nanoTime();
        while (true) {
            try {
                store.controlPlane().platform();
                store.ledger().find(TestIds.paymentId());
                System.out.printf("recovered %d ms after the database came back%n",
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return;
            } catch (StoreUnavailable e) {
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(RECOVERY) > 0) {
                    fail("the adapter did not recover within " + RECOVERY.toSeconds() + " s", e);
                }
            }
        }
    }
}
