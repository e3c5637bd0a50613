package com.amba.payments.app.bench;

import com.amba.payments.adapter.postgres.PostgresSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the service process ({@link ServiceHost}) is started with, as {@code name=value} arguments: the store, the
 * provider (the sandbox with a latency, or the Stripe adapter against a local Stripe server), the capacity
 * settings and the PostgreSQL pool sizes. The local Stripe server's keys go in the process's environment, under
 * the names the service's configuration reads ({@code AMBA_STRIPE_*}), not on its command line.
 *
 * @param maxCreatesInFlight 0 is the configuration's default, as is 0 HTTP instances
 */
record HostArguments(boolean postgres, Duration providerLatency, int httpInstances, int maxCreatesInFlight,
                     int transactionalConnections, int pipelinedConnections, Optional<Stripe> stripe) {

    private static final String STRIPE_SECRET_KEY = "AMBA_STRIPE_SECRET_KEY";
    private static final String STRIPE_API_BASE = "AMBA_STRIPE_API_BASE";
    private static final String STRIPE_WEBHOOK_SECRET = "AMBA_STRIPE_WEBHOOK_SECRET";

    /** The local Stripe server the adapter talks to. */
    record Stripe(String secretKey, String apiBase, String webhookSecret) {
    }

    PostgresSettings postgresSettings() {
        return PostgresSettings.defaults().withConnections(transactionalConnections, pipelinedConnections);
    }

    List<String> toArguments() {
        List<String> arguments = new ArrayList<>(List.of("store=" + (postgres ? "postgres" : "memory"),
                "provider-latency-ms=" + providerLatency.toMillis(), "http-instances=" + httpInstances,
                "max-creates-in-flight=" + maxCreatesInFlight, "db-transactional=" + transactionalConnections,
                "db-pipelined=" + pipelinedConnections));
        return arguments;
    }

    /** The environment the process gets on top of the benchmark's own. */
    Map<String, String> environment() {
        return stripe.map(s -> Map.of(STRIPE_SECRET_KEY, s.secretKey(), STRIPE_API_BASE, s.apiBase(),
                STRIPE_WEBHOOK_SECRET, s.webhookSecret())).orElse(Map.of());
    }

    static HostArguments parse(String[] arguments, Map<String, String> environment) {
        Map<String, String> named = new HashMap<>();
        for (String argument : arguments) {
            int equals = argument.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("arguments are name=value: " + argument.length() + " characters");
            }
            named.put(argument.substring(0, equals), argument.substring(equals + 1));
        }
        Optional<Stripe> stripe = environment.containsKey(STRIPE_SECRET_KEY)
                ? Optional.of(new Stripe(environment.get(STRIPE_SECRET_KEY), required(environment, STRIPE_API_BASE),
                        required(environment, STRIPE_WEBHOOK_SECRET)))
                : Optional.empty();
        return new HostArguments(required(named, "store").equals("postgres"),
                Duration.ofMillis(number(named, "provider-latency-ms")), number(named, "http-instances"),
                number(named, "max-creates-in-flight"), number(named, "db-transactional"),
                number(named, "db-pipelined"), stripe);
    }

    private static String required(Map<String, String> named, String name) {
        String value = named.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the service process needs " + name);
        }
        return value;
    }

    private static int number(Map<String, String> named, String name) {
        try {
            return Integer.parseInt(required(named, name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number");
        }
    }
}
