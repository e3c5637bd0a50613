package com.amba.payments.app.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the results as Markdown tables, so a run can be pasted into docs/benchmarks.md as it is: one row per
 * scenario, then each service scenario over the baseline measured in the same run. Ratios, not absolute
 * numbers, are what compare across runs on a noisy machine.
 */
final class ResultTable {

    /** A service scenario and the baseline that is its floor. */
    record Comparison(String service, String baseline) {}

    private final List<LoadResult> results = new ArrayList<>();
    private final List<Comparison> comparisons = new ArrayList<>();

    void add(LoadResult result) {
        results.add(result);
    }

    void compare(String service, String baseline) {
        comparisons.add(new Comparison(service, baseline));
    }

    void print(PrintStream out) {
        out.println("| scenario | target/s | achieved/s | achieved/target | p50 ms | p99 ms | p99.9 ms | max ms | ok | errors |");
        out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        for (LoadResult r : results) {
            out.println(String.format(Locale.ROOT, "| %s | %d | %.1f | %.2f | %s | %s | %s | %s | %d/%d | %s |",
                    r.name(), r.targetRate(), r.achievedPerSecond(), r.throughputRatio(), ms(r.p50Millis()),
                    ms(r.p99Millis()), ms(r.p999Millis()), ms(r.maxMillis()), r.succeeded(), r.requests(),
                    r.errorCount() == 0 ? "0" : r.errorCount() + " (" + r.errorSummary() + ")"));
        }
        out.println();
        out.println("| service scenario | over baseline | p50 ratio | p99 ratio | throughput: service / baseline (of target) |");
        out.println("|---|---|--:|--:|---|");
        for (Comparison c : comparisons) {
            LoadResult service = find(c.service());
            LoadResult baseline = find(c.baseline());
            if (service == null || baseline == null) {
                continue;
            }
            out.println(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f / %.2f |", c.service(), c.baseline(),
                    ratio(service.p50Millis(), baseline.p50Millis()), ratio(service.p99Millis(), baseline.p99Millis()),
                    service.throughputRatio(), baseline.throughputRatio()));
        }
    }

    private LoadResult find(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    private static String ratio(double service, double baseline) {
        return Double.isNaN(service) || Double.isNaN(baseline) || baseline <= 0 ? "-"
                : String.format(Locale.ROOT, "%.1fx", service / baseline);
    }
}
