package com.amba.payments.adapter.postgres;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the control-plane cache stays true (docs/decisions.md, Stores).
 *
 * @param maxAge    anything cached is read again once this old, whatever the notifications said
 * @param heartbeat how often the listening connection must answer; one that stays silent longer is given up
 *                  (and the cache bypassed) until a new one listens
 * @param listenAt  where to {@code LISTEN}, when not the database URL itself (a URL that goes through a
 *                  transaction-pooling proxy cannot listen)
 */
public record ControlPlaneCaching(Duration maxAge, Duration heartbeat, Optional<DatabaseUrl> listenAt) {

    public ControlPlaneCaching {
        Objects.requireNonNull(listenAt, "listenAt");
        if (maxAge.isNegative() || maxAge.isZero() || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("max age and heartbeat must be positive");
        }
    }

    /** A change is seen at once by notification; a lost one within 5 s; a silent connection within 2 s. */
    public static ControlPlaneCaching defaults() {
        return new ControlPlaneCaching(Duration.ofSeconds(5), Duration.ofSeconds(1), Optional.empty());
    }

    public ControlPlaneCaching withMaxAge(Duration age) {
        return new ControlPlaneCaching(age, heartbeat, listenAt);
    }

    public ControlPlaneCaching listeningAt(DatabaseUrl url) {
        return new ControlPlaneCaching(maxAge, heartbeat, Optional.of(url));
    }
}
