package com.amba.payments.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A flash sale: creates offered at twice the rate the service sustains, for 10 s, with reads going on beside them;
 * then the sustained rate again, measured after a 2 s grace, to see the service back to normal; then the ledger
 * and the provider counted against the answers, so nothing was lost or made twice. Creates that had no clear
 * answer (anything but 200 or a refusal) are first sent again with their own reference, as their callers would.
 */
final class OverloadRun {

    static final Duration BURST = Duration.ofSeconds(10);
    static final Duration BACK_TO_NORMAL_WITHIN = Duration.ofSeconds(2);
    static final Duration AFTER = Duration.ofSeconds(4);
    static final int READS_PER_SECOND = 100;
    static final String REFUSED = "HTTP 503 OVERLOADED";

    /** What the run showed. */
    record Outcome(int sustained, LoadResult burst, LoadResult readsDuringBurst, LoadResult after,
                   long answeredCreates, int retriedCreates, long distinctPayments, long ledgerPayments,
                   long providerIntents) {

        long otherErrors() {
            return burst.errorCount() - burst.errors(REFUSED);
        }

        void print(PrintStream out, Duration createBound) {
            out.println("| overload (" + burst.name() + ") | measured | target | held |");
            out.println("|---|--:|--:|---|");
            row(out, "offered creates/s (2x sustained " + sustained + "/s)", String.valueOf(burst.targetRate()), "",
                    "");
            row(out, "goodput: creates answered 200 per s", String.format(Locale.ROOT, "%.1f", burst.achievedPerSecond()),
                    "≥ " + Math.round(0.9 * sustained), yes(burst.achievedPerSecond() >= 0.9 * sustained));
            row(out, "p99 of admitted creates, ms", ms(burst.p99Millis()), "", "");
            row(out, "refused: 503 OVERLOADED", String.valueOf(burst.errors(REFUSED)), "", "");
            row(out, "other errors", String.valueOf(otherErrors()), "0", yes(otherErrors() == 0));
            row(out, "p99 of refusals, ms", ms(burst.errorP99Millis(REFUSED)), "< 50",
                    yes(burst.errors(REFUSED) == 0 || burst.errorP99Millis(REFUSED) < 50));
            row(out, "GET p99 during the burst (" + READS_PER_SECOND + "/s), ms / errors",
                    ms(readsDuringBurst.p99Millis()) + " / " + readsDuringBurst.errorCount()
                            + (readsDuringBurst.errorCount() == 0 ? "" : " (" + readsDuringBurst.errorSummary() + ")"),
                    "< 50 / 0", yes(readsDuringBurst.errorCount() == 0 && readsDuringBurst.p99Millis() < 50));
            row(out, "after: creates at " + sustained + "/s from 2 s on, p99 ms / errors",
                    ms(after.p99Millis()) + " / " + after.errorCount(), "≤ " + createBound.toMillis() + " / 0",
                    yes(after.errorCount() == 0 && after.p99Millis() <= createBound.toMillis()));
            row(out, "creates answered 200 (whole run; " + retriedCreates + " of them on a retry of an unclear answer)"
                            + " / distinct payments / in the ledger / provider intents",
                    answeredCreates + " / " + distinctPayments + " / " + ledgerPayments + " / "
                            + (providerIntents < 0 ? "-" : providerIntents), "all equal",
                    yes(answeredCreates == distinctPayments && distinctPayments == ledgerPayments
                            && (providerIntents < 0 || providerIntents == ledgerPayments)));
        }

        private static void row(PrintStream out, String what, String measured, String target, String held) {
            out.println("| " + what + " | " + measured + " | " + target + " | " + held + " |");
        }

        private static String yes(boolean held) {
            return held ? "yes" : "**no**";
        }

        private static String ms(double millis) {
            return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, "%.1f", millis);
        }
    }

    private final BenchOptions options;
    private final PrintStream progress;

    OverloadRun(BenchOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    Outcome run(String name, ServiceUnderTest service, PaymentsApiCalls calls, int sustained) throws Exception {
        progress.println("   overload: " + name + " at " + (2 * sustained) + "/s for " + BURST.toSeconds()
                + " s, reads at " + READS_PER_SECOND + "/s beside it");
        System.gc();
        LoadResult burst;
        LoadResult reads;
        Operation read = calls.read();
        try (ExecutorService loads = Executors.newFixedThreadPool(2)) {
            Future<LoadResult> creating = loads.submit(() -> new FixedRateLoad(options.atRate(2 * sustained)
                    .timed(Duration.ZERO, BURST)).run(name + " at 2x", calls.create()));
            Future<LoadResult> reading = loads.submit(() -> new FixedRateLoad(options.atRate(READS_PER_SECOND)
                    .timed(Duration.ZERO, BURST)).run(Benchmark.READ + " during the burst", read));
            burst = creating.get();
            reads = reading.get();
        }
        LoadResult after = new FixedRateLoad(options.atRate(sustained).timed(BACK_TO_NORMAL_WITHIN, AFTER))
                .run(name + " after the burst", calls.create());
        int retried = calls.retryUnanswered();
        List<String> answered = calls.createdIds();
        long[] counted = service.counts();
        Outcome outcome = new Outcome(sustained, burst, reads, after, answered.size(), retried,
                new HashSet<>(answered).size(), counted[0], counted[1]);
        progress.println(String.format(Locale.ROOT, "   burst: goodput %.1f/s, %d refused (p99 %.1f ms), %d other;"
                        + " %d unclear answers retried; reads p99 %.1f ms; after: p99 %.1f ms, %d errors",
                burst.achievedPerSecond(),
                burst.errors(REFUSED), burst.errorP99Millis(REFUSED), outcome.otherErrors(), retried, reads.p99Millis(),
                after.p99Millis(), after.errorCount()));
        return outcome;
    }
}
