package com.amba.payments.adapter.kafka;

import java.time.Duration;

/** Waits that double from {@code first} up to {@code max}, so a ledger outage is not hammered. */
final class RetryBackoff {

    private final Duration first;
    private final Duration max;
    private Duration next;

    RetryBackoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
        this.next = first;
    }

    Duration next() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    void reset() {
        next = first;
    }
}
