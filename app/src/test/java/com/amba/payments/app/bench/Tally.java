package com.amba.payments.app.bench;

import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The measured outcomes of one scenario. Answers arrive on many threads; one lock keeps the histogram and the
 * counts consistent with each other (a few hundred records a second never contend). Once closed it ignores
 * stragglers, so the numbers reported are exactly those counted when the drain ended.
 */
final class Tally {

    /** Three significant digits: 1 µs resolution up to 1 ms, 1 ms up to a second. */
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram latencyMicros = new Histogram(SIGNIFICANT_DIGITS);
    private final Map<String, Long> errors = new TreeMap<>();
    private final Map<String, Histogram> errorLatencyMicros = new TreeMap<>();
    private long succeeded;
    private long firstSuccessNanos = Long.MAX_VALUE;
    private long lastSuccessNanos;
    private boolean closed;

    synchronized void success(long intendedNanos, long answeredNanos) {
        if (closed) {
            return;
        }
        latencyMicros.recordValue(Math.max(0, (answeredNanos - intendedNanos) / 1_000));
        succeeded++;
        firstSuccessNanos = Math.min(firstSuccessNanos, answeredNanos);
        lastSuccessNanos = Math.max(lastSuccessNanos, answeredNanos);
    }

    synchronized void failure(String kind) {
        if (!closed) {
            errors.merge(kind, 1L, Long::sum);
        }
    }

    /** A failure that was answered: how long the answer took counts too (a refusal must be fast). */
    synchronized void failure(String kind, long intendedNanos, long answeredNanos) {
        if (closed) {
            return;
        }
        errors.merge(kind, 1L, Long::sum);
        errorLatencyMicros.computeIfAbsent(kind, k -> new Histogram(SIGNIFICANT_DIGITS))
                .recordValue(Math.max(0, (answeredNanos - intendedNanos) / 1_000));
    }

    static String kindOf(Throwable failure) {
        return switch (failure) {
            case Operation.Failed wrongAnswer -> wrongAnswer.getMessage();
            case SocketTimeoutException timeout -> "timeout";
            default -> failure.getClass().getSimpleName();
        };
    }

    /** Stops counting; requests still unanswered become errors of their own kind. */
    synchronized Snapshot close(long expected) {
        closed = true;
        long failed = errors.values().stream().mapToLong(Long::longValue).sum();
        long unanswered = expected - succeeded - failed;
        if (unanswered > 0) {
            errors.merge("no answer after drain", unanswered, Long::sum);
        }
        Map<String, Histogram> failureLatency = new TreeMap<>();
        errorLatencyMicros.forEach((kind, histogram) -> failureLatency.put(kind, histogram.copy()));
        return new Snapshot(latencyMicros.copy(), succeeded, Map.copyOf(errors), firstSuccessNanos,
                lastSuccessNanos, Map.copyOf(failureLatency));
    }

    record Snapshot(Histogram latencyMicros, long succeeded, Map<String, Long> errors, long firstSuccessNanos,
                    long lastSuccessNanos, Map<String, Histogram> errorLatencyMicros) {
        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
