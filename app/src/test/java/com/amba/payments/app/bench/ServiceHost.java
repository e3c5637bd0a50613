package com.amba.payments.app.bench;

import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.adapter.postgres.ScratchDatabase;
import com.amba.payments.app.AdapterChoice;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.AmbaLogManager;
import com.amba.payments.app.Logging;
import com.amba.payments.app.DemoCredentials;
import com.amba.payments.app.Parts;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.domain.model.ReportLine;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The service under test in a JVM of its own (started by {@link ServiceUnderTest}), so that the load generator's
 * threads and the service's never share carrier threads, a heap or a collector. It starts the service on the
 * setup its arguments name, wired as the configuration wires it, and speaks a line protocol on standard input and
 * output with the benchmark: it writes {@code ready <port> <account> <server key> <client key>} once it listens,
 * answers {@code counts} with {@code counts <ledger payments> <provider intents>} and {@code cpu} with
 * {@code cpu <nanoseconds of CPU this process has used>}, and stops on {@code stop} or
 * when its standard input ends (the benchmark is gone, however it ended). Each of its lines starts with
 * {@link #PROTOCOL}, as the JVM itself may print on standard output (JFR's start-up line). Its logs go to standard
 * error.
 *
 * <p>The demo keys cross the pipe only: they are never written to a log.
 */
public final class ServiceHost {

    /** Marks the protocol's lines on standard output. */
    static final String PROTOCOL = "amba-bench ";
    /** The sandbox's webhook secret in the benchmark (dev mode, no Stripe). */
    static final String SANDBOX_WEBHOOK_SECRET = "whsec_bench_sandbox";
    /** A close that takes longer than this is abandoned: the process exits anyway. */
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(20);

    private final RunningAmba running;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ServiceHost(RunningAmba running) {
        this.running = running;
    }

    public static void main(String[] args) throws Exception {
        // Standard output is the protocol: anything else that prints there goes to the log instead.
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        // Logs as the production service does (Main): one JSON line per record on standard error.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", AmbaLogManager.class.getName());
        }
        Logging.install();
        ServiceHost host;
        try {
            host = new ServiceHost(start(HostArguments.parse(args, System.getenv())));
        } catch (RuntimeException e) {
            e.printStackTrace();
            protocol.println(PROTOCOL + "failed " + e.getClass().getSimpleName());
            System.exit(1);
            return;
        }
        // Ctrl-C reaches this process too (same process group): close cleanly so a scratch database is dropped.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            host.close();
            Logging.flush();
        }, "bench-service-close"));
        DemoCredentials demo = host.running.demo().orElseThrow();
        protocol.println(PROTOCOL + "ready " + host.running.port() + " " + demo.accountId().value() + " "
                + demo.serverKey() + " " + demo.clientKey());
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null && !command.equals("stop");
             command = commands.readLine()) {
            if (command.equals("counts")) {
                protocol.println(PROTOCOL + "counts " + host.ledgerPayments() + " " + host.providerIntents());
            } else if (command.equals("cpu")) {
                protocol.println(PROTOCOL + "cpu " + processCpuNanos());
            } else {
                protocol.println(PROTOCOL + "unknown " + command.length());
            }
        }
        host.close();
        System.exit(0);
    }

    private static RunningAmba start(HostArguments arguments) {
        AmbaConfig config = AmbaConfig.dev().withPort(0).withWebhookSecret(SANDBOX_WEBHOOK_SECRET);
        AmbaConfig.Capacity capacity = config.capacity();
        if (arguments.httpInstances() > 0) {
            capacity = capacity.withHttpInstances(arguments.httpInstances());
        }
        if (arguments.maxCreatesInFlight() > 0) {
            capacity = capacity.withMaxCreatesInFlight(arguments.maxCreatesInFlight());
        }
        config = config.withCapacity(capacity);
        if (arguments.stripe().isPresent()) {
            HostArguments.Stripe stripe = arguments.stripe().get();
            config = config.withStripe(stripe.secretKey(), stripe.apiBase(), stripe.webhookSecret());
        }
        Optional<ScratchDatabase> database = arguments.postgres()
                ? Optional.of(ScratchDatabase.create()) : Optional.empty();
        if (database.isPresent()) {
            config = config.withDatabaseUrl(database.get().urlText());
        }
        // One Vert.x for the parts and the HTTP servers, as Amba.start(config) wires production.
        Vertx vertx = Amba.newVertx();
        Parts parts = AdapterChoice.partsFor(config, vertx, InstantSource.system(),
                config.stripeWebhookSecret().orElseThrow(), arguments.postgresSettings());
        if (database.isPresent()) {
            parts = parts.closing(database.get());
        }
        RunningAmba running = Amba.start(config, parts, vertx);
        if (parts.provider() instanceof SandboxPaymentProvider sandbox) {
            sandbox.setCreateLatency(arguments.providerLatency());
        }
        return running;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private long ledgerPayments() {
        return running.parts().ledger().report().lines().stream().mapToLong(ReportLine::count).sum();
    }

    /** Intents the sandbox made; -1 on the Stripe adapter (the local Stripe server counts those). */
    private long providerIntents() {
        return running.parts().provider() instanceof SandboxPaymentProvider sandbox
                ? sandbox.createdIntentCount() : -1;
    }

    /** Once, however many ways the end arrives (stop, end of input, a signal); bounded. */
    private void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Thread closing = Thread.ofPlatform().daemon().start(running::close);
        try {
            closing.join(CLOSE_WITHIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
