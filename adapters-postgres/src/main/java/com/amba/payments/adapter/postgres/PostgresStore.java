package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import io.vertx.core.Vertx;

/**
 * PostgreSQL as Amba's system of record: the ledger, its outbox and the control plane on one database. Connecting
 * migrates the schema first (safe when several instances start at once), then opens bounded, lazily
 * reconnecting clients. The ports block: call them from virtual or worker threads, never an event loop.
 */
public final class PostgresStore implements AutoCloseable {

    private final Database database;
    private final PostgresLedger ledger;
    private final PostgresOutbox outbox;
    private final PostgresControlPlane controlPlane;

    private PostgresStore(Database database) {
        this.database = database;
        this.ledger = new PostgresLedger(database);
        this.outbox = new PostgresOutbox(database);
        this.controlPlane = new PostgresControlPlane(database);
    }

    /**
     * @param databaseUrl {@code postgresql://user[:password]@host:port/db}
     * @throws IllegalArgumentException when the url is malformed
     * @throws IllegalStateException    when the schema cannot be migrated (database unreachable, a bad script)
     */
    public static PostgresStore connect(Vertx vertx, String databaseUrl, PostgresSettings settings) {
        return connect(vertx, DatabaseUrl.parse(databaseUrl), settings);
    }

    public static PostgresStore connect(Vertx vertx, DatabaseUrl url, PostgresSettings settings) {
        Migrations.apply(url);
        return new PostgresStore(Database.open(vertx, url, settings));
    }

    public Ledger ledger() {
        return ledger;
    }

    public Outbox outbox() {
        return outbox;
    }

    public ControlPlane controlPlane() {
        return controlPlane;
    }

    /** For {@code /health/ready}: one round trip within the readiness budget; never throws. */
    public boolean isReachable() {
        return database.isReachable();
    }

    /** Closes both clients; the Vert.x instance stays the caller's. */
    @Override
    public void close() {
        database.close();
    }
}
