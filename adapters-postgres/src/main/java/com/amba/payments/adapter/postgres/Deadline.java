package com.amba.payments.adapter.postgres;

import java.time.Duration;

/** One budget for a whole port call, however many round trips it takes. */
record Deadline(long startNanos, long budgetNanos) {

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime(), budget.toNanos());
    }

    long remainingMillis() {
        long left = budgetNanos - (System.nanoTime() - startNanos);
        return left <= 0 ? 0 : Math.max(1, left / 1_000_000);
    }

    long budgetMillis() {
        return budgetNanos / 1_000_000;
    }
}
