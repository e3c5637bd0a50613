package com.amba.payments.adapter.postgres;

import java.time.Duration;

/**
 * How the adapter talks to PostgreSQL. Every wait is bounded so that a missing or slow database turns into
 * {@link com.amba.payments.domain.port.out.StoreUnavailable} well inside the HTTP layer's two-second budget.
 *
 * @param transactionalConnections pooled connections for multi-statement transactions
 * @param pipelinedConnections     connections of the pipelined client that serves single statements
 * @param pipeliningLimit          statements in flight per pipelined connection
 * @param waitQueueSize            callers allowed to queue for a connection; beyond that they fail at once
 * @param callTimeout              the most a port call may take, waiting for a connection included
 * @param connectTimeout           TCP connect to the database
 * @param statementTimeout         the server cancels a statement that runs longer (a slow database)
 * @param idleConnectionTimeout    a pooled connection unused this long is closed, so a dead socket is not reused
 * @param silentSocketTimeout      a socket that has received nothing this long is closed (a black-holed network)
 * @param readinessTimeout         the readiness probe's budget
 */
public record PostgresSettings(int transactionalConnections, int pipelinedConnections, int pipeliningLimit,
                               int waitQueueSize, Duration callTimeout, Duration connectTimeout,
                               Duration statementTimeout, Duration idleConnectionTimeout,
                               Duration silentSocketTimeout, Duration readinessTimeout) {

    public PostgresSettings {
        if (transactionalConnections < 1 || pipelinedConnections < 1 || pipeliningLimit < 1 || waitQueueSize < 1) {
            throw new IllegalArgumentException("pool sizes, pipelining limit and wait queue must be positive");
        }
        requirePositive(callTimeout, "call timeout");
        requirePositive(connectTimeout, "connect timeout");
        requirePositive(statementTimeout, "statement timeout");
        requirePositive(idleConnectionTimeout, "idle connection timeout");
        requirePositive(silentSocketTimeout, "silent socket timeout");
        requirePositive(readinessTimeout, "readiness timeout");
        if (statementTimeout.compareTo(callTimeout) > 0) {
            // The server must give up no later than the caller, or a statement outlives its StoreUnavailable.
            throw new IllegalArgumentException("statement timeout must not exceed the call timeout");
        }
    }

    /**
     * Sized for one service instance on a small host: fourteen connections for requests (and three for
     * background work, {@link #forBackgroundWork}), a call budget of 1.5 s
     * (the HTTP layer answers 503 within 2 s), and a socket that has heard nothing for 5 s is presumed dead.
     * Twelve transactional connections, from a sweep on the 2-core benchmark machine (docs/benchmarks.md): creates at
     * 500/s waiting 120 ms on the provider had p99 154-163 ms with 6, 131-134 ms with 12, 150 ms with 16.
     */
    public static PostgresSettings defaults() {
        return new PostgresSettings(12, 2, 256, 512, Duration.ofMillis(1500), Duration.ofMillis(1000),
                Duration.ofMillis(1000), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofMillis(500));
    }

    /**
     * Connections of the background work (outbox relay and watch, outgoing webhooks' fan-out and deliveries): two
     * pooled and one pipelined, apart from the requests' clients. The relay's and the fan-out's updates of the
     * same outbox rows wait for each other's locks, up to a second in a flash sale (JFR: the relay's UPDATE
     * parked 1010 ms); on the requests' pipelined connection every read queued behind it waited as long.
     */
    public PostgresSettings forBackgroundWork() {
        return withConnections(BACKGROUND_POOLED, BACKGROUND_PIPELINED);
    }

    static final int BACKGROUND_POOLED = 2;
    static final int BACKGROUND_PIPELINED = 1;

    /** The same settings with other pool sizes (the benchmark's pool-size sweep). */
    public PostgresSettings withConnections(int transactional, int pipelined) {
        return new PostgresSettings(transactional, pipelined, pipeliningLimit, waitQueueSize, callTimeout,
                connectTimeout, statementTimeout, idleConnectionTimeout, silentSocketTimeout, readinessTimeout);
    }

    private static void requirePositive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
