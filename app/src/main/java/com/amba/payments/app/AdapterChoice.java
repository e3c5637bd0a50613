package com.amba.payments.app;

import com.amba.payments.adapter.http.ReadinessCheck;
import com.amba.payments.adapter.kafka.KafkaCluster;
import com.amba.payments.adapter.kafka.KafkaPaymentEvents;
import com.amba.payments.adapter.kafka.KafkaProviderEventConsumer;
import com.amba.payments.adapter.kafka.KafkaProviderEventHandoff;
import com.amba.payments.adapter.kafka.KafkaSettings;
import com.amba.payments.adapter.memory.InMemoryControlPlane;
import com.amba.payments.adapter.memory.InMemoryLedger;
import com.amba.payments.adapter.memory.InProcessEventBus;
import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.adapter.memory.SandboxRecall;
import com.amba.payments.adapter.postgres.PostgresSettings;
import com.amba.payments.adapter.postgres.PostgresStore;
import com.amba.payments.adapter.stripe.OnboardingUrls;
import com.amba.payments.adapter.webhooks.HostResolver;
import com.amba.payments.adapter.stripe.StripeMode;
import com.amba.payments.adapter.stripe.StripePaymentProvider;
import com.amba.payments.adapter.stripe.StripeSecretKey;
import com.amba.payments.adapter.stripe.StripeSettings;
import com.amba.payments.adapter.stripe.StripeWebhooks;
import com.amba.payments.adapter.stripe.WebhookSigningSecret;
import com.amba.payments.domain.port.in.ApplyProviderEvent;
import com.amba.payments.domain.port.in.OperateSandbox;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.PaymentEvents;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.model.WebhookEndpoint;
import com.amba.payments.domain.port.out.ProviderEventHandoff;
import com.amba.payments.domain.port.out.ProviderIntentSearch;
import com.amba.payments.domain.port.out.ProviderRefunds;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.service.WebhookDeliveryService;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which adapter serves each port, from the configuration: PostgreSQL when a database URL is set (else memory),
 * Kafka when brokers are set (else the in-process bus), Stripe when a secret key is set (else the sandbox).
 */
public final class AdapterChoice {

    static final String LEDGER_CONSUMER_GROUP = "amba-ledger";
    static final int TOPIC_PARTITIONS = 6;

    private AdapterChoice() {
    }

    public static Parts partsFor(AmbaConfig config, Vertx vertx, InstantSource clock, String webhookSecret) {
        return partsFor(config, vertx, clock, webhookSecret, PostgresSettings.defaults());
    }

    /** With PostgreSQL settings of the caller's (the benchmark sizes the pools differently to measure them). */
    public static Parts partsFor(AmbaConfig config, Vertx vertx, InstantSource clock, String webhookSecret,
                                 PostgresSettings postgres) {
        List<AutoCloseable> closeables = new ArrayList<>();
        List<ReadinessCheck> readiness = new ArrayList<>();

        ControlPlane controlPlane;
        Ledger ledger;
        Outbox outbox;
        RefundLedger refunds;
        OutgoingWebhooks outgoing;
        if (config.databaseUrl().isPresent()) {
            PostgresStore store = PostgresStore.connect(vertx, config.databaseUrl().get(), postgres);
            closeables.add(store);
            readiness.add(ReadinessCheck.of("database", store::isReachable));
            controlPlane = store.cachedControlPlane();
            ledger = store.ledger();
            outbox = store.outbox();
            refunds = store.refunds();
            outgoing = new OutgoingWebhooks(store.webhooks(), store.webhooks(), HostResolver.SYSTEM,
                    WebhookDeliveryService.Settings.DEFAULT, OutgoingWebhooks.POLL_EVERY,
                    WebhookEndpoint.ROTATION_OVERLAP);
        } else {
            InMemoryLedger memory = new InMemoryLedger();
            controlPlane = new InMemoryControlPlane();
            ledger = memory;
            outbox = memory;
            refunds = memory.refunds();
            outgoing = OutgoingWebhooks.inMemory(memory);
        }

        ProviderEventHandoff handoff;
        PaymentEvents downstream;
        Consumer<ApplyProviderEvent> consumeWith;
        if (config.kafkaBootstrapServers().isPresent()) {
            KafkaSettings kafka = KafkaSettings.of(config.kafkaBootstrapServers().get(), "amba")
                    .withClientProperties(config.kafkaClientProperties());
            KafkaCluster cluster = new KafkaCluster(kafka);
            closeables.add(cluster);
            cluster.ensureTopics(KafkaCluster.TopicLayout.brokerDefaultReplication(TOPIC_PARTITIONS));
            KafkaProviderEventHandoff kafkaHandoff = new KafkaProviderEventHandoff(kafka);
            KafkaPaymentEvents kafkaEvents = new KafkaPaymentEvents(kafka);
            ConsumerHolder consumer = new ConsumerHolder(kafkaHandoff, kafkaEvents);
            closeables.add(0, consumer);
            closeables.add(kafkaHandoff);
            closeables.add(kafkaEvents);
            readiness.add(ReadinessCheck.of("kafka", () -> cluster.isReachable() && consumer.isRunning()));
            handoff = kafkaHandoff;
            downstream = kafkaEvents;
            consumeWith = apply -> consumer.started = new KafkaProviderEventConsumer(kafka, LEDGER_CONSUMER_GROUP, apply).start();
        } else {
            InProcessEventBus bus = new InProcessEventBus();
            handoff = bus;
            downstream = bus;
            consumeWith = bus::connect;
        }

        PaymentProvider provider;
        ProviderRefunds providerRefunds;
        ProviderIntentSearch providerSearch;
        Optional<OperateSandbox> sandbox;
        StripeMode mode;
        if (config.stripeSecretKey().isPresent()) {
            StripeSecretKey key = new StripeSecretKey(config.stripeSecretKey().get());
            StripeSettings settings = StripeSettings.of(key);
            if (config.stripeApiBase().isPresent()) {
                settings = settings.withApiBase(URI.create(config.stripeApiBase().get()));
            }
            settings = settings.withOnboardingUrls(new OnboardingUrls(
                    config.onboardingRefreshUrl().orElse(ownPage(config, "/onboarding/refresh")),
                    config.onboardingReturnUrl().orElse(ownPage(config, "/onboarding/return"))));
            StripePaymentProvider stripe = new StripePaymentProvider(settings);
            provider = stripe;
            providerRefunds = stripe;
            providerSearch = stripe;
            sandbox = Optional.empty();
            mode = key.mode();
        } else {
            // With PostgreSQL the sandbox recalls earlier runs' intents and accounts from the ledger and control plane.
            SandboxPaymentProvider sandboxProvider = new SandboxPaymentProvider(handoff, clock,
                    config.databaseUrl().isPresent() ? SandboxRecall.from(ledger, controlPlane) : SandboxRecall.NOTHING);
            provider = sandboxProvider;
            providerRefunds = sandboxProvider;
            providerSearch = sandboxProvider;
            sandbox = Optional.of(sandboxProvider);
            mode = StripeMode.TEST;
        }
        StripeWebhooks webhooks = new StripeWebhooks(new WebhookSigningSecret(webhookSecret), mode, clock);

        return new Parts(controlPlane, ledger, outbox, refunds, provider, providerRefunds, providerSearch, sandbox,
                Optional.of(webhooks),
                handoff, downstream, consumeWith, readiness, closeables, outgoing);
    }

    /** Amba's own onboarding page on this host's port: right for a laptop; production sets its public URLs. */
    static String ownPage(AmbaConfig config, String path) {
        int port = config.httpPort() == 0 ? AmbaConfig.DEFAULT_PORT : config.httpPort();
        return "http://localhost:" + port + path;
    }

    /**
     * The Kafka consumer exists only once the use case it feeds does; closed first, before the producers. It
     * also binds the Kafka clients' metrics once the consumer exists (each binder closes with its client).
     */
    private static final class ConsumerHolder implements AutoCloseable, MetricsSource {
        private final KafkaProviderEventHandoff handoff;
        private final KafkaPaymentEvents events;
        private volatile KafkaProviderEventConsumer started;

        ConsumerHolder(KafkaProviderEventHandoff handoff, KafkaPaymentEvents events) {
            this.handoff = handoff;
            this.events = events;
        }

        @Override
        public void bindMetrics(MeterRegistry registry) {
            handoff.bindMetrics(registry);
            events.bindMetrics(registry);
            if (started != null) {
                started.bindMetrics(registry);
            }
        }

        boolean isRunning() {
            return started != null && started.isRunning();
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }
}
