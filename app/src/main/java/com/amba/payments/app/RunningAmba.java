package com.amba.payments.app;

import com.amba.payments.domain.port.in.SweepOrphans;
import com.amba.payments.domain.service.OutboxRelayService;
import io.vertx.core.Vertx;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;

/** A started service: where it listens, the dev-mode credentials, its parts, and how to stop it. */
public final class RunningAmba implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RunningAmba.class.getName());

    private final Vertx vertx;
    private final Background background;
    private final int port;
    private final String adminToken;
    private final String webhookSecret;
    private final Optional<DemoCredentials> demo;
    private final Parts parts;
    private final OutboxRelayService relay;
    private final SweepOrphans orphans;
    /** Closed before Vert.x: outgoing webhooks' dispatcher and sender, so no attempt starts on a closing client. */
    private final List<AutoCloseable> stopFirst;

    private final long startedAtNanos = System.nanoTime();
    private volatile boolean closed;

    RunningAmba(Vertx vertx, Background background, int port, String adminToken, String webhookSecret,
                Optional<DemoCredentials> demo, Parts parts, OutboxRelayService relay, SweepOrphans orphans,
                List<AutoCloseable> stopFirst) {
        this.stopFirst = List.copyOf(stopFirst);
        this.webhookSecret = webhookSecret;
        this.vertx = vertx;
        this.background = background;
        this.port = port;
        this.adminToken = adminToken;
        this.demo = demo;
        this.parts = parts;
        this.relay = relay;
        this.orphans = orphans;
    }

    public int port() {
        return port;
    }

    public String adminToken() {
        return adminToken;
    }

    /** The secret webhooks are verified with (the configured one, or dev mode's sandbox secret). */
    public String webhookSecret() {
        return webhookSecret;
    }

    public Optional<DemoCredentials> demo() {
        return demo;
    }

    public Parts parts() {
        return parts;
    }

    /** Relays whatever the outbox holds now, instead of waiting for the next tick. */
    public int relayNow() {
        return relay.drain();
    }

    /** Looks for orphan intents now, instead of waiting for the next tick; answers how many it canceled. */
    public int sweepOrphansNow() {
        return orphans.sweepOnce();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        background.close();
        closeAll(stopFirst);
        closeAll(vertx, parts);
        LOG.log(Level.INFO, ServiceReport.stopped(parts, java.time.Duration.ofNanos(System.nanoTime() - startedAtNanos)));
    }

    /**
     * The HTTP servers first (no request is served any more), then each part's resources while the Vert.x they run
     * on is still open (a PostgreSQL client closed after it failed with "event executor terminated"), then Vert.x;
     * one that fails is only logged.
     */
    static void closeAll(Vertx vertx, Parts parts) {
        stopServing(vertx);
        closeAll(parts.closeables());
        vertx.close().await();
    }

    private static void stopServing(Vertx vertx) {
        for (String deployment : vertx.deploymentIDs()) {
            try {
                vertx.undeploy(deployment).await();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not stop deployment " + deployment + ": " + e.getMessage());
            }
        }
    }

    /** Closes each in turn; one that fails to close is logged and does not keep the others open. */
    static void closeAll(java.util.List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "could not close " + resource.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
