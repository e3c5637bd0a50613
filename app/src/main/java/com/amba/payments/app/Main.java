package com.amba.payments.app;

import java.io.PrintStream;

/** Starts Amba Payments from the environment; with no configuration, in dev mode. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before anything touches java.util.logging, so that the shutdown line is still written at exit.
        if (System.getProperty(AmbaLogManager.PROPERTY) == null) {
            System.setProperty(AmbaLogManager.PROPERTY, AmbaLogManager.class.getName());
        }
        Logging.install();
        AmbaConfig config;
        try {
            config = AmbaConfig.fromEnvironment(System.getenv());
        } catch (AmbaConfig.Invalid invalid) {
            System.err.println("Amba Payments refuses to start:");
            invalid.problems().forEach(problem -> System.err.println("  - " + problem));
            Logging.flush();
            System.exit(2);
            return;
        }
        RunningAmba amba;
        try {
            amba = Amba.start(config);
        } catch (Exception e) {
            // One line, never a stack trace: the message says which part failed and what to do.
            Logging.flush();
            System.err.println("Amba Payments could not start: " + StartupFailure.oneLine(e));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            amba.close();
            Logging.flush();
        }));
        printBanner(System.out, config, amba);
    }

    /** Printed once, to standard output, never to the log: the only time dev keys are shown. */
    static void printBanner(PrintStream out, AmbaConfig config, RunningAmba amba) {
        String base = "http://localhost:" + amba.port();
        out.println();
        out.println("Amba Payments is running in " + config.mode().name().toLowerCase() + " mode on " + base);
        if (config.adminToken().isEmpty()) {
            out.println("  admin token (Authorization: Bearer …):  " + amba.adminToken());
        }
        if (config.stripeWebhookSecret().isEmpty()) {
            out.println("  webhook signing secret (POST /webhooks/stripe):  " + amba.webhookSecret());
        }
        amba.demo().ifPresent(demo -> {
            out.println("  demo project:  " + demo.projectId() + "  (connected account " + demo.accountId()
                    + (config.usesSandbox() ? ", ready" : ", finish its onboarding on the Stripe side")
                    + "; platform fee 250 bps)");
            out.println("  server key (X-Api-Key, creates payments):  " + demo.serverKey());
            out.println("  client key (X-Api-Key, reads payments):    " + demo.clientKey());
            out.println();
            out.println("  export BASE_URL=" + base + " SERVER_KEY=" + demo.serverKey() + " CLIENT_KEY=" + demo.clientKey()
                    + (config.adminToken().isEmpty() ? " ADMIN_TOKEN=" + amba.adminToken() : ""));
            out.println();
            out.println("Next: paste the export line above into another terminal, then create a payment:");
            out.println("  curl -s -X POST \"$BASE_URL/client/payments/intents\" -H \"X-Api-Key: $SERVER_KEY\" \\");
            out.println("    -H 'Content-Type: application/json' -d '{\"amount\": 1999, \"currency\": \"usd\"}'");
        });
        out.println();
        out.println("Stop it with Ctrl+C. The walkthrough: README.md (\"Five minutes\"); the API: " + base + "/docs");
        out.flush();
    }
}
