package com.amba.payments.app;

import com.amba.payments.domain.port.in.ReconcilePayments;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The reconciler's sweeps and what they fixed: {@code amba_reconciler_runs_total} and
 * {@code amba_reconciler_fixes_total} (payments a sweep moved because the provider said more than the ledger knew).
 */
final class MeteredReconciler implements ReconcilePayments {

    private final ReconcilePayments reconciler;
    private final Counter runs;
    private final Counter fixes;

    MeteredReconciler(ReconcilePayments reconciler, MeterRegistry registry) {
        this.reconciler = reconciler;
        this.runs = Counter.builder("amba.reconciler.runs").description("Reconciler sweeps").register(registry);
        this.fixes = Counter.builder("amba.reconciler.fixes")
                .description("Payments a reconciler sweep moved to what the provider said").register(registry);
    }

    @Override
    public int reconcileOnce() {
        int moved = reconciler.reconcileOnce();
        runs.increment();
        fixes.increment(moved);
        return moved;
    }
}
