package com.amba.payments.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One outbox relay at a time across instances on one database: the first to ask has the turn and keeps it, the
 * other waits; when the holder goes away (closed, or its session ended by the server as a killed process's
 * is), the other takes the turn at its next try.
 */
class RelayTurnTest {

    private final ExecutorService caller = Executors.newVirtualThreadPerTaskExecutor();
    private ScratchDatabase database;
    private Vertx vertx;
    private PostgresStore east;
    private PostgresStore west;

    @BeforeEach
    void twoInstances() {
        database = ScratchDatabase.create();
        vertx = Vertx.vertx();
        east = PostgresStore.connect(vertx, database.url(), PostgresSettings.defaults());
        west = PostgresStore.connect(vertx, database.url(), PostgresSettings.defaults());
    }

    @AfterEach
    void stop() {
        west.close();
        east.close();
        vertx.close().await();
        database.close();
        caller.close();
    }

    @Test
    void theFirstToAskHasTheTurnAndKeepsItTheOtherWaits() throws Exception {
        assertTrue(call(() -> east.outbox().hasRelayTurn()));
        assertFalse(call(() -> west.outbox().hasRelayTurn()));
        assertTrue(call(() -> east.outbox().hasRelayTurn()), "kept");
        assertFalse(call(() -> west.outbox().hasRelayTurn()));
    }

    @Test
    void theTurnPassesOnWhenTheHolderCloses() throws Exception {
        assertTrue(call(() -> east.outbox().hasRelayTurn()));

        east.close();

        eventually(() -> call(() -> west.outbox().hasRelayTurn()), "the other instance takes the turn");
    }

    @Test
    void theTurnPassesOnWhenTheServerEndsTheHoldersSessionAndTheHolderNoticesItLostIt() throws Exception {
        assertTrue(call(() -> east.outbox().hasRelayTurn()));

        // What a killed process or a dead network looks like from the server: the holder's session is gone.
        database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE application_name = 'amba-payments-relay-turn' AND datname = current_database()");

        eventually(() -> call(() -> west.outbox().hasRelayTurn()), "the other instance takes the turn");
        assertFalse(call(() -> east.outbox().hasRelayTurn()), "the old holder knows it lost the turn");
    }

    /** The ports block, so they are called off the test's thread as the service calls them. */
    private boolean call(Callable<Boolean> port) throws Exception {
        return caller.submit(port).get();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void eventually(Check check, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(50);
        }
        assertTrue(check.holds(), what);
    }
}
