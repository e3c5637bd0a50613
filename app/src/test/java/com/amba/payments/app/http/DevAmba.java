package com.amba.payments.app.http;

import com.amba.payments.adapter.postgres.ScratchDatabase;
import com.amba.payments.app.AdapterChoice;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.DemoCredentials;
import com.amba.payments.app.Parts;
import com.amba.payments.app.RunningAmba;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.InstantSource;
import java.util.function.UnaryOperator;

/** A dev-mode service on a free port, with helpers to set up projects through the Admin API. */
public final class DevAmba implements AutoCloseable {

    public final RunningAmba running;
    public final Api api;
    public final DemoCredentials demo;
    public final Parts parts;

    private DevAmba(RunningAmba running, Parts parts) {
        this.running = running;
        this.parts = parts;
        this.api = new Api(running.port());
        this.demo = running.demo().orElseThrow();
    }

    public static DevAmba start() {
        return start(UnaryOperator.identity());
    }

    /**
     * Starts with the dev parts, some of them replaced (a failing store, a counting provider). With the system
     * property {@code amba.test.store=postgres} the ledger and control plane are PostgreSQL, in a scratch
     * database of this service's own: the same suite then proves the Postgres adapter end to end.
     */
    public static DevAmba start(UnaryOperator<Parts> adjust) {
        AmbaConfig config = AmbaConfig.dev().withPort(0).withWebhookSecret(WEBHOOK_SECRET);
        Parts base = onPostgres() ? postgresParts(config) : Amba.devParts(InstantSource.system());
        Parts parts = adjust.apply(base);
        return new DevAmba(Amba.start(config, parts), parts);
    }

    public static final String WEBHOOK_SECRET = "whsec_test_amba_end_to_end";

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("amba.test.store"));
    }

    /** Dev parts on a fresh PostgreSQL database, dropped when the service closes. */
    public static Parts postgresParts(AmbaConfig config) {
        ScratchDatabase database = ScratchDatabase.create();
        return postgresParts(config, database.urlText()).closing(database);
    }

    /** Dev parts on an existing database (restarts, two instances): the caller owns the database. */
    public static Parts postgresParts(AmbaConfig config, String databaseUrl) {
        Vertx storeVertx = Vertx.vertx();
        return AdapterChoice.partsFor(config.withDatabaseUrl(databaseUrl), storeVertx, InstantSource.system(),
                config.stripeWebhookSecret().orElseThrow()).closing(() -> storeVertx.close().await());
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
        Api.Answer done = api.send("POST", "/sandbox/accounts/" + accountId + "/complete_onboarding",
                java.util.Map.of(), null);
        if (done.status() != 200) {
            throw new IllegalStateException("could not complete onboarding: " + done);
        }
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
