package com.amba.payments.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: request {@code i} is due at {@code start + i / rate}, whether or not earlier ones have been
 * answered, and its latency is measured from that due time. A closed loop (send, wait, send) slows down with the
 * system under test and hides its stalls — coordinated omission; measuring from the due time charges a stall to
 * every request that should have been sent during it, as a real client population would feel it.
 *
 * <p>Each request runs on a virtual thread of its own so a slow answer never delays the next send. The run is
 * bounded: warm-up plus measured requests, then at most {@code drain} of waiting; requests beyond
 * {@code maxInFlight} unanswered ones are counted as errors instead of piling up.
 */
final class FixedRateLoad {

    /** Lets the virtual-thread executor and the first connection settle before request 0 is due. */
    private static final Duration LEAD_IN = Duration.ofMillis(50);

    private final BenchOptions options;

    FixedRateLoad(BenchOptions options) {
        this.options = options;
    }

    /**
     * Warms a fresh service up at the options' rate for {@code length}, all of it counted, and prints what it
     * answered: a cold service's errors are part of the run (its creates are in the ledger count), not hidden.
     */
    static void warmUp(BenchOptions options, Duration length, String name, Operation operation, PrintStream progress)
            throws InterruptedException {
        progress.println("   warming up " + name + " for " + length.toSeconds() + " s at " + options.rate() + "/s");
        LoadResult result = new FixedRateLoad(options.timed(Duration.ZERO, length)).run(name + " (warm-up)", operation);
        progress.println(String.format(Locale.ROOT, "   warm-up: %.1f/s, p99 %.2f ms, %d errors%s",
                result.achievedPerSecond(), result.p99Millis(), result.errorCount(),
                result.errorCount() == 0 ? "" : " (" + result.errorSummary() + ")"));
    }

    LoadResult run(String name, Operation operation) throws InterruptedException {
        long warmupCount = options.warmupRequests();
        long measuredCount = options.measuredRequests();
        long total = warmupCount + measuredCount;
        double nanosPerRequest = 1e9 / options.rate();

        Tally tally = new Tally();
        CountDownLatch done = new CountDownLatch(Math.toIntExact(total));
        AtomicInteger inFlight = new AtomicInteger();
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        long start = System.nanoTime() + LEAD_IN.toNanos();
        long measuredStart = start + Math.round(warmupCount * nanosPerRequest);
        try {
            for (long i = 0; i < total; i++) {
                long due = start + Math.round(i * nanosPerRequest);
                sleepUntil(due);
                boolean measured = i >= warmupCount;
                if (inFlight.get() >= options.maxInFlight()) {
                    if (measured) {
                        tally.failure("not sent: " + options.maxInFlight() + " in flight");
                    }
                    done.countDown();
                    continue;
                }
                inFlight.incrementAndGet();
                long index = i;
                threads.execute(() -> {
                    try {
                        operation.call(index);
                        if (measured) {
                            tally.success(due, System.nanoTime());
                        }
                    } catch (Exception failure) {
                        if (measured) {
                            tally.failure(Tally.kindOf(failure), due, System.nanoTime());
                        }
                    } finally {
                        inFlight.decrementAndGet();
                        done.countDown();
                    }
                });
            }
            done.await(options.drain().toNanos(), TimeUnit.NANOSECONDS);
        } finally {
            threads.shutdownNow();
        }
        Tally.Snapshot outcome = tally.close(measuredCount);
        long scheduleEnd = measuredStart + Math.round(measuredCount * nanosPerRequest);
        // The answers' span, not "schedule start to last answer": a constant latency (a 120 ms provider) shifts
        // every answer by the same amount and must not read as falling behind; a backlog still stretches it.
        long answersSpan = outcome.succeeded() == 0 ? 0
                : outcome.lastSuccessNanos() - outcome.firstSuccessNanos() + Math.round(nanosPerRequest);
        long windowNanos = Math.max(scheduleEnd - measuredStart, answersSpan);
        double achieved = outcome.succeeded() / (windowNanos / 1e9);
        return new LoadResult(name, options.rate(), measuredCount, outcome.succeeded(), outcome.errors(), achieved,
                outcome.latencyMicros(), outcome.errorLatencyMicros());
    }

    private static void sleepUntil(long dueNanos) {
        for (long left = dueNanos - System.nanoTime(); left > 0; left = dueNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
