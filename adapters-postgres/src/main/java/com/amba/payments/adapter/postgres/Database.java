package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.port.out.StoreUnavailable;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The synchronous face of vertx-pg-client for the ports, which are plain blocking Java (and, for the one read that
 * an event loop makes, {@link #runWithoutWaiting}, its asynchronous face). Single reads (and the
 * rarer single writes) go through a pipelined client; the create's writes and multi-statement work through a
 * pool of connections ({@link #write}, {@link #inTransaction}). Every call
 * has one deadline: past it, or on any connection failure, the caller gets {@link StoreUnavailable} and is
 * never left hanging. Both clients reconnect lazily, so the adapter recovers by itself when the database
 * returns.
 */
final class Database {

    /** What a transaction's work decided: commit with this value, or roll back and still answer it. */
    record Decision<T>(T value, boolean commit) {
        static <T> Decision<T> commit(T value) {
            return new Decision<>(value, true);
        }

        static <T> Decision<T> rollback(T value) {
            return new Decision<>(value, false);
        }
    }

    /** The statements of one transaction, each run on its connection within the call's deadline. */
    interface Statements {
        RowSet<Row> run(String sql, Tuple parameters);
    }

    /** Work done inside one transaction, written as plain blocking steps. */
    interface TransactionWork<T> {
        Decision<T> run(Statements statements);
    }

    private final SqlClient pipelined;
    private final Pool transactional;
    private final PostgresSettings settings;
    /** Callers waiting for a pooled connection, and connections they hold: what {@link #poolUsage()} reports. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger inUse = new AtomicInteger();

    private Database(SqlClient pipelined, Pool transactional, PostgresSettings settings) {
        this.pipelined = pipelined;
        this.transactional = transactional;
        this.settings = settings;
    }

    /** The pool of connections behind {@link #write} and {@link #inTransaction}, as it is now. */
    PoolUsage poolUsage() {
        int used = inUse.get();
        return new PoolUsage(used, Math.max(0, transactional.size() - used), waiting.get(),
                settings.transactionalConnections());
    }

    static Database open(Vertx vertx, DatabaseUrl url, PostgresSettings settings) {
        return open(vertx, url, settings, "amba");
    }

    /** @param name the pools' names begin with it ({@code amba}, {@code amba-background}) */
    static Database open(Vertx vertx, DatabaseUrl url, PostgresSettings settings, String name) {
        PgConnectOptions connect = connectOptions(url, settings);
        NetClientOptions network = networkOptions(settings);
        SqlClient pipelined = PgBuilder.client()
                .with(poolOptions(settings, settings.pipelinedConnections(), name + "-pipelined"))
                .with(network)
                .connectingTo(connect)
                .using(vertx)
                .build();
        Pool transactional = PgBuilder.pool()
                .with(poolOptions(settings, settings.transactionalConnections(), name + "-transactional"))
                .with(network)
                .connectingTo(connect)
                .using(vertx)
                .build();
        return new Database(pipelined, transactional, settings);
    }

    /** One statement on the pipelined client. */
    RowSet<Row> run(String sql, Tuple parameters) {
        return await(pipelined.preparedQuery(sql).execute(parameters), Deadline.after(settings.callTimeout()));
    }

    /**
     * One statement on the pipelined client for a caller that must not wait, an event loop: it returns at once,
     * and the stage completes on the caller's Vert.x context when the database answers, or fails with
     * {@link StoreUnavailable} on any failure or once the call's budget is spent, as {@link #run} would throw.
     */
    CompletionStage<RowSet<Row>> runWithoutWaiting(String sql, Tuple parameters) {
        long budget = settings.callTimeout().toMillis();
        return pipelined.preparedQuery(sql).execute(parameters)
                .timeout(budget, TimeUnit.MILLISECONDS)
                .<RowSet<Row>>transform(answer -> answer.succeeded() ? Future.succeededFuture(answer.result())
                        : Future.failedFuture(answer.cause() instanceof TimeoutException late
                                ? noAnswerWithin(budget, late) : Failures.translate(answer.cause())))
                .toCompletionStage();
    }

    /**
     * One statement that commits (autocommitted), on a pooled connection of its own. A pipelined connection runs
     * its statements one after another, each waiting for its own WAL flush, and a read queued behind them waits
     * too; pooled writes flush side by side (PostgreSQL commits concurrent ones together) and reads stay on the
     * pipelined client.
     */
    RowSet<Row> write(String sql, Tuple parameters) {
        Deadline deadline = Deadline.after(settings.callTimeout());
        return await(borrow().compose(connection -> connection.preparedQuery(sql).execute(parameters)
                .andThen(done -> release(connection))), deadline);
    }

    /** A pooled connection, counted as waiting until the pool grants it and in use until {@link #release}. */
    private Future<SqlConnection> borrow() {
        waiting.incrementAndGet();
        return transactional.getConnection().andThen(granted -> {
            waiting.decrementAndGet();
            if (granted.succeeded()) {
                inUse.incrementAndGet();
            }
        });
    }

    private void release(SqlConnection connection) {
        inUse.decrementAndGet();
        connection.close();
    }

    /**
     * Runs {@code work} in one transaction on one connection, all within one deadline. Commit is sent only
     * when the work finished in time; if it did not, the caller gets {@link StoreUnavailable} and the
     * transaction is rolled back behind its back, so "unavailable" keeps its promise that nothing changed.
     * The transaction never outlives the call, so no caller can hold one open across a provider call.
     */
    <T> T inTransaction(TransactionWork<T> work) {
        Deadline deadline = Deadline.after(settings.callTimeout());
        Future<SqlConnection> borrowing = borrow();
        SqlConnection connection;
        try {
            connection = await(borrowing, deadline);
        } catch (RuntimeException e) {
            // A connection granted after we gave up must go back to the pool, not leak out of it.
            borrowing.onSuccess(this::release);
            throw e;
        }
        Transaction transaction;
        try {
            transaction = await(connection.begin(), deadline);
        } catch (RuntimeException e) {
            release(connection);
            throw e;
        }
        boolean ended = false;
        try {
            Decision<T> decision = work.run((sql, parameters) ->
                    await(connection.preparedQuery(sql).execute(parameters), deadline));
            await(decision.commit() ? transaction.commit() : transaction.rollback(), deadline);
            ended = true;
            return decision.value();
        } finally {
            if (ended) {
                release(connection);
            } else {
                // Queued behind whatever statement is still running; the connection returns to the pool after.
                transaction.rollback().onComplete(done -> release(connection));
            }
        }
    }

    /** A cheap round trip with the readiness budget; false on any failure. */
    boolean isReachable() {
        try {
            await(pipelined.query("SELECT 1").execute(), Deadline.after(settings.readinessTimeout()));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    void close() {
        Future<Void> closed = Future.join(pipelined.close(), transactional.close()).mapEmpty();
        try {
            closed.await(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | RuntimeException e) {
            // Closing gives up its sockets either way; a slow goodbye from the server changes nothing.
        }
    }

    static <T> T await(Future<T> pending, Deadline deadline) {
        if (Context.isOnEventLoopThread()) {
            // Blocking an event loop would stall every connection it serves; the ports run on virtual threads.
            throw new IllegalStateException("the PostgreSQL ports block: call them from a virtual or worker thread");
        }
        long remaining = deadline.remainingMillis();
        if (remaining <= 0) {
            throw noAnswerWithin(deadline.budgetMillis(), null);
        }
        try {
            return pending.await(remaining, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw noAnswerWithin(deadline.budgetMillis(), e);
        } catch (Exception e) {
            // Future.await rethrows the failure as it is, checked ones too (a refused connection is an IOException).
            throw Failures.translate(e);
        }
    }

    private static StoreUnavailable noAnswerWithin(long budgetMillis, TimeoutException late) {
        return new StoreUnavailable("the database did not answer within " + budgetMillis + " ms", late);
    }

    static PgConnectOptions connectOptions(DatabaseUrl url, PostgresSettings settings) {
        Map<String, String> properties = new HashMap<>(PgConnectOptions.DEFAULT_PROPERTIES);
        properties.put("application_name", "amba-payments");
        // The server gives up on a statement no later than the caller does, and drops a session whose client
        // vanished mid-transaction, so no lock outlives the request that took it.
        properties.put("statement_timeout", Long.toString(settings.statementTimeout().toMillis()));
        properties.put("idle_in_transaction_session_timeout",
                Long.toString(settings.silentSocketTimeout().toMillis()));
        PgConnectOptions options = new PgConnectOptions()
                .setHost(url.host())
                .setPort(url.port())
                .setDatabase(url.database())
                .setUser(url.user())
                .setPipeliningLimit(settings.pipeliningLimit())
                .setCachePreparedStatements(true)
                .setPreparedStatementCacheMaxSize(256)
                .setProperties(properties);
        url.password().ifPresent(options::setPassword);
        url.sslMode().ifPresent(mode -> options.setSslMode(SslMode.of(mode)));
        return options;
    }

    private static NetClientOptions networkOptions(PostgresSettings settings) {
        return new NetClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setTcpKeepAlive(true)
                .setReadIdleTimeout((int) settings.silentSocketTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    private static PoolOptions poolOptions(PostgresSettings settings, int size, String name) {
        return new PoolOptions()
                .setName(name)
                .setMaxSize(size)
                .setMaxWaitQueueSize(settings.waitQueueSize())
                .setConnectionTimeout((int) settings.callTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout((int) settings.idleConnectionTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setPoolCleanerPeriod(500);
    }
}
