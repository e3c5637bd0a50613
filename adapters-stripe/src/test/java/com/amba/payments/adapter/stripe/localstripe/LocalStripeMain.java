package com.amba.payments.adapter.stripe.localstripe;

import java.io.PrintStream;
import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the local Stripe-compatible server for a person ({@code scripts/local-stripe}): on 127.0.0.1 only,
 * prints the three {@code export} lines Amba reads, sends every event signed to the webhook endpoint, and
 * shows each request and delivery on standard error until Ctrl-C.
 */
public final class LocalStripeMain {

    static final int DEFAULT_PORT = 12111;
    static final URI DEFAULT_WEBHOOKS = URI.create("http://localhost:8080/webhooks/stripe");

    /** What the command line asked for. */
    record Options(int port, URI webhooksTo) {

        static Options parse(List<String> args) {
            int port = DEFAULT_PORT;
            URI webhooks = DEFAULT_WEBHOOKS;
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (i + 1 >= args.size() || !(arg.equals("--port") || arg.equals("--webhooks-to"))) {
                    throw new IllegalArgumentException("unknown or incomplete option: " + arg);
                }
                String value = args.get(++i);
                if (arg.equals("--port")) {
                    port = port(value);
                } else {
                    webhooks = endpoint(value);
                }
            }
            return new Options(port, webhooks);
        }

        private static int port(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException ignored) {
                // answered below
            }
            throw new IllegalArgumentException("--port needs a number from 1 to 65535, not " + value);
        }

        private static URI endpoint(String value) {
            try {
                URI uri = URI.create(value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (IllegalArgumentException ignored) {
                // answered below
            }
            throw new IllegalArgumentException("--webhooks-to needs an http(s) URL, not " + value);
        }
    }

    private LocalStripeMain() {
    }

    static final String USAGE = "usage: local-stripe [--port N (default " + DEFAULT_PORT + ")]"
            + " [--webhooks-to URL (default " + DEFAULT_WEBHOOKS + ")]";

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("local-stripe: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        LocalStripe stripe = LocalStripe.start(InstantSource.system(), options.port());
        stripe.deliverWebhooksTo(options.webhooksTo());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            stripe.close();
            stopped.countDown();
        }));
        printExports(System.out, stripe, options.webhooksTo());
        ActivityLog log = new ActivityLog(stripe, System.err);
        while (!stopped.await(200, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            log.printNew();
        }
    }

    /** Printed once to standard output: what to paste into the shell that runs Amba. */
    static void printExports(PrintStream out, LocalStripe stripe, URI webhooksTo) {
        out.println();
        out.println("Local Stripe-compatible server on " + stripe.apiBase() + " (test mode, 127.0.0.1 only);"
                + " events go to " + webhooksTo);
        out.println("Paste these into the shell that runs Amba (./scripts/run):");
        out.println();
        out.println("export AMBA_STRIPE_SECRET_KEY=" + stripe.secretKey());
        out.println("export AMBA_STRIPE_API_BASE=" + stripe.apiBase());
        out.println("export AMBA_STRIPE_WEBHOOK_SECRET=" + stripe.webhookSecret());
        out.println();
        out.println("Ctrl-C stops it (everything it holds is in memory and is gone).");
        out.println();
        out.flush();
    }
}
