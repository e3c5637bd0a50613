package com.amba.payments.app;

import com.amba.payments.domain.port.in.SweepOrphans;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts the orphan intents the sweep canceled on /metrics: {@code amba_orphan_intents_canceled_total}. */
final class MeteredOrphanSweep implements SweepOrphans {

    private final SweepOrphans sweep;
    private final Counter canceled;

    MeteredOrphanSweep(SweepOrphans sweep, MeterRegistry registry) {
        this.sweep = sweep;
        this.canceled = Counter.builder("amba.orphan.intents.canceled")
                .description("Provider intents Amba created but never recorded, canceled after the grace period")
                .register(registry);
    }

    @Override
    public int sweepOnce() {
        int count = sweep.sweepOnce();
        canceled.increment(count);
        return count;
    }
}
