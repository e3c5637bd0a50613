package com.amba.payments.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the highest fixed rate a scenario sustains: steps the offered rate up by half again each time, from
 * {@code --rate} (halving it first while even that fails), until a step fails (any error, p99 above the bound, or
 * fewer answers than offered), then halves the gap between the last step that held and the first that did not,
 * twice. Every step is a short open-loop run
 * of its own (warm-up, then measured), so the search is bounded: at most a dozen steps a scenario.
 */
final class CapacitySearch {

    /** Growth per step while every step holds. */
    private static final double GROWTH = 1.5;
    private static final int REFINEMENTS = 2;
    private static final int DOWN_STEPS = 3;
    private static final int MOST_DOWN = 10;
    /** Achieved below this share of the offered rate is falling behind, whatever the latency. */
    private static final double KEEPS_UP = 0.97;

    /** What the search found: the best step that held (if any), the first that did not and why. */
    record Found(String name, Duration p99Bound, Optional<LoadResult> sustained, Optional<LoadResult> firstFailed,
                 String stoppedBecause, List<LoadResult> steps) {

        int sustainedRate() {
            return sustained.map(LoadResult::targetRate).orElse(0);
        }
    }

    private final BenchOptions options;
    private final PrintStream progress;

    CapacitySearch(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    Found search(String name, Operation operation, Duration p99Bound) throws InterruptedException {
        Steps steps = new Steps(name, operation, p99Bound);
        int rate = options.rate();
        // A start the scenario cannot hold is halved (a few times) until one holds, so a slow scenario still gets a
        // number rather than a zero; the gap to the failed start is then refined below.
        for (int down = 0; down < DOWN_STEPS && !steps.holds(rate) && rate > MOST_DOWN; down++) {
            rate = Math.max(MOST_DOWN, rate / 2);
        }
        while (steps.held.isPresent() && steps.failed.isEmpty() && rate < BenchOptions.MOST_RATE) {
            rate = Math.min(BenchOptions.MOST_RATE, (int) Math.round(rate * GROWTH));
            steps.holds(rate);
        }
        for (int i = 0; i < REFINEMENTS && steps.held.isPresent() && steps.failed.isPresent(); i++) {
            int low = steps.held.get().targetRate();
            int middle = (low + steps.failed.get().targetRate()) / 2;
            if (middle - low < Math.max(1, low / 20)) {
                break;
            }
            steps.holds(middle);
        }
        Found found = new Found(name, p99Bound, steps.held, steps.failed, steps.why, List.copyOf(steps.results));
        progress.println(String.format(Locale.ROOT, "   => %s sustains %d/s (stopped: %s)", name,
                found.sustainedRate(), found.stoppedBecause()));
        return found;
    }

    /** The steps of one search so far: the best that held, the lowest that failed, and why. */
    private final class Steps {
        private final String name;
        private final Operation operation;
        private final Duration p99Bound;
        private final List<LoadResult> results = new ArrayList<>();
        private Optional<LoadResult> held = Optional.empty();
        private Optional<LoadResult> failed = Optional.empty();
        private String why = "reached the most the benchmark offers (" + BenchOptions.MOST_RATE + "/s)";

        Steps(String name, Operation operation, Duration p99Bound) {
            this.name = name;
            this.operation = operation;
            this.p99Bound = p99Bound;
        }

        boolean holds(int rate) throws InterruptedException {
            LoadResult step = step(name, operation, rate, results);
            Optional<String> verdict = verdict(step, p99Bound);
            if (verdict.isPresent()) {
                failed = Optional.of(step);
                why = verdict.get();
                return false;
            }
            held = Optional.of(step);
            return true;
        }
    }

    private LoadResult step(String name, Operation operation, int rate, List<LoadResult> steps)
            throws InterruptedException {
        System.gc();
        LoadResult result = new FixedRateLoad(options.atRate(rate)).run(name, operation);
        progress.println(String.format(Locale.ROOT, "   %s @ %d/s: %.1f/s, p50 %.2f ms, p99 %.2f ms, %d errors%s",
                name, rate, result.achievedPerSecond(), result.p50Millis(), result.p99Millis(), result.errorCount(),
                result.errorCount() == 0 ? "" : " (" + result.errorSummary() + ")"));
        steps.add(result);
        return result;
    }

    /** Why a step did not hold, if it did not. */
    static Optional<String> verdict(LoadResult step, Duration p99Bound) {
        if (step.errorCount() > 0) {
            return Optional.of("errors at " + step.targetRate() + "/s: " + step.errorSummary());
        }
        if (step.p99Millis() > p99Bound.toMillis()) {
            return Optional.of(String.format(Locale.ROOT, "p99 %.1f ms > %d ms at %d/s", step.p99Millis(),
                    p99Bound.toMillis(), step.targetRate()));
        }
        if (step.throughputRatio() < KEEPS_UP) {
            return Optional.of(String.format(Locale.ROOT, "achieved %.0f/s of %d/s", step.achievedPerSecond(),
                    step.targetRate()));
        }
        return Optional.empty();
    }
}
