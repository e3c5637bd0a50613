package com.amba.payments.app.bench;

import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.adapter.stripe.localstripe.WebhookDelivery;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The service in dev mode on a free loopback port, in a JVM process of its own ({@link ServiceHost}) with its own
 * heap, so the load generator (this JVM) and the service share the machine's cores through the operating system
 * only, as a real client and server would, and not the carrier threads of one JVM. It runs on the parts a scenario
 * asks for, wired the way the configuration wires it (so the Stripe adapter gets its production timeouts and
 * retries, not the short ones the HTTP tests use). The demo project is onboarded and takes payments at once.
 *
 * <p>The process never outlives the benchmark: {@link #close} stops it (forcibly after a bound), a shutdown hook
 * kills every one still running when this JVM exits (Ctrl-C, a failure), and the process itself stops when its
 * standard input ends, so even a benchmark killed with SIGKILL leaves none behind.
 */
final class ServiceUnderTest implements AutoCloseable {

    /** Which adapters serve the store and the payment provider. */
    enum Setup {
        MEMORY_SANDBOX("memory + sandbox"),
        POSTGRES_SANDBOX("postgres + sandbox"),
        MEMORY_STRIPE("memory + stripe adapter");

        final String label;

        Setup(String label) {
            this.label = label;
        }
    }

    /** The service's heap: fixed, so it does not resize mid-run; the same as the benchmark's own. */
    static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m");
    /** Extra JVM options for the service process, e.g. a JFR recording (docs/benchmarks.md). */
    static final String JAVA_OPTS = "AMBA_BENCH_SERVICE_JAVA_OPTS";
    /** A scratch database and Flyway's migrations included. */
    private static final Duration START_WITHIN = Duration.ofSeconds(90);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(30);

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ServiceUnderTest::killAll, "bench-kill-services"));
    }

    private final Process process;
    private final Writer commands;
    private final BlockingQueue<String> answers;
    private final int port;
    private final String accountId;
    private final String serverKey;
    private final String clientKey;

    private ServiceUnderTest(Process process, BlockingQueue<String> answers, String[] ready) {
        this.process = process;
        this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.answers = answers;
        this.port = Integer.parseInt(ready[1]);
        this.accountId = ready[2];
        this.serverKey = ready[3];
        this.clientKey = ready[4];
    }

    /** {@code stripe} is the local Stripe server for {@link Setup#MEMORY_STRIPE}; the caller keeps owning it. */
    static ServiceUnderTest start(Setup setup, Optional<LocalStripe> stripe, BenchOptions options) {
        Optional<HostArguments.Stripe> stripeArguments = Optional.empty();
        if (setup == Setup.MEMORY_STRIPE) {
            LocalStripe server = stripe.orElseThrow(() -> new IllegalArgumentException("needs the local Stripe"));
            stripeArguments = Optional.of(new HostArguments.Stripe(server.secretKey(), server.apiBase().toString(),
                    server.webhookSecret()));
        }
        HostArguments arguments = new HostArguments(setup == Setup.POSTGRES_SANDBOX, options.providerLatency(),
                options.httpInstances(), options.maxCreatesInFlight(),
                options.postgres().transactionalConnections(), options.postgres().pipelinedConnections(),
                stripeArguments);
        ServiceUnderTest service = launch(arguments);
        if (setup == Setup.MEMORY_STRIPE) {
            service.onboardOn(stripe.get());
        }
        return service;
    }

    private static ServiceUnderTest launch(HostArguments arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(HEAP);
        command.add("--enable-native-access=ALL-UNNAMED");
        String extra = System.getenv().getOrDefault(JAVA_OPTS, "").trim();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        String logFormat = System.getProperty("java.util.logging.SimpleFormatter.format");
        if (logFormat != null) {
            command.add("-Djava.util.logging.SimpleFormatter.format=" + logFormat);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServiceHost.class.getName()));
        command.addAll(arguments.toArguments());
        ProcessBuilder builder = new ProcessBuilder(command)
                // The service's log goes where the benchmark's own standard error goes (app/target/bench/bench.log).
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().keySet().removeIf(name -> name.startsWith("AMBA_STRIPE_"));
        builder.environment().putAll(arguments.environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the service process: " + e.getMessage(), e);
        }
        RUNNING.add(process);
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        Thread.ofPlatform().daemon().name("bench-service-answers").start(() -> readAnswers(process, answers));
        String ready = next(answers, START_WITHIN, process);
        String[] words = ready.split(" ");
        if (!words[0].equals("ready") || words.length != 5) {
            stop(process);
            throw new IllegalStateException("the service process did not start: " + words[0]
                    + " (its log is in app/target/bench/bench.log)");
        }
        return new ServiceUnderTest(process, answers, words);
    }

    private static void readAnswers(Process process, BlockingQueue<String> answers) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(ServiceHost.PROTOCOL)) {
                    answers.add(line.substring(ServiceHost.PROTOCOL.length()));
                } else {
                    System.err.println(line);
                }
            }
        } catch (IOException ended) {
            // the process is gone; whoever waits for an answer sees it
        }
        answers.add("ended");
    }

    private static String next(BlockingQueue<String> answers, Duration within, Process process) {
        try {
            String answer = answers.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                stop(process);
                throw new IllegalStateException("the service process did not answer within " + within.toSeconds()
                        + " s");
            }
            return answer;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            throw new IllegalStateException("interrupted waiting for the service process", e);
        }
    }

    /** The demo account starts not ready on Stripe; finishing onboarding sends the service account.updated. */
    private void onboardOn(LocalStripe stripe) {
        stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/stripe"));
        int status = stripe.completeOnboarding(accountId).map(WebhookDelivery::status).orElse(0);
        if (status != 200) {
            close();
            throw new IllegalStateException("the service did not accept account.updated: " + status);
        }
    }

    PaymentsApiCalls calls(String runId) {
        return new PaymentsApiCalls(port, serverKey, clientKey, runId);
    }

    /** Payments in the ledger, and intents the provider made (the sandbox only; else -1), counted by the service. */
    long[] counts() {
        String answer = ask("counts");
        String[] words = answer.split(" ");
        if (!words[0].equals("counts") || words.length != 3) {
            throw new IllegalStateException("the service process answered " + words[0] + " to counts");
        }
        return new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])};
    }

    /** CPU time the service process has used so far (all its threads, the JIT and the collector included). */
    Duration cpu() {
        String[] words = ask("cpu").split(" ");
        if (!words[0].equals("cpu") || words.length != 2) {
            throw new IllegalStateException("the service process answered " + words[0] + " to cpu");
        }
        return Duration.ofNanos(Long.parseLong(words[1]));
    }

    private synchronized String ask(String command) {
        try {
            commands.write(command + "\n");
            commands.flush();
        } catch (IOException e) {
            throw new IllegalStateException("the service process is gone: " + e.getMessage(), e);
        }
        return next(answers, ANSWER_WITHIN, process);
    }

    @Override
    public void close() {
        try {
            commands.write("stop\n");
            commands.close();
        } catch (IOException alreadyGone) {
            // closing its input stops it just as well
        }
        try {
            if (!process.waitFor(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
        }
        RUNNING.remove(process);
    }

    /** Forcibly, and waits (bounded) until it is gone. */
    private static void stop(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RUNNING.remove(process);
    }

    /**
     * This JVM is exiting: every service process still running is asked to stop (SIGTERM, so it drops its scratch
     * database), then killed if it has not within a few seconds.
     */
    private static void killAll() {
        for (Process process : RUNNING) {
            process.destroy();
        }
        for (Process process : RUNNING) {
            try {
                if (!process.waitFor(STOP_WITHIN.toMillis() / 3, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }
}
