package com.amba.payments.domain.service;

import com.amba.payments.domain.model.OutboxBacklog;
import com.amba.payments.domain.port.in.WatchOutbox;
import com.amba.payments.domain.port.out.Outbox;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The relay must not fall behind silently: the outbox's backlog and the age of its oldest unsent entry are
 * looked at on a schedule (for /metrics, without a store call per scrape), and an entry older than
 * {@code bound} is logged as a WARNING each time it is seen.
 */
public final class OutboxWatchService implements WatchOutbox {

    private static final System.Logger LOG = System.getLogger(OutboxWatchService.class.getName());

    private final Outbox outbox;
    private final InstantSource clock;
    private final Duration bound;
    private volatile long backlog;
    private volatile Duration oldestAge = Duration.ZERO;

    public OutboxWatchService(Outbox outbox, InstantSource clock, Duration bound) {
        this.outbox = outbox;
        this.clock = clock;
        this.bound = bound;
    }

    @Override
    public OutboxBacklog look() {
        OutboxBacklog now = outbox.backlog();
        Instant at = clock.instant();
        backlog = now.entries();
        oldestAge = now.oldestAge(at);
        if (oldestAge.compareTo(bound) > 0) {
            LOG.log(Level.WARNING, "outbox relay is behind: {0} events wait, the oldest for {1} ms (bound {2} ms)",
                    now.entries(), oldestAge.toMillis(), bound.toMillis());
        }
        return now;
    }

    @Override
    public long lastBacklog() {
        return backlog;
    }

    @Override
    public Duration lastOldestAge() {
        return oldestAge;
    }
}
