package com.amba.payments.domain.service;

import com.amba.payments.domain.port.out.StoreUnavailable;

import java.time.Duration;

/**
 * How long a create may hold its client reference while it calls the provider ({@code lease}; after that a
 * retry takes over, as after a crash), and how long a concurrent duplicate waits for it to finish.
 */
public record CreationTiming(Duration lease, Duration waitForInFlight, Duration pollInterval) {

    public static CreationTiming defaults() {
        return new CreationTiming(Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofMillis(20));
    }

    /** A duplicate waiting for {@code theOneItWaitsFor} to finish looks again after one poll interval. */
    void pauseBeforeLookingAgain(String theOneItWaitsFor) {
        try {
            Thread.sleep(pollInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting for " + theOneItWaitsFor, e);
        }
    }
}
