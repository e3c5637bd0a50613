package com.amba.payments.app.http;

import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.adapter.postgres.ScratchDatabase;
import com.amba.payments.adapter.stripe.StripePaymentProvider;
import com.amba.payments.adapter.stripe.StripeSecretKey;
import com.amba.payments.adapter.stripe.StripeSettings;
import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.app.AdapterChoice;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.DemoCredentials;
import com.amba.payments.app.Parts;
import com.amba.payments.app.RunningAmba;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A dev-mode service on a free port, with helpers to set up projects through the Admin API. Which parts it
 * runs on is chosen by system properties, so one suite proves every combination end to end:
 * {@code amba.test.store=postgres} (a scratch PostgreSQL database instead of memory) and
 * {@code amba.test.provider=stripe} (the Stripe adapter against a local Stripe-compatible server instead of
 * the sandbox).
 */
public final class DevAmba implements AutoCloseable {

    public static final String WEBHOOK_SECRET = "whsec_test_amba_end_to_end";
    /** Short, so that tests of lost answers wait out the timeout quickly. */
    static final Duration STRIPE_READ_TIMEOUT = Duration.ofSeconds(1);

    public final RunningAmba running;
    public final Api api;
    public final DemoCredentials demo;
    public final Parts parts;
    public final ProviderDriver provider;
    private final Optional<LocalStripe> stripe;

    private DevAmba(RunningAmba running, Parts parts, Optional<LocalStripe> stripe) {
        this.running = running;
        this.parts = parts;
        this.stripe = stripe;
        this.api = new Api(running.port());
        this.demo = running.demo().orElseThrow();
        this.provider = stripe.<ProviderDriver>map(s -> new LocalStripeDriver(s, STRIPE_READ_TIMEOUT))
                .orElseGet(() -> new SandboxDriver(api, (SandboxPaymentProvider) parts.provider()));
        stripe.ifPresent(s -> {
            s.deliverWebhooksTo(URI.create("http://127.0.0.1:" + running.port() + "/webhooks/stripe"));
            provider.completeOnboarding(demo.accountId().value());
        });
    }

    public static DevAmba start() {
        return start(UnaryOperator.identity());
    }

    /** Starts with the chosen parts, some of them replaced by the test (a failing store, say). */
    public static DevAmba start(UnaryOperator<Parts> adjust) {
        return start(UnaryOperator.identity(), adjust);
    }

    /** Also with a configuration adjusted by the test (capacity limits, say). */
    public static DevAmba start(UnaryOperator<AmbaConfig> configure, UnaryOperator<Parts> adjust) {
        Optional<LocalStripe> stripe = onStripe() ? Optional.of(LocalStripe.start()) : Optional.empty();
        AmbaConfig config = configure.apply(AmbaConfig.dev().withPort(0).withWebhookSecret(WEBHOOK_SECRET));
        if (stripe.isPresent()) {
            config = config.withStripe(stripe.get().secretKey(), stripe.get().apiBase().toString(),
                    stripe.get().webhookSecret());
        }
        Parts parts = onPostgres() ? postgresParts(config) : partsFor(config);
        if (stripe.isPresent()) {
            StripeSettings quick = StripeSettings.of(new StripeSecretKey(stripe.get().secretKey()))
                    .withApiBase(stripe.get().apiBase()).withTimeouts(Duration.ofSeconds(1), STRIPE_READ_TIMEOUT);
            parts = parts.withProvider(new StripePaymentProvider(quick), Optional.empty()).closing(stripe.get());
        }
        parts = adjust.apply(parts);
        return new DevAmba(Amba.start(config, parts), parts, stripe);
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("amba.test.store"));
    }

    public static boolean onStripe() {
        return "stripe".equals(System.getProperty("amba.test.provider"));
    }

    /** The parts the configuration asks for, with a Vert.x of their own that closes with them. */
    public static Parts partsFor(AmbaConfig config) {
        Vertx storeVertx = Vertx.vertx();
        return AdapterChoice.partsFor(config, storeVertx, InstantSource.system(),
                config.stripeWebhookSecret().orElseThrow()).closing(() -> storeVertx.close().await());
    }

    /** Parts on a fresh PostgreSQL database, dropped when the service closes. */
    public static Parts postgresParts(AmbaConfig config) {
        ScratchDatabase database = ScratchDatabase.create();
        return postgresParts(config, database.urlText()).closing(database);
    }

    /** Parts on an existing database (restarts, two instances): the caller owns the database. */
    public static Parts postgresParts(AmbaConfig config, String databaseUrl) {
        return partsFor(config.withDatabaseUrl(databaseUrl));
    }

    public Optional<LocalStripe> localStripe() {
        return stripe;
    }

    public String adminToken() {
        return running.adminToken();
    }

    public Api.Answer admin(String method, String path, String body) {
        return api.admin(method, path, adminToken(), body);
    }

    public String newProject(String name) {
        Api.Answer created = admin("POST", "/admin/projects", new JsonObject().put("name", name).encode());
        if (created.status() != 200) {
            throw new IllegalStateException("could not create a project: " + created);
        }
        return created.data().getString("project_id");
    }

    public String newKey(String projectId, String kind) {
        Api.Answer key = admin("POST", "/admin/projects/" + projectId + "/api-keys",
                new JsonObject().put("kind", kind).encode());
        if (key.status() != 200) {
            throw new IllegalStateException("could not issue a key: " + key);
        }
        return key.data().getString("api_key");
    }

    /** Creates the project's connected account; answers its id. It starts unable to take charges. */
    public String newAccount(String projectId) {
        Api.Answer account = admin("POST", "/admin/projects/" + projectId + "/payments/account", null);
        if (account.status() != 200) {
            throw new IllegalStateException("could not create an account: " + account);
        }
        return account.data().getString("stripe_account_id");
    }

    public void completeOnboarding(String accountId) {
        provider.completeOnboarding(accountId);
    }

    /** A second project, onboarded and ready, with its own server key. */
    public String readyProjectServerKey(String name) {
        String project = newProject(name);
        String key = newKey(project, "server");
        completeOnboarding(newAccount(project));
        return key;
    }

    @Override
    public void close() {
        running.close();
    }
}
