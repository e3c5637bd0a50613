package com.amba.payments.app;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's configuration, read from the {@code AMBA_*} environment variables (SPEC §9). Dev mode needs
 * none of them; production needs the database, Kafka, Stripe key, webhook secret and admin token.
 */
public record AmbaConfig(Mode mode, int httpPort, Optional<String> adminToken, Optional<String> databaseUrl,
                         Optional<String> kafkaBootstrapServers, Optional<String> stripeSecretKey,
                         Optional<String> stripeApiBase, Optional<String> stripeWebhookSecret,
                         Duration reconcileAfter, Duration orphanGrace, Optional<String> onboardingRefreshUrl,
                         Optional<String> onboardingReturnUrl, Capacity capacity,
                         Map<String, String> kafkaClientProperties) {

    public enum Mode { DEV, PRODUCTION }

    public static final int DEFAULT_PORT = 8080;
    /** How long a payment may stay quiet before the reconciler asks the provider about it. */
    public static final Duration DEFAULT_RECONCILE_AFTER = Duration.ofMinutes(10);
    /** How long an intent Amba created but never recorded may wait for its retry before it is canceled. */
    public static final Duration DEFAULT_ORPHAN_GRACE = Duration.ofHours(24);
    /** Shorter than this, a create still talking to the provider (its lease is 30 s) could lose its intent. */
    static final long SHORTEST_ORPHAN_GRACE_SECONDS = 60;

    static final String MODE = "AMBA_MODE";
    static final String HTTP_PORT = "AMBA_HTTP_PORT";
    static final String ADMIN_TOKEN = "AMBA_ADMIN_TOKEN";
    static final String DATABASE_URL = "AMBA_DATABASE_URL";
    static final String KAFKA = "AMBA_KAFKA_BOOTSTRAP_SERVERS";
    static final String DATABASE_PASSWORD = "AMBA_DATABASE_PASSWORD";
    static final String KAFKA_PREFIX = "AMBA_KAFKA_";
    static final List<String> KAFKA_PASS_THROUGH =
            List.of("AMBA_KAFKA_SECURITY_", "AMBA_KAFKA_SASL_", "AMBA_KAFKA_SSL_");
    static final String STRIPE_SECRET_KEY = "AMBA_STRIPE_SECRET_KEY";
    static final String STRIPE_API_BASE = "AMBA_STRIPE_API_BASE";
    static final String STRIPE_WEBHOOK_SECRET = "AMBA_STRIPE_WEBHOOK_SECRET";
    static final String RECONCILE_AFTER = "AMBA_RECONCILE_AFTER_SECONDS";
    static final String ORPHAN_GRACE = "AMBA_ORPHAN_GRACE_SECONDS";
    static final String ONBOARDING_REFRESH_URL = "AMBA_STRIPE_ONBOARDING_REFRESH_URL";
    static final String ONBOARDING_RETURN_URL = "AMBA_STRIPE_ONBOARDING_RETURN_URL";
    static final String HTTP_INSTANCES = "AMBA_HTTP_INSTANCES";
    static final String MAX_CREATES_IN_FLIGHT = "AMBA_MAX_CREATES_IN_FLIGHT";
    static final String CREATE_ADMISSION = "AMBA_CREATE_ADMISSION";

    /** How the creates admitted in flight are limited: following their latency up to the most, or at the most. */
    public enum Admission { ADAPTIVE, FIXED }

    /**
     * How much one instance takes on: HTTP verticle instances (event loops serving requests) and the creates
     * admitted in flight at once, at most {@code maxCreatesInFlight} and, when adaptive, fewer while their latency
     * says the instance is saturated; one more create is refused with 503 OVERLOADED (docs/decisions.md).
     */
    public record Capacity(int httpInstances, int maxCreatesInFlight, Admission admission) {

        /** Measured on the 2-core benchmark machine (docs/benchmarks.md). */
        public static final int DEFAULT_MAX_CREATES_IN_FLIGHT = 256;

        public Capacity {
            if (httpInstances < 1 || maxCreatesInFlight < 1) {
                throw new IllegalArgumentException("HTTP instances and creates in flight must be at least 1");
            }
            if (admission == Admission.ADAPTIVE && maxCreatesInFlight < AdaptiveAdmissionLimit.LOWEST_LIMIT) {
                throw new IllegalArgumentException("an adaptive admission needs at least "
                        + AdaptiveAdmissionLimit.LOWEST_LIMIT + " creates in flight");
            }
        }

        /** Adaptive admission, the default. */
        public Capacity(int httpInstances, int maxCreatesInFlight) {
            this(httpInstances, maxCreatesInFlight, Admission.ADAPTIVE);
        }

        /** One HTTP verticle instance per core. */
        public static Capacity defaults() {
            return new Capacity(Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_CREATES_IN_FLIGHT);
        }

        public Capacity withMaxCreatesInFlight(int max) {
            return new Capacity(httpInstances, max, admission);
        }

        public Capacity withHttpInstances(int instances) {
            return new Capacity(instances, maxCreatesInFlight, admission);
        }

        public Capacity withAdmission(Admission other) {
            return new Capacity(httpInstances, maxCreatesInFlight, other);
        }
    }

    /** Why the service refuses to start. */
    public static final class Invalid extends Exception {
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    public static AmbaConfig dev() {
        return new AmbaConfig(Mode.DEV, DEFAULT_PORT, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_RECONCILE_AFTER, DEFAULT_ORPHAN_GRACE,
                Optional.empty(),
                Optional.empty(), Capacity.defaults(), Map.of());
    }

    public static AmbaConfig fromEnvironment(Map<String, String> env) throws Invalid {
        List<String> problems = new ArrayList<>();
        Mode mode = switch (value(env, MODE).orElse("dev")) {
            case "dev" -> Mode.DEV;
            case "production" -> Mode.PRODUCTION;
            default -> {
                problems.add(MODE + " must be dev or production");
                yield Mode.DEV;
            }
        };
        int port = DEFAULT_PORT;
        Optional<String> portText = value(env, HTTP_PORT);
        if (portText.isPresent()) {
            try {
                port = Integer.parseInt(portText.get());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                problems.add(HTTP_PORT + " must be a port number from 0 to 65535");
            }
        }
        Optional<String> databaseUrl = value(env, DATABASE_URL);
        databaseUrl.filter(url -> !looksLikePostgresUrl(url)).ifPresent(url ->
                problems.add(DATABASE_URL + " must look like postgresql://user@host:port/db"));
        Optional<String> apiBase = value(env, STRIPE_API_BASE);
        apiBase.filter(base -> !looksLikeHttpUrl(base)).ifPresent(base ->
                problems.add(STRIPE_API_BASE + " must be an http(s) URL"));
        value(env, STRIPE_SECRET_KEY).filter(key -> !key.matches("(sk|rk)_(live|test)_.+")).ifPresent(key ->
                problems.add(STRIPE_SECRET_KEY + " must be a Stripe secret key (sk_live_…, sk_test_…, rk_live_… or rk_test_…)"));
        value(env, STRIPE_WEBHOOK_SECRET).filter(secret -> !secret.startsWith("whsec_")).ifPresent(secret ->
                problems.add(STRIPE_WEBHOOK_SECRET + " must be a webhook signing secret (whsec_…)"));
        Duration reconcileAfter = DEFAULT_RECONCILE_AFTER;
        Optional<String> reconcileText = value(env, RECONCILE_AFTER);
        if (reconcileText.isPresent()) {
            long seconds;
            try {
                seconds = Long.parseLong(reconcileText.get());
            } catch (NumberFormatException e) {
                seconds = 0;
            }
            if (seconds < 1) {
                problems.add(RECONCILE_AFTER + " must be a whole number of seconds, at least 1");
            } else {
                reconcileAfter = Duration.ofSeconds(seconds);
            }
        }
        Duration orphanGrace = DEFAULT_ORPHAN_GRACE;
        Optional<String> graceText = value(env, ORPHAN_GRACE);
        if (graceText.isPresent()) {
            long seconds;
            try {
                seconds = Long.parseLong(graceText.get());
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < SHORTEST_ORPHAN_GRACE_SECONDS) {
                problems.add(ORPHAN_GRACE + " must be a whole number of seconds, at least " + SHORTEST_ORPHAN_GRACE_SECONDS);
            } else {
                orphanGrace = Duration.ofSeconds(seconds);
            }
        }
        Optional<String> refreshUrl = value(env, ONBOARDING_REFRESH_URL);
        Optional<String> returnUrl = value(env, ONBOARDING_RETURN_URL);
        refreshUrl.filter(url -> !looksLikeHttpUrl(url)).ifPresent(url ->
                problems.add(ONBOARDING_REFRESH_URL + " must be an absolute http(s) URL"));
        returnUrl.filter(url -> !looksLikeHttpUrl(url)).ifPresent(url ->
                problems.add(ONBOARDING_RETURN_URL + " must be an absolute http(s) URL"));
        Capacity defaults = Capacity.defaults();
        int maxCreates = positive(env, MAX_CREATES_IN_FLIGHT, defaults.maxCreatesInFlight(), problems);
        Admission admission = admission(env, problems);
        if (admission == Admission.ADAPTIVE && maxCreates < AdaptiveAdmissionLimit.LOWEST_LIMIT) {
            problems.add(MAX_CREATES_IN_FLIGHT + " must be at least " + AdaptiveAdmissionLimit.LOWEST_LIMIT
                    + " with adaptive admission (or set " + CREATE_ADMISSION + "=fixed)");
            maxCreates = defaults.maxCreatesInFlight();
        }
        Capacity capacity = new Capacity(positive(env, HTTP_INSTANCES, defaults.httpInstances(), problems),
                maxCreates, admission);
        Optional<String> databasePassword = value(env, DATABASE_PASSWORD);
        if (databasePassword.isPresent() && databaseUrl.isEmpty()) {
            problems.add(DATABASE_PASSWORD + " is set but " + DATABASE_URL + " is not");
        }
        databaseUrl = databaseUrl.map(url -> withPasswordIfAbsent(url, databasePassword));
        AmbaConfig config = new AmbaConfig(mode, port, value(env, ADMIN_TOKEN), databaseUrl, value(env, KAFKA),
                value(env, STRIPE_SECRET_KEY), apiBase, value(env, STRIPE_WEBHOOK_SECRET), reconcileAfter, orphanGrace, refreshUrl,
                returnUrl, capacity, kafkaClientProperties(env, problems));
        if (mode == Mode.PRODUCTION) {
            problems.addAll(config.missingForProduction());
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return config;
    }

    /** Production never falls back to an in-memory part: each of these must be set. */
    List<String> missingForProduction() {
        List<String> missing = new ArrayList<>();
        if (databaseUrl.isEmpty()) {
            missing.add(DATABASE_URL + " is not set (production keeps its ledger in PostgreSQL)");
        }
        if (kafkaBootstrapServers.isEmpty()) {
            missing.add(KAFKA + " is not set (production hands events to Kafka)");
        }
        if (stripeSecretKey.isEmpty()) {
            missing.add(STRIPE_SECRET_KEY + " is not set (production charges through Stripe)");
        }
        if (stripeWebhookSecret.isEmpty()) {
            missing.add(STRIPE_WEBHOOK_SECRET + " is not set (production verifies Stripe's webhooks)");
        }
        if (adminToken.isEmpty()) {
            missing.add(ADMIN_TOKEN + " is not set (production never generates an admin token)");
        }
        return missing;
    }

    public boolean usesSandbox() {
        return stripeSecretKey.isEmpty();
    }

    public AmbaConfig withPort(int port) {
        return new AmbaConfig(mode, port, adminToken, databaseUrl, kafkaBootstrapServers, stripeSecretKey,
                stripeApiBase, stripeWebhookSecret, reconcileAfter, orphanGrace,
                onboardingRefreshUrl, onboardingReturnUrl, capacity, kafkaClientProperties);
    }

    public AmbaConfig withAdminToken(String token) {
        return new AmbaConfig(mode, httpPort, Optional.of(token), databaseUrl, kafkaBootstrapServers,
                stripeSecretKey, stripeApiBase, stripeWebhookSecret, reconcileAfter, orphanGrace,
                onboardingRefreshUrl, onboardingReturnUrl, capacity, kafkaClientProperties);
    }

    public AmbaConfig withDatabaseUrl(String url) {
        return new AmbaConfig(mode, httpPort, adminToken, Optional.of(url), kafkaBootstrapServers,
                stripeSecretKey, stripeApiBase, stripeWebhookSecret, reconcileAfter, orphanGrace,
                onboardingRefreshUrl, onboardingReturnUrl, capacity, kafkaClientProperties);
    }

    public AmbaConfig withWebhookSecret(String webhookSecret) {
        return new AmbaConfig(mode, httpPort, adminToken, databaseUrl, kafkaBootstrapServers, stripeSecretKey,
                stripeApiBase, Optional.of(webhookSecret), reconcileAfter, orphanGrace,
                onboardingRefreshUrl, onboardingReturnUrl, capacity, kafkaClientProperties);
    }

    public AmbaConfig withKafka(String bootstrapServers) {
        return new AmbaConfig(mode, httpPort, adminToken, databaseUrl, Optional.of(bootstrapServers),
                stripeSecretKey, stripeApiBase, stripeWebhookSecret, reconcileAfter, orphanGrace,
                onboardingRefreshUrl, onboardingReturnUrl, capacity, kafkaClientProperties);
    }

    public AmbaConfig withStripe(String secretKey, String apiBase, String webhookSecret) {
        return new AmbaConfig(mode, httpPort, adminToken, databaseUrl, kafkaBootstrapServers,
                Optional.of(secretKey), Optional.of(apiBase), Optional.of(webhookSecret), reconcileAfter, orphanGrace,
                onboardingRefreshUrl, onboardingReturnUrl, capacity, kafkaClientProperties);
    }

    public AmbaConfig withOrphanGrace(Duration grace) {
        return new AmbaConfig(mode, httpPort, adminToken, databaseUrl, kafkaBootstrapServers, stripeSecretKey,
                stripeApiBase, stripeWebhookSecret, reconcileAfter, grace, onboardingRefreshUrl, onboardingReturnUrl,
                capacity, kafkaClientProperties);
    }

    public AmbaConfig withCapacity(Capacity replacement) {
        return new AmbaConfig(mode, httpPort, adminToken, databaseUrl, kafkaBootstrapServers, stripeSecretKey,
                stripeApiBase, stripeWebhookSecret, reconcileAfter, orphanGrace, onboardingRefreshUrl, onboardingReturnUrl,
                replacement, kafkaClientProperties);
    }

    /** Never prints a secret: the record's own toString would. */
    @Override
    public String toString() {
        return "AmbaConfig[mode=" + mode + ", port=" + httpPort + ", database=" + databaseUrl.isPresent()
                + ", kafka=" + kafkaBootstrapServers.isPresent() + ", stripe=" + stripeSecretKey.isPresent()
                + ", stripeApiBase=" + stripeApiBase.orElse("default") + ", reconcileAfter=" + reconcileAfter
                + ", orphanGrace=" + orphanGrace + ", " + capacity
                + ", kafkaClientProperties=" + kafkaClientProperties.keySet() + "]";
    }

    /**
     * The password of {@code AMBA_DATABASE_PASSWORD} put into a URL that has none (URL-encoded), so that it need
     * not be written into the URL itself; a password in the URL wins.
     */
    static String withPasswordIfAbsent(String url, Optional<String> password) {
        int schemeEnd = url.indexOf("://");
        int at = url.indexOf('@');
        if (password.isEmpty() || schemeEnd < 0 || at < schemeEnd || url.substring(schemeEnd + 3, at).contains(":")) {
            return url;
        }
        return url.substring(0, at) + ":" + URLEncoder.encode(password.get(), StandardCharsets.UTF_8)
                .replace("+", "%20") + url.substring(at);
    }

    /**
     * {@code AMBA_KAFKA_SECURITY_PROTOCOL=SASL_SSL} is {@code security.protocol=SASL_SSL}: every
     * {@code AMBA_KAFKA_SECURITY_*}, {@code AMBA_KAFKA_SASL_*} and {@code AMBA_KAFKA_SSL_*} variable goes to the
     * Kafka clients as the property its name spells (lower case, {@code _} as {@code .}). Nothing else can be
     * passed, so Amba's own delivery settings (acks, idempotence, commits) cannot be switched off by accident.
     */
    static Map<String, String> kafkaClientProperties(Map<String, String> env, List<String> problems) {
        Map<String, String> properties = new java.util.TreeMap<>();
        env.forEach((name, raw) -> {
            if (KAFKA_PASS_THROUGH.stream().anyMatch(name::startsWith) && raw != null && !raw.isBlank()) {
                properties.put(name.substring(KAFKA_PREFIX.length()).toLowerCase(java.util.Locale.ROOT).replace('_', '.'),
                        raw.strip());
            }
        });
        if (!properties.isEmpty() && value(env, KAFKA).isEmpty()) {
            problems.add("Kafka client settings (" + String.join(", ", properties.keySet()) + ") are set but " + KAFKA
                    + " is not");
        }
        return Map.copyOf(properties);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** A whole number of at least 1, or the default when the variable is not set. */
    private static Admission admission(Map<String, String> env, List<String> problems) {
        Optional<String> text = value(env, CREATE_ADMISSION);
        if (text.isEmpty()) {
            return Admission.ADAPTIVE;
        }
        return switch (text.get()) {
            case "adaptive" -> Admission.ADAPTIVE;
            case "fixed" -> Admission.FIXED;
            default -> {
                problems.add(CREATE_ADMISSION + " must be adaptive or fixed, not '" + text.get() + "'");
                yield Admission.ADAPTIVE;
            }
        };
    }

    private static int positive(Map<String, String> env, String name, int fallback, List<String> problems) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(text.get());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a whole number, at least 1");
        return fallback;
    }

    private static boolean looksLikePostgresUrl(String url) {
        return url.startsWith("postgresql://") || url.startsWith("postgres://");
    }

    private static boolean looksLikeHttpUrl(String url) {
        try {
            String scheme = URI.create(url).getScheme();
            return ("http".equals(scheme) || "https".equals(scheme)) && URI.create(url).getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
