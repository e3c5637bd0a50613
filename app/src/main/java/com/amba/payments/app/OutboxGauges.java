package com.amba.payments.app;

import com.amba.payments.domain.port.in.WatchOutbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The relay's progress on /metrics: {@code amba_outbox_backlog} (events recorded, not yet relayed) and
 * {@code amba_outbox_oldest_age_seconds} (how long the oldest of them has waited), as last looked at by the
 * outbox watch, so a scrape never waits on the store.
 */
final class OutboxGauges {

    private OutboxGauges() {
    }

    static void register(WatchOutbox watch, MeterRegistry registry) {
        Gauge.builder("amba.outbox.backlog", watch, w -> w.lastBacklog())
                .description("Ledger changes recorded in the outbox and not yet relayed downstream")
                .register(registry);
        Gauge.builder("amba.outbox.oldest.age", watch, w -> w.lastOldestAge().toNanos() / 1e9)
                .description("How long the oldest unrelayed outbox entry has waited")
                .baseUnit("seconds")
                .register(registry);
    }
}
