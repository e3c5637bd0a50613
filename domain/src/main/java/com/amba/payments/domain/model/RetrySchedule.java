package com.amba.payments.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again (SPEC §12): growing delays (about 1 min, 5 min, 30 min, 2 h, 6 h, then
 * every 12 h), each moved by up to ±{@code jitter} of itself so that many endpoints failing together do not
 * retry in step, until {@code giveUpAfter} since the delivery was made; then it is failed.
 */
public record RetrySchedule(List<Duration> delays, double jitter, Duration giveUpAfter) {

    public static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ofMinutes(1),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(6),
            Duration.ofHours(12)), 0.2, Duration.ofDays(3));

    public RetrySchedule {
        delays = List.copyOf(delays);
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        if (delays.isEmpty() || delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("retry delays must be positive");
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter is a fraction from 0 (none) to below 1");
        }
    }

    /** After {@code attemptsMade} failed attempts, the next one's time; empty once the window is over. */
    public Optional<Instant> next(int attemptsMade, Instant createdAt, Instant now, RandomGenerator random) {
        Duration base = delays.get(Math.min(attemptsMade, delays.size()) - 1);
        long spread = (long) (base.toMillis() * jitter);
        long shift = spread == 0 ? 0 : random.nextLong(-spread, spread + 1);
        Instant next = now.plusMillis(base.toMillis() + shift);
        return next.isAfter(createdAt.plus(giveUpAfter)) ? Optional.empty() : Optional.of(next);
    }
}
