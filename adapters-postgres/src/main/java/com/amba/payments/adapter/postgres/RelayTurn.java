package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.port.out.StoreUnavailable;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;

/**
 * One outbox relay at a time across every instance on the database: the relay's turn is a session-level
 * advisory lock held on a connection of its own. A killed instance's socket closes and the server ends its
 * session at once, so the lock moves on; a holder cut off silently is ended by the server after
 * {@code idle_session_timeout} (the holder's own check every relay tick keeps a live session busy). A holder
 * that cannot reach its session stops relaying before the next batch. The turn only saves duplicates:
 * per-payment order never depends on it (docs/decisions.md).
 */
final class RelayTurn implements AutoCloseable {

    /** The advisory lock key of the relay's turn (an arbitrary constant, the same in every instance). */
    static final long LOCK_KEY = 0x616d6261_72656c61L;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Duration callTimeout;
    private PgConnection connection;
    private boolean held;
    private boolean closed;

    RelayTurn(Vertx vertx, PgConnectOptions options, Duration callTimeout, Duration lostHolderTimeout) {
        this.vertx = vertx;
        this.options = new PgConnectOptions(options)
                .addProperty("application_name", "amba-payments-relay-turn")
                .addProperty("idle_session_timeout", Long.toString(lostHolderTimeout.toMillis()));
        this.callTimeout = callTimeout;
    }

    /** Whether this instance has the turn now; takes it when nobody has. Never throws. */
    synchronized boolean holds() {
        if (closed) {
            return false;
        }
        try {
            Deadline deadline = Deadline.after(callTimeout);
            if (connection == null) {
                connection = Database.await(PgConnection.connect(vertx, options), deadline);
                held = false;
            }
            if (held) {
                Database.await(connection.query("SELECT 1").execute(), deadline);
                return true;
            }
            Row answer = Database.await(connection.preparedQuery("SELECT pg_try_advisory_lock($1) AS taken")
                    .execute(Tuple.of(LOCK_KEY)), deadline).iterator().next();
            held = answer.getBoolean("taken");
            return held;
        } catch (StoreUnavailable e) {
            drop();
            return false;
        }
    }

    private void drop() {
        held = false;
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        drop();
    }
}
