package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.RefundLedger;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;

/**
 * PostgreSQL as Amba's system of record: the ledger, its outbox and the control plane on one database. Connecting
 * migrates the schema first (safe when several instances start at once), then opens bounded, lazily
 * reconnecting clients: the requests' (reads pipelined, writes and transactions pooled) and, apart, the background
 * work's (outbox relay, outgoing webhooks), so a request never queues behind a relay's batch. The ports block: call them from virtual or worker threads, never an event loop.
 */
public final class PostgresStore implements AutoCloseable {

    private final Database database;
    private final Database background;
    private final PostgresLedger ledger;
    private final PostgresOutbox outbox;
    private final PostgresControlPlane controlPlane;
    private final CachedControlPlane cachedControlPlane;
    private final ControlPlaneListener listener;
    private final RelayTurn relayTurn;
    private final PostgresRefunds refunds;
    private final PostgresWebhooks webhooks;

    private PostgresStore(Vertx vertx, Database database, Database background, PgConnectOptions listenAt,
                          ControlPlaneCaching caching, RelayTurn relayTurn) {
        this.database = database;
        this.background = background;
        this.ledger = new PostgresLedger(database);
        this.relayTurn = relayTurn;
        // The relay and the webhooks' fan-out and deliveries never share a connection with a request.
        this.outbox = new PostgresOutbox(background, relayTurn);
        this.controlPlane = new PostgresControlPlane(database);
        this.cachedControlPlane = new CachedControlPlane(controlPlane, caching.maxAge());
        this.listener = new ControlPlaneListener(vertx, listenAt, cachedControlPlane, caching.heartbeat());
        this.refunds = new PostgresRefunds(database);
        listener.start();
        this.webhooks = new PostgresWebhooks(background);
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
        return connect(vertx, url, settings, ControlPlaneCaching.defaults());
    }

    public static PostgresStore connect(Vertx vertx, DatabaseUrl url, PostgresSettings settings,
                                        ControlPlaneCaching caching) {
        Migrations.apply(url);
        PgConnectOptions listenAt = Database.connectOptions(caching.listenAt().orElse(url), settings);
        RelayTurn relayTurn = new RelayTurn(vertx, Database.connectOptions(url, settings), settings.callTimeout(),
                RELAY_HOLDER_LOST_AFTER);
        return new PostgresStore(vertx, Database.open(vertx, url, settings),
                Database.open(vertx, url, settings.forBackgroundWork(), "amba-background"), listenAt, caching, relayTurn);
    }

    /** A relay's turn held by an instance cut off from the database passes on after this long. */
    static final java.time.Duration RELAY_HOLDER_LOST_AFTER = java.time.Duration.ofSeconds(10);

    public Ledger ledger() {
        return ledger;
    }

    public Outbox outbox() {
        return outbox;
    }

    public RefundLedger refunds() {
        return refunds;
    }

    /** Every read is a round trip: what admin work and tests of the store itself use. */
    public ControlPlane controlPlane() {
        return controlPlane;
    }

    /**
     * The same control plane with its hot reads (keys, projects, platform) held in memory and forgotten on every
     * change any instance commits (LISTEN/NOTIFY): what the request paths use.
     */
    public ControlPlane cachedControlPlane() {
        return cachedControlPlane;
    }

    /** Whether the cache is listening for changes right now (else it reads through). */
    public boolean isListeningForChanges() {
        return cachedControlPlane.isListening();
    }

    /** Outgoing webhooks' endpoints and deliveries (one object serves both ports). */
    public PostgresWebhooks webhooks() {
        return webhooks;
    }

    /** The pool behind writes and transactions, as it is now (for /metrics). */
    public PoolUsage poolUsage() {
        return database.poolUsage();
    }

    /** For {@code /health/ready}: one round trip within the readiness budget; never throws. */
    public boolean isReachable() {
        return database.isReachable();
    }

    /** Closes both clients; the Vert.x instance stays the caller's. */
    @Override
    public void close() {
        listener.close();
        relayTurn.close();
        background.close();
        database.close();
    }
}
