package com.amba.payments.app;

import com.amba.payments.domain.port.out.AdmissionLimit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The creates admitted in flight follow what the instance sustains, up to a ceiling: Netflix's concurrency-limits
 * (its gradient algorithm, over short windows) lowers the limit when the creates' latency rises above its long-run
 * average and raises it again when it falls back. A fixed limit admits as many creates as the provider's latency
 * allows (256 at 120 ms is about 2,100/s), more than two cores can work on: every request then waits for the CPU,
 * reads too. A limit that follows latency refuses the surplus instead, so the admitted creates and the reads keep
 * their latency. The gradient learns from latency alone: a create that ended on an unreachable store or provider
 * ({@link Admitted#dropped}) gives its place back but is not a sample, since its time is the budget that ran out,
 * not the load.
 */
final class AdaptiveAdmissionLimit implements AdmissionLimit {

    /** Samples are averaged over windows this short, so the limit moves within a second of the load changing. */
    static final Duration SHORTEST_WINDOW = Duration.ofMillis(100);
    static final Duration LONGEST_WINDOW = Duration.ofMillis(200);
    /**
     * The limit never goes below this many creates in flight: enough for a stall of the store right after a burst
     * (with 8, creates at 759/s on PostgreSQL 2 s after a burst met 7 refusals while the limit climbed back).
     */
    static final int LOWEST_LIMIT = 32;
    /** The limit comes down once the creates of a window take 10 % longer than in the long run. */
    static final double RTT_TOLERANCE = 1.1;

    private final SimpleLimiter<Void> limiter;

    AdaptiveAdmissionLimit(int ceiling) {
        this(ceiling, System::nanoTime);
    }

    /** @param nanoClock where the creates' times are read from (a test's clock) */
    AdaptiveAdmissionLimit(int ceiling, LongSupplier nanoClock) {
        if (ceiling < LOWEST_LIMIT) {
            throw new IllegalArgumentException("an adaptive limit needs a ceiling of at least " + LOWEST_LIMIT
                    + " creates in flight, not " + ceiling);
        }
        Gradient2Limit gradient = Gradient2Limit.newBuilder()
                .initialLimit(ceiling)
                .maxConcurrency(ceiling)
                .minLimit(LOWEST_LIMIT)
                .rttTolerance(RTT_TOLERANCE)
                .build();
        this.limiter = SimpleLimiter.newBuilder()
                .named("creates")
                .nanoClock(nanoClock)
                .limit(WindowedLimit.newBuilder()
                        .minWindowTime(SHORTEST_WINDOW.toNanos(), TimeUnit.NANOSECONDS)
                        .maxWindowTime(LONGEST_WINDOW.toNanos(), TimeUnit.NANOSECONDS)
                        .build(gradient))
                .build();
    }

    @Override
    public Optional<Admitted> tryAdmit() {
        return limiter.acquire(null).map(Place::new);
    }

    @Override
    public int inFlight() {
        return limiter.getInflight();
    }

    @Override
    public int limit() {
        return limiter.getLimit();
    }

    private record Place(Limiter.Listener listener) implements Admitted {
        @Override
        public void completed() {
            listener.onSuccess();
        }

        @Override
        public void dropped() {
            listener.onDropped();
        }

        @Override
        public void ignored() {
            listener.onIgnore();
        }
    }
}
