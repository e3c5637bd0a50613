package com.amba.payments.adapter.postgres;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Listens on {@code amba_control_plane} (the V2 triggers notify it when a control-plane table changes) over a
 * connection of its own, and tells the cache: every notification is a change; the connection going away, or a
 * heartbeat left unanswered, means changes may be missed from now on ({@code listening(false)}); listening again
 * after a reconnect means whatever was missed meanwhile must be forgotten ({@code listening(true)}).
 */
final class ControlPlaneListener implements AutoCloseable {

    static final String CHANNEL = "amba_control_plane";
    /** How many heartbeats a connection attempt may take before it is given up. */
    private static final int CONNECT_HEARTBEATS = 5;

    /** What the listener reports, from a Vert.x event loop. */
    interface Changes {
        void changed();

        void listening(boolean listening);
    }

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Changes changes;
    private final Duration heartbeat;
    private volatile PgConnection connection;
    private volatile boolean closed;
    private long heartbeatTimer = -1;
    private volatile long outstandingSince = -1;

    ControlPlaneListener(Vertx vertx, PgConnectOptions options, Changes changes, Duration heartbeat) {
        this.vertx = vertx;
        this.options = new PgConnectOptions(options).addProperty("application_name", "amba-payments-listener");
        this.changes = changes;
        this.heartbeat = heartbeat;
    }

    void start() {
        vertx.runOnContext(ignored -> connect());
        heartbeatTimer = vertx.setPeriodic(heartbeat.toMillis(), ignored -> beat());
    }

    private void connect() {
        if (closed) {
            return;
        }
        // A handshake that never finishes (a partition while connecting) is given up after a few heartbeats, so
        // the listener tries again instead of waiting on it forever; whenever it does finish, it is closed.
        AtomicBoolean settled = new AtomicBoolean();
        long watchdog = vertx.setTimer(heartbeat.toMillis() * CONNECT_HEARTBEATS, ignored -> {
            if (settled.compareAndSet(false, true)) {
                retryLater();
            }
        });
        PgConnection.connect(vertx, options).onComplete(connected -> {
            vertx.cancelTimer(watchdog);
            boolean inTime = settled.compareAndSet(false, true);
            if (connected.failed()) {
                if (inTime) {
                    retryLater();
                }
                return;
            }
            PgConnection opened = connected.result();
            if (closed || !inTime) {
                opened.close();
                return;
            }
            opened.notificationHandler(notification -> changes.changed());
            opened.closeHandler(ignored -> lost(opened));
            opened.query("LISTEN " + CHANNEL).execute().onComplete(listened -> {
                if (listened.failed() || closed) {
                    opened.close();
                    if (!closed) {
                        retryLater();
                    }
                    return;
                }
                connection = opened;
                outstandingSince = -1;
                changes.listening(true);
            });
        });
    }

    /** A connection that answers nothing for a whole heartbeat is given up, so a silent partition is noticed. */
    private void beat() {
        PgConnection current = connection;
        if (current == null || closed) {
            return;
        }
        if (outstandingSince >= 0) {
            if (System.nanoTime() - outstandingSince > heartbeat.toNanos()) {
                lost(current);
                current.close();
            }
            return;
        }
        long sent = System.nanoTime();
        outstandingSince = sent;
        current.query("SELECT 1").execute().onComplete(answered -> {
            if (answered.succeeded() && outstandingSince == sent) {
                outstandingSince = -1;
            }
        });
    }

    private void lost(PgConnection which) {
        if (connection != which) {
            return;
        }
        connection = null;
        outstandingSince = -1;
        changes.listening(false);
        retryLater();
    }

    private void retryLater() {
        if (!closed) {
            vertx.setTimer(heartbeat.toMillis(), ignored -> connect());
        }
    }

    @Override
    public void close() {
        closed = true;
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
        PgConnection current = connection;
        connection = null;
        if (current != null) {
            current.close();
        }
    }
}
