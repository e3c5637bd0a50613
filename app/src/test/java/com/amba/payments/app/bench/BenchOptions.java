package com.amba.payments.app.bench;

import com.amba.payments.adapter.postgres.PostgresSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one benchmark run does: the fixed request rate (or a capacity search), how long each scenario warms up and
 * is measured, how long the tail may take to drain, the sandbox provider's latency and the service's capacity
 * settings. The defaults keep the fixed-rate run (nine scenarios) under two minutes on a small, shared machine.
 *
 * @param search           step the rate up per scenario instead of one fixed rate (docs/benchmarks.md)
 * @param p99Bound         the search's latency bound (creates add the provider latency to it)
 * @param overload         offer twice the sustained create rate for 10 s (PostgreSQL setup): the rate the search
 *                         found, or without {@code --search} the given {@code --rate}, taken as sustained
 * @param httpInstances    the service's HTTP verticle instances; 0 is the configuration's default
 * @param maxCreatesInFlight the service's admission limit; 0 is the configuration's default
 * @param dbTransactional  the service's transactional PostgreSQL connections; 0 is the adapter's default
 * @param dbPipelined      the service's pipelined PostgreSQL connections; 0 is the adapter's default
 */
record BenchOptions(int rate, Duration warmup, Duration measured, Duration drain, int maxInFlight, Set<Part> parts,
                    Duration providerLatency, boolean search, Duration p99Bound, boolean overload,
                    int httpInstances, int maxCreatesInFlight, int dbTransactional, int dbPipelined) {

    /** A service setup together with the baseline it is compared with; {@code --only} picks some. */
    enum Part { MEMORY, POSTGRES, STRIPE }

    static final int MOST_RATE = 20_000;

    static final String USAGE = """
            usage: Benchmark [--rate N] [--seconds N] [--warmup N] [--drain N] [--max-in-flight N] [--only PART]
                             [--provider-latency-ms N] [--search [--p99-ms N]] [--overload]
                             [--http-instances N] [--max-creates-in-flight N]
                             [--db-transactional N] [--db-pipelined N]
              --rate           requests per second, the same for every scenario   (default 200)
              --seconds        measured seconds per scenario (per step with --search) (default 8; 3 with --search)
              --warmup         warm-up seconds per scenario, not measured           (default 2; 1 with --search)
              --drain          seconds to wait for answers after the last send      (default 10)
              --max-in-flight  requests waiting for an answer before new ones are
                               counted as errors instead of sent                    (default 1000)
              --only           memory, postgres or stripe (repeatable): that service
                               setup and its baseline only                          (default all)
              --provider-latency-ms  the sandbox provider answers each create after this long (default 0)
              --search         capacity search: per scenario, step the rate up from --rate until p99 exceeds
                               the bound or any error appears; report the highest rate sustained
              --p99-ms         the search's p99 bound; creates get the provider latency on top (default 50)
              --overload       offer 2x the sustained PostgreSQL create rate for 10 s, reads alongside, then
                               the sustained rate again; the rate the search found, or without --search
                               --rate taken as the sustained rate (the overload run alone, PostgreSQL only)
              --http-instances, --max-creates-in-flight  the service's AMBA_HTTP_INSTANCES and
                               AMBA_MAX_CREATES_IN_FLIGHT (default: the configuration's defaults)
              --db-transactional, --db-pipelined  the service's PostgreSQL pool sizes (default: the adapter's,
                               12 and 2); the raw baseline gets as many connections as both together""";

    BenchOptions {
        if (rate < 1 || rate > MOST_RATE) {
            throw new IllegalArgumentException("--rate must be 1 to " + MOST_RATE + " (loopback, a shared machine)");
        }
        if (measured.isZero() || measured.isNegative() || measured.toSeconds() > 120) {
            throw new IllegalArgumentException("--seconds must be 1 to 120");
        }
        if (warmup.isNegative() || drain.isNegative() || maxInFlight < 1) {
            throw new IllegalArgumentException("--warmup, --drain must not be negative; --max-in-flight positive");
        }
        if (providerLatency.isNegative() || providerLatency.toMillis() > 2_000) {
            throw new IllegalArgumentException("--provider-latency-ms must be 0 to 2000");
        }
        if (p99Bound.isNegative() || p99Bound.isZero() || httpInstances < 0 || maxCreatesInFlight < 0) {
            throw new IllegalArgumentException("--p99-ms, --http-instances, --max-creates-in-flight must be positive");
        }
        if (dbTransactional < 0 || dbPipelined < 0 || dbTransactional > 64 || dbPipelined > 64) {
            throw new IllegalArgumentException("--db-transactional and --db-pipelined must be 1 to 64");
        }
        parts = parts.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(parts);
    }

    static BenchOptions defaults() {
        return new BenchOptions(200, Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(10), 1000,
                EnumSet.allOf(Part.class), Duration.ZERO, false, Duration.ofMillis(50), false, 0, 0, 0, 0);
    }

    static BenchOptions parse(List<String> args) {
        BenchOptions d = defaults();
        int rate = d.rate;
        Integer seconds = null;
        Integer warmup = null;
        int drain = (int) d.drain.toSeconds();
        int maxInFlight = d.maxInFlight;
        int latency = 0;
        boolean search = false;
        int p99 = (int) d.p99Bound.toMillis();
        boolean overload = false;
        int instances = 0;
        int admitted = 0;
        int transactional = 0;
        int pipelined = 0;
        Set<Part> only = EnumSet.noneOf(Part.class);
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--help", "-h" -> throw new IllegalArgumentException(USAGE);
                case "--search" -> {
                    search = true;
                    continue;
                }
                case "--overload" -> {
                    overload = true;
                    continue;
                }
                default -> {
                    // a flag with a value
                }
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
            }
            String text = args.get(++i);
            if (flag.equals("--only")) {
                only.add(part(text));
                continue;
            }
            int value = number(flag, text);
            switch (flag) {
                case "--rate" -> rate = value;
                case "--seconds" -> seconds = value;
                case "--warmup" -> warmup = value;
                case "--drain" -> drain = value;
                case "--max-in-flight" -> maxInFlight = value;
                case "--provider-latency-ms" -> latency = value;
                case "--p99-ms" -> p99 = value;
                case "--http-instances" -> instances = value;
                case "--max-creates-in-flight" -> admitted = value;
                case "--db-transactional" -> transactional = value;
                case "--db-pipelined" -> pipelined = value;
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        int measured = seconds != null ? seconds : search ? 3 : (int) d.measured.toSeconds();
        int warm = warmup != null ? warmup : search ? 1 : (int) d.warmup.toSeconds();
        return new BenchOptions(rate, Duration.ofSeconds(warm), Duration.ofSeconds(measured),
                Duration.ofSeconds(drain), maxInFlight, only, Duration.ofMillis(latency), search,
                Duration.ofMillis(p99), overload, instances, admitted, transactional, pipelined);
    }

    boolean runs(Part part) {
        return parts.contains(part);
    }

    /** The same run at another rate (a search step). */
    BenchOptions atRate(int otherRate) {
        return new BenchOptions(otherRate, warmup, measured, drain, maxInFlight, parts, providerLatency, search,
                p99Bound, overload, httpInstances, maxCreatesInFlight, dbTransactional, dbPipelined);
    }

    /** The same run with other windows (the overload phases). */
    BenchOptions timed(Duration otherWarmup, Duration otherMeasured) {
        return new BenchOptions(rate, otherWarmup, otherMeasured, drain, maxInFlight, parts, providerLatency, search,
                p99Bound, overload, httpInstances, maxCreatesInFlight, dbTransactional, dbPipelined);
    }

    private static int number(String flag, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number\n" + USAGE);
        }
    }

    private static Part part(String text) {
        try {
            return Part.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--only takes memory, postgres or stripe\n" + USAGE);
        }
    }

    /** The service's PostgreSQL pool sizes, the adapter's defaults where not given. */
    PostgresSettings postgres() {
        PostgresSettings defaults = PostgresSettings.defaults();
        return defaults.withConnections(dbTransactional == 0 ? defaults.transactionalConnections() : dbTransactional,
                dbPipelined == 0 ? defaults.pipelinedConnections() : dbPipelined);
    }

    /** The service's two pools together: the raw baseline gets as many connections. */
    int postgresConnections() {
        return postgres().transactionalConnections() + postgres().pipelinedConnections();
    }

    long warmupRequests() {
        return rate * warmup.toSeconds();
    }

    long measuredRequests() {
        return rate * measured.toSeconds();
    }

    @Override
    public String toString() {
        return (search ? "capacity search from " + rate + "/s, p99 bound " + p99Bound.toMillis() + " ms"
                + (overload ? ", overload run" : "") : "rate " + rate + "/s")
                + ", warm-up " + warmup.toSeconds() + " s, measured " + measured.toSeconds()
                + " s, drain " + drain.toSeconds() + " s, max in flight " + maxInFlight + ", provider latency "
                + providerLatency.toMillis() + " ms, http instances "
                + (httpInstances == 0 ? "default" : httpInstances) + ", creates in flight "
                + (maxCreatesInFlight == 0 ? "default" : maxCreatesInFlight) + ", db connections "
                + (dbTransactional == 0 ? "default" : dbTransactional) + " transactional + "
                + (dbPipelined == 0 ? "default" : dbPipelined) + " pipelined, parts "
                + parts.toString().toLowerCase(Locale.ROOT);
    }
}
