package com.amba.payments.app.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One scenario's numbers. Latency runs from each request's intended send time to its answer, successes only;
 * throughput counts successful answers over the measured window (which stretches when answers fall behind).
 */
record LoadResult(String name, int targetRate, long requests, long succeeded, Map<String, Long> errors,
                  double achievedPerSecond, Histogram latencyMicros, Map<String, Histogram> errorLatencyMicros) {

    static LoadResult skipped(String name, int targetRate, String why) {
        return new LoadResult(name, targetRate, 0, 0, Map.of(why, 1L), 0, new Histogram(3), Map.of());
    }

    /** p99 of the answers of one failure kind (an HTTP status with its code), NaN when there were none. */
    double errorP99Millis(String kind) {
        Histogram answered = errorLatencyMicros.get(kind);
        return answered == null || answered.getTotalCount() == 0 ? Double.NaN
                : answered.getValueAtPercentile(99) / 1_000.0;
    }

    long errors(String kind) {
        return errors.getOrDefault(kind, 0L);
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    double p50Millis() {
        return percentileMillis(50);
    }

    double p99Millis() {
        return percentileMillis(99);
    }

    double p999Millis() {
        return percentileMillis(99.9);
    }

    double maxMillis() {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN : latencyMicros.getMaxValue() / 1_000.0;
    }

    double throughputRatio() {
        return achievedPerSecond / targetRate;
    }

    String errorSummary() {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(errors).forEach((kind, count) -> text.append(text.isEmpty() ? "" : ", ")
                .append(kind).append(" x").append(count));
        return text.toString();
    }

    private double percentileMillis(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? Double.NaN
                : latencyMicros.getValueAtPercentile(percentile) / 1_000.0;
    }
}
