package com.amba.payments.app.bench;

import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.adapter.stripe.localstripe.WebhookDelivery;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.DemoCredentials;
import com.amba.payments.app.Parts;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.DevAmba;
import com.amba.payments.domain.model.ReportLine;
import java.net.URI;
import java.util.Optional;

/**
 * The service in dev mode on a free loopback port, on the parts a scenario asks for, wired the way the
 * configuration wires it (so the Stripe adapter gets its production timeouts and retries, not the short ones
 * the HTTP tests use). The demo project is onboarded and takes payments at once.
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

    private static final String SANDBOX_WEBHOOK_SECRET = "whsec_bench_sandbox";

    private final RunningAmba running;
    private final DemoCredentials demo;

    private ServiceUnderTest(RunningAmba running) {
        this.running = running;
        this.demo = running.demo().orElseThrow();
    }

    /** {@code stripe} is the local Stripe server for {@link Setup#MEMORY_STRIPE}; the caller keeps owning it. */
    static ServiceUnderTest start(Setup setup, Optional<LocalStripe> stripe, BenchOptions options) {
        AmbaConfig config = AmbaConfig.dev().withPort(0).withWebhookSecret(SANDBOX_WEBHOOK_SECRET);
        AmbaConfig.Capacity capacity = config.capacity();
        if (options.httpInstances() > 0) {
            capacity = capacity.withHttpInstances(options.httpInstances());
        }
        if (options.maxCreatesInFlight() > 0) {
            capacity = capacity.withMaxCreatesInFlight(options.maxCreatesInFlight());
        }
        config = config.withCapacity(capacity);
        if (setup == Setup.MEMORY_STRIPE) {
            LocalStripe server = stripe.orElseThrow(() -> new IllegalArgumentException("needs the local Stripe"));
            config = config.withStripe(server.secretKey(), server.apiBase().toString(), server.webhookSecret());
        }
        Parts parts = setup == Setup.POSTGRES_SANDBOX ? DevAmba.postgresParts(config) : DevAmba.partsFor(config);
        ServiceUnderTest service = new ServiceUnderTest(Amba.start(config, parts));
        if (parts.provider() instanceof SandboxPaymentProvider sandbox) {
            sandbox.setCreateLatency(options.providerLatency());
        }
        if (setup == Setup.MEMORY_STRIPE) {
            service.onboardOn(stripe.get());
        }
        return service;
    }

    /** The demo account starts not ready on Stripe; finishing onboarding sends the service account.updated. */
    private void onboardOn(LocalStripe stripe) {
        stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:" + running.port() + "/webhooks/stripe"));
        int status = stripe.completeOnboarding(demo.accountId().value()).map(WebhookDelivery::status).orElse(0);
        if (status != 200) {
            close();
            throw new IllegalStateException("the service did not accept account.updated: " + status);
        }
    }

    PaymentsApiCalls calls(String runId) {
        return new PaymentsApiCalls(running.port(), demo.serverKey(), demo.clientKey(), runId);
    }

    /** Payments in the ledger, and intents the provider made (the sandbox only; else -1). */
    long ledgerPayments() {
        return running.parts().ledger().report().lines().stream().mapToLong(ReportLine::count).sum();
    }

    long providerIntents() {
        return running.parts().provider() instanceof SandboxPaymentProvider sandbox ? sandbox.createdIntentCount() : -1;
    }

    @Override
    public void close() {
        running.close();
    }
}
