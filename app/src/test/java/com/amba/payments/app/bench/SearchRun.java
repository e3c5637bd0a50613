package com.amba.payments.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code --search}: the capacity of each scenario, service and raw baseline alike, found the same way in the same
 * run (CapacitySearch), printed next to each other with their ratios; with {@code --overload}, the flash-sale run
 * on PostgreSQL at twice the create rate found (OverloadRun). The Stripe setup is left out: its capacity is the
 * local Stripe server's.
 */
final class SearchRun {

    private static final Duration WARM_UP = Duration.ofSeconds(6);

    private final BenchOptions options;
    private final String runId;
    private final PrintStream progress;
    private final CapacitySearch search;
    private final List<CapacitySearch.Found> found = new ArrayList<>();
    private Optional<OverloadRun.Outcome> overload = Optional.empty();

    SearchRun(BenchOptions options, String runId, PrintStream progress) {
        this.options = options;
        this.runId = runId;
        this.progress = progress;
        this.search = new CapacitySearch(options, progress);
    }

    void runAll(PrintStream out) throws Exception {
        Instant began = Instant.now();
        if (options.runs(BenchOptions.Part.MEMORY)) {
            service(ServiceUnderTest.Setup.MEMORY_SANDBOX);
        }
        if (options.runs(BenchOptions.Part.POSTGRES)) {
            progress.println("== baseline: raw PostgreSQL");
            try (PostgresBaseline postgres = PostgresBaseline.start(runId, options.postgresConnections())) {
                warmUp(Benchmark.PostgresScenario.INSERT, postgres.insert());
                found.add(search.search(Benchmark.PostgresScenario.INSERT, postgres.insert(), options.p99Bound()));
                found.add(search.search(Benchmark.PostgresScenario.SELECT, postgres.selectByKey(),
                        options.p99Bound()));
            }
            service(ServiceUnderTest.Setup.POSTGRES_SANDBOX);
        }
        out.println();
        out.println("Amba Payments capacity search, " + began.truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + "; " + options);
        out.println();
        out.println("| scenario | sustained/s (0 errors) | p50 ms | p99 ms | p99 bound ms | stopped because |");
        out.println("|---|--:|--:|--:|--:|---|");
        for (CapacitySearch.Found f : found) {
            out.println(String.format(Locale.ROOT, "| %s | %d | %s | %s | %d | %s |", f.name(), f.sustainedRate(),
                    f.sustained().map(r -> ms(r.p50Millis())).orElse("-"),
                    f.sustained().map(r -> ms(r.p99Millis())).orElse("-"), f.p99Bound().toMillis(), f.stoppedBecause()));
        }
        out.println();
        out.println("| ratio | sustained rates | ratio |");
        out.println("|---|--:|--:|");
        ratio(out, Benchmark.name(ServiceUnderTest.Setup.POSTGRES_SANDBOX, Benchmark.CREATE),
                Benchmark.PostgresScenario.INSERT);
        ratio(out, Benchmark.name(ServiceUnderTest.Setup.POSTGRES_SANDBOX, Benchmark.READ),
                Benchmark.PostgresScenario.SELECT);
        ratio(out, Benchmark.name(ServiceUnderTest.Setup.MEMORY_SANDBOX, Benchmark.CREATE),
                Benchmark.PostgresScenario.INSERT);
        ratio(out, Benchmark.name(ServiceUnderTest.Setup.MEMORY_SANDBOX, Benchmark.READ),
                Benchmark.PostgresScenario.SELECT);
        if (overload.isPresent()) {
            out.println();
            overload.get().print(out, createBound());
        }
        out.println();
        out.println("took " + (Instant.now().getEpochSecond() - began.getEpochSecond()) + " s");
    }

    /** {@code --overload} without {@code --search}: the flash sale alone, with {@code --rate} as the sustained rate. */
    void overloadAlone(PrintStream out) throws Exception {
        Instant began = Instant.now();
        ServiceUnderTest.Setup setup = ServiceUnderTest.Setup.POSTGRES_SANDBOX;
        progress.println("== service on " + setup.label + ", overload alone at 2x " + options.rate() + "/s");
        OverloadRun.Outcome outcome;
        try (ServiceUnderTest service = ServiceUnderTest.start(setup, Optional.empty(), options);
             PaymentsApiCalls calls = service.calls(runId)) {
            String create = Benchmark.name(setup, Benchmark.CREATE);
            warmUp(create, calls.create());
            warmUp(Benchmark.name(setup, Benchmark.READ), calls.read());
            outcome = new OverloadRun(options, progress).run(create, service, calls, options.rate());
        }
        out.println();
        out.println("Amba Payments overload run, " + began.truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + "; " + options);
        out.println();
        outcome.print(out, createBound());
        out.println();
        out.println("took " + (Instant.now().getEpochSecond() - began.getEpochSecond()) + " s");
    }

    private void service(ServiceUnderTest.Setup setup) throws Exception {
        progress.println("== service on " + setup.label);
        try (ServiceUnderTest service = ServiceUnderTest.start(setup, Optional.empty(), options);
             PaymentsApiCalls calls = service.calls(runId)) {
            String create = Benchmark.name(setup, Benchmark.CREATE);
            warmUp(create, calls.create());
            CapacitySearch.Found creates = search.search(create, calls.create(), createBound());
            found.add(creates);
            found.add(search.search(Benchmark.name(setup, Benchmark.READ), calls.read(), options.p99Bound()));
            if (options.overload() && setup == ServiceUnderTest.Setup.POSTGRES_SANDBOX && creates.sustainedRate() > 0) {
                overload = Optional.of(new OverloadRun(options, progress).run(create, service, calls,
                        creates.sustainedRate()));
            }
        }
    }

    /** The JIT compiles the path before the first step is measured (the first step is otherwise the cold one). */
    private void warmUp(String name, Operation operation) throws InterruptedException {
        FixedRateLoad.warmUp(options, WARM_UP, name, operation, progress);
    }

    /** A create waits for the provider: its bound is the provider's latency plus the p99 bound. */
    private Duration createBound() {
        return options.providerLatency().plus(options.p99Bound());
    }

    private void ratio(PrintStream out, String service, String baseline) {
        Optional<CapacitySearch.Found> s = find(service);
        Optional<CapacitySearch.Found> b = find(baseline);
        if (s.isEmpty() || b.isEmpty()) {
            return;
        }
        int over = b.get().sustainedRate();
        out.println(String.format(Locale.ROOT, "| %s / %s | %d / %d | %s |", service, baseline,
                s.get().sustainedRate(), over, over == 0 ? "-"
                        : String.format(Locale.ROOT, "%.2f", s.get().sustainedRate() / (double) over)));
    }

    private Optional<CapacitySearch.Found> find(String name) {
        return found.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static String ms(double millis) {
        return Double.isNaN(millis) ? "-" : String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }
}
