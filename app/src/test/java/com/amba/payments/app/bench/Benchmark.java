package com.amba.payments.app.bench;

import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rerunnable benchmark (a {@code main}, not a test, so {@code mvn verify} never runs it; see
 * docs/benchmarks.md and scripts/bench). Every scenario gets the same fixed rate, warm-up and measured window;
 * each baseline runs just before the service scenarios it is the floor of, so both see the same machine state.
 */
public final class Benchmark {

    static final String CREATE = "POST /client/payments/intents";
    static final String READ = "GET /client/payments/intents/{id}";
    /** Each service is a fresh JVM: this long at the run's rate, per scenario, before it is measured. */
    private static final Duration SERVICE_WARM_UP = Duration.ofSeconds(6);

    private final BenchOptions options;
    private final FixedRateLoad load;
    private final ResultTable table = new ResultTable();
    private final String runId = HexFormat.of().formatHex(randomBytes());
    private final PrintStream progress = System.out;
    private final Map<String, Double> cpuPerRequest = new LinkedHashMap<>();

    private Benchmark(BenchOptions options) {
        this.options = options;
        this.load = new FixedRateLoad(options);
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new Benchmark(options).runAll(System.out);
        // Vert.x and the JDK HTTP client keep non-daemon threads around briefly; the run is over.
        System.exit(0);
    }

    private void runAll(PrintStream out) throws Exception {
        if (options.search()) {
            new SearchRun(options, runId, progress).runAll(out);
            return;
        }
        if (options.overload()) {
            new SearchRun(options, runId, progress).overloadAlone(out);
            return;
        }
        Instant began = Instant.now();
        if (options.runs(BenchOptions.Part.MEMORY)) {
            services(ServiceUnderTest.Setup.MEMORY_SANDBOX, Optional.empty());
        }
        if (options.runs(BenchOptions.Part.POSTGRES)) {
            postgresBaseline();
            services(ServiceUnderTest.Setup.POSTGRES_SANDBOX, Optional.empty());
        }
        if (options.runs(BenchOptions.Part.STRIPE)) {
            try (LocalStripe stripe = LocalStripe.start()) {
                stripeBaseline(stripe);
                // The baseline's requests are forgotten so the service meets the server in the same state.
                stripe.clearRequests();
                services(ServiceUnderTest.Setup.MEMORY_STRIPE, Optional.of(stripe));
            }
        }
        String pgCreate = name(ServiceUnderTest.Setup.POSTGRES_SANDBOX, CREATE);
        table.compare(pgCreate, PostgresScenario.INSERT);
        table.compare(name(ServiceUnderTest.Setup.POSTGRES_SANDBOX, READ), PostgresScenario.SELECT);
        table.compare(name(ServiceUnderTest.Setup.MEMORY_STRIPE, CREATE), StripeScenario.CREATE);
        table.compare(pgCreate, name(ServiceUnderTest.Setup.MEMORY_SANDBOX, CREATE));

        out.println();
        out.println("Amba Payments benchmark, " + began.truncatedTo(ChronoUnit.SECONDS) + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + "; " + options);
        out.println();
        table.print(out);
        out.println();
        if (!cpuPerRequest.isEmpty()) {
            out.println("| service scenario | service process CPU per request, ms |");
            out.println("|---|--:|");
            cpuPerRequest.forEach((name, perRequest) -> out.println(String.format(Locale.ROOT, "| %s | %.3f |", name,
                    perRequest)));
            out.println();
        }
        out.println("took " + (Instant.now().getEpochSecond() - began.getEpochSecond()) + " s");
    }

    private void services(ServiceUnderTest.Setup setup, Optional<LocalStripe> stripe) throws InterruptedException {
        progress.println("== service on " + setup.label);
        try (ServiceUnderTest service = ServiceUnderTest.start(setup, stripe, options);
             PaymentsApiCalls calls = service.calls(runId)) {
            // A fresh JVM: the JIT compiles the paths before anything is measured (not counted).
            warmUp(name(setup, CREATE), calls.create());
            warmUp(name(setup, READ), calls.read());
            measured(service, name(setup, CREATE), calls.create());
            measured(service, name(setup, READ), calls.read());
        } catch (RuntimeException e) {
            skipped("service (" + setup.label + ")", e);
        }
    }

    private void postgresBaseline() throws InterruptedException {
        progress.println("== baseline: raw PostgreSQL");
        try (PostgresBaseline postgres = PostgresBaseline.start(runId, options.postgresConnections())) {
            measure(PostgresScenario.INSERT, postgres.insert());
            measure(PostgresScenario.SELECT, postgres.selectByKey());
        } catch (RuntimeException e) {
            skipped("baseline: PostgreSQL", e);
        }
    }

    private void stripeBaseline(LocalStripe stripe) throws InterruptedException {
        progress.println("== baseline: stripe-java direct");
        try {
            measure(StripeScenario.CREATE, new StripeBaseline(stripe, runId).createIntent());
        } catch (RuntimeException e) {
            skipped(StripeScenario.CREATE, e);
        }
    }

    private void warmUp(String name, Operation operation) throws InterruptedException {
        FixedRateLoad.warmUp(options, SERVICE_WARM_UP, name, operation, progress);
    }

    /** A service scenario, and the service process's CPU time per request sent (warm-up requests included). */
    private void measured(ServiceUnderTest service, String name, Operation operation) throws InterruptedException {
        Duration before = service.cpu();
        measure(name, operation);
        Duration used = service.cpu().minus(before);
        double perRequest = used.toNanos() / 1e6 / (options.warmupRequests() + options.measuredRequests());
        progress.println(String.format(Locale.ROOT, "   %s: service CPU %.3f ms per request", name, perRequest));
        cpuPerRequest.put(name, perRequest);
    }

    private void measure(String name, Operation operation) throws InterruptedException {
        // Start each scenario without the previous one's garbage, so its collection is not billed here.
        System.gc();
        progress.println("   " + name + " ...");
        LoadResult result = load.run(name, operation);
        progress.println(String.format("   %s: %.1f/s, p50 %.2f ms, p99 %.2f ms, %d errors", name,
                result.achievedPerSecond(), result.p50Millis(), result.p99Millis(), result.errorCount()));
        table.add(result);
    }

    private void skipped(String name, RuntimeException why) {
        progress.println("   " + name + " could not run: " + why);
        why.printStackTrace(progress);
        table.add(LoadResult.skipped(name, options.rate(), "could not run: " + why.getMessage()));
    }

    static String name(ServiceUnderTest.Setup setup, String call) {
        return "service (" + setup.label + ") " + call;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** Scenario names of the PostgreSQL baseline. */
    static final class PostgresScenario {
        static final String INSERT = "baseline: PostgreSQL single-row INSERT";
        static final String SELECT = "baseline: PostgreSQL SELECT by primary key";

        private PostgresScenario() {
        }
    }

    /** Scenario name of the Stripe baseline. */
    static final class StripeScenario {
        static final String CREATE = "baseline: stripe-java PaymentIntent create";

        private StripeScenario() {
        }
    }
}
