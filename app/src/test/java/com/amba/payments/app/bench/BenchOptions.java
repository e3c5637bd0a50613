package com.amba.payments.app.bench;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one benchmark run does: the fixed request rate, how long each scenario warms up and is measured, and how
 * long the tail may take to drain. The defaults keep the whole run (nine scenarios) under two minutes on a small,
 * shared machine.
 */
record BenchOptions(int rate, Duration warmup, Duration measured, Duration drain, int maxInFlight, Set<Part> parts) {

    /** A service setup together with the baseline it is compared with; {@code --only} picks some. */
    enum Part { MEMORY, POSTGRES, STRIPE }

    static final String USAGE = """
            usage: Benchmark [--rate N] [--seconds N] [--warmup N] [--drain N] [--max-in-flight N]
              --rate           requests per second, the same for every scenario   (default 200)
              --seconds        measured seconds per scenario                       (default 8)
              --warmup         warm-up seconds per scenario, not measured           (default 2)
              --drain          seconds to wait for answers after the last send      (default 10)
              --max-in-flight  requests waiting for an answer before new ones are
                               counted as errors instead of sent                    (default 1000)
              --only           memory, postgres or stripe (repeatable): that service
                               setup and its baseline only                          (default all)""";

    BenchOptions {
        if (rate < 1 || rate > 5_000) {
            throw new IllegalArgumentException("--rate must be 1 to 5000 (loopback, a shared machine)");
        }
        if (measured.isZero() || measured.isNegative() || measured.toSeconds() > 120) {
            throw new IllegalArgumentException("--seconds must be 1 to 120");
        }
        if (warmup.isNegative() || drain.isNegative() || maxInFlight < 1) {
            throw new IllegalArgumentException("--warmup, --drain must not be negative; --max-in-flight positive");
        }
        parts = parts.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(parts);
    }

    static BenchOptions defaults() {
        return new BenchOptions(200, Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(10), 1000,
                EnumSet.allOf(Part.class));
    }

    static BenchOptions parse(List<String> args) {
        BenchOptions options = defaults();
        Set<Part> only = EnumSet.noneOf(Part.class);
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
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
            options = switch (flag) {
                case "--rate" -> new BenchOptions(value, options.warmup, options.measured, options.drain,
                        options.maxInFlight, options.parts);
                case "--seconds" -> new BenchOptions(options.rate, options.warmup, Duration.ofSeconds(value),
                        options.drain, options.maxInFlight, options.parts);
                case "--warmup" -> new BenchOptions(options.rate, Duration.ofSeconds(value), options.measured,
                        options.drain, options.maxInFlight, options.parts);
                case "--drain" -> new BenchOptions(options.rate, options.warmup, options.measured,
                        Duration.ofSeconds(value), options.maxInFlight, options.parts);
                case "--max-in-flight" -> new BenchOptions(options.rate, options.warmup, options.measured,
                        options.drain, value, options.parts);
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            };
        }
        return new BenchOptions(options.rate, options.warmup, options.measured, options.drain, options.maxInFlight,
                only);
    }

    boolean runs(Part part) {
        return parts.contains(part);
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

    long warmupRequests() {
        return rate * warmup.toSeconds();
    }

    long measuredRequests() {
        return rate * measured.toSeconds();
    }

    @Override
    public String toString() {
        return "rate " + rate + "/s, warm-up " + warmup.toSeconds() + " s, measured " + measured.toSeconds()
                + " s, drain " + drain.toSeconds() + " s, max in flight " + maxInFlight + ", parts "
                + parts.toString().toLowerCase(Locale.ROOT);
    }
}
