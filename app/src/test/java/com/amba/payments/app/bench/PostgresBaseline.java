package com.amba.payments.app.bench;

import com.amba.payments.adapter.postgres.DatabaseUrl;
import com.amba.payments.adapter.postgres.ScratchDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;

/**
 * The floor under the service's PostgreSQL numbers: one autocommitted single-row INSERT, or one SELECT by
 * primary key, on a scratch table shaped like a payment, through vertx-pg-client awaited from a virtual thread
 * (as the service's adapter does), with as many connections as the service's two clients have together.
 * No HTTP, no transaction, no idempotency bookkeeping.
 */
final class PostgresBaseline implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 5;
    private static final String PROJECT = "prj_bench";

    private final ScratchDatabase database;
    private final Vertx vertx;
    private final Pool pool;
    private final String idPrefix;
    private final Queue<String> inserted = new ConcurrentLinkedQueue<>();
    /** Keys never repeat, across every search step of the run. */
    private final AtomicLong sequence = new AtomicLong();

    private PostgresBaseline(ScratchDatabase database, Vertx vertx, Pool pool, String runId) {
        this.database = database;
        this.vertx = vertx;
        this.pool = pool;
        this.idPrefix = "pi_bench_" + runId + "_";
    }

    /** {@code connections}: as many as the service's two clients hold together (12 + 2 by default). */
    static PostgresBaseline start(String runId, int connections) {
        ScratchDatabase database = ScratchDatabase.create();
        database.execute("CREATE TABLE bench_payments (id text PRIMARY KEY, project_id text NOT NULL,"
                + " amount bigint NOT NULL, currency text NOT NULL, client_reference text NOT NULL,"
                + " created_at timestamptz NOT NULL DEFAULT now())");
        DatabaseUrl url = database.url();
        PgConnectOptions connect = new PgConnectOptions().setHost(url.host()).setPort(url.port())
                .setDatabase(url.database()).setUser(url.user()).setCachePreparedStatements(true);
        url.password().ifPresent(connect::setPassword);
        Vertx vertx = Vertx.vertx();
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(connections).setMaxWaitQueueSize(-1))
                .connectingTo(connect).using(vertx).build();
        return new PostgresBaseline(database, vertx, pool, runId);
    }

    Operation insert() {
        return index -> {
            String id = idPrefix + sequence.incrementAndGet();
            await(pool.preparedQuery("INSERT INTO bench_payments"
                            + " (id, project_id, amount, currency, client_reference) VALUES ($1, $2, $3, $4, $5)")
                    .execute(Tuple.of(id, PROJECT, PaymentsApiCalls.AMOUNT, PaymentsApiCalls.CURRENCY,
                            "ref-" + index)));
            inserted.add(id);
        };
    }

    /** Reads the rows {@link #insert} wrote, round robin; call after the insert scenario. */
    Operation selectByKey() {
        List<String> ids = List.copyOf(inserted);
        if (ids.isEmpty()) {
            throw new IllegalStateException("no row was inserted, so there is none to select");
        }
        return index -> {
            RowSet<Row> found = await(pool.preparedQuery("SELECT id, project_id, amount, currency, client_reference,"
                    + " created_at FROM bench_payments WHERE id = $1").execute(Tuple.of(ids.get((int) (index % ids.size())))));
            if (found.size() != 1) {
                throw new Operation.Failed("row not found");
            }
        };
    }

    private static <T> T await(Future<T> pending) throws Exception {
        return pending.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        pool.close().await();
        vertx.close().await();
        database.close();
    }
}
