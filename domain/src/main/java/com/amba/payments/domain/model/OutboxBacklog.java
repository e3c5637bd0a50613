package com.amba.payments.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How many recorded outgoing events wait to be relayed, and when the oldest of them was recorded. */
public record OutboxBacklog(long entries, Optional<Instant> oldestRecordedAt) {

    public static final OutboxBacklog EMPTY = new OutboxBacklog(0, Optional.empty());

    public OutboxBacklog {
        if (entries < 0 || (entries == 0) != oldestRecordedAt.isEmpty()) {
            throw new IllegalArgumentException("a backlog has an oldest entry exactly when it has entries");
        }
    }

    /** How long the oldest unsent entry has waited at {@code now}; zero when nothing waits. */
    public Duration oldestAge(Instant now) {
        return oldestRecordedAt.map(oldest -> Duration.between(oldest, now))
                .filter(age -> !age.isNegative()).orElse(Duration.ZERO);
    }
}
