package com.amba.payments.app;

import com.amba.payments.adapter.http.AmbaHttpServer;
import com.amba.payments.adapter.http.HttpDependencies;
import com.amba.payments.adapter.http.MoneyBackCalls;
import com.amba.payments.adapter.http.OutgoingWebhooksApi;
import com.amba.payments.adapter.memory.InMemoryControlPlane;
import com.amba.payments.adapter.memory.InMemoryLedger;
import com.amba.payments.adapter.memory.InProcessEventBus;
import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.adapter.postgres.PostgresStore;
import com.amba.payments.adapter.webhooks.VertxWebhookSender;
import com.amba.payments.domain.model.AdminToken;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.DestinationRules;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.ReceiveProviderWebhook;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.service.AdminService;
import com.amba.payments.domain.service.CancelService;
import com.amba.payments.domain.port.out.AdmissionLimit;
import com.amba.payments.domain.service.CreateAdmission;
import com.amba.payments.domain.service.FixedAdmissionLimit;
import com.amba.payments.domain.service.CreationTiming;
import com.amba.payments.domain.service.LiveEventsService;
import com.amba.payments.domain.service.OnboardingService;
import com.amba.payments.domain.service.DisputeEventsService;
import com.amba.payments.domain.service.OrphanIntentsService;
import com.amba.payments.domain.service.OutboxRelayService;
import com.amba.payments.domain.service.OutboxWatchService;
import com.amba.payments.domain.service.PaymentStandingService;
import com.amba.payments.domain.service.PaymentsService;
import com.amba.payments.domain.service.ProjectsService;
import com.amba.payments.domain.service.ProviderEventRouter;
import com.amba.payments.domain.service.ProviderEventsService;
import com.amba.payments.domain.service.ReconcilerService;
import com.amba.payments.domain.service.RefundEventsService;
import com.amba.payments.domain.service.RefundService;
import com.amba.payments.domain.service.SecureRandomIds;
import com.amba.payments.domain.service.WebhookDeliveryService;
import com.amba.payments.domain.service.WebhookEndpointsService;
import com.amba.payments.domain.service.WebhookService;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The whole system, wired by hand: {@link #devParts} and the other part builders choose adapters; {@link #start}
 * plugs them into the domain's use cases and opens the HTTP API. Reading these two methods shows every part.
 */
public final class Amba {

    private static final System.Logger LOG = System.getLogger(Amba.class.getName());

    static final Duration RELAY_EVERY = Duration.ofMillis(200);
    static final Duration RECONCILE_EVERY = Duration.ofSeconds(30);
    /** How often the outbox's backlog is looked at for /metrics. */
    static final Duration WATCH_OUTBOX_EVERY = Duration.ofSeconds(1);
    /**
     * How long an outbox entry may wait in normal operation: one relay period plus the batch ahead of it is
     * well under this (ProviderTimelineOverKafkaTest holds p99 to it); past it the watch logs a WARNING.
     */
    static final Duration OUTBOX_WAIT_BOUND = Duration.ofSeconds(2);
    static final BasisPoints DEMO_PLATFORM_FEE = new BasisPoints(250);

    private Amba() {
    }

    /** Starts with the adapters the configuration asks for. */
    public static RunningAmba start(AmbaConfig config) {
        String webhookSecret = webhookSecretOf(config);
        Vertx vertx = newVertx();
        Parts parts;
        try {
            parts = AdapterChoice.partsFor(config, vertx, InstantSource.system(), webhookSecret);
        } catch (RuntimeException e) {
            vertx.close();
            throw StartupFailure.of(e);
        }
        return start(config, parts, vertx, webhookSecret);
    }

    /** Dev mode without a configured secret signs and verifies webhooks with a sandbox secret of its own. */
    static String webhookSecretOf(AmbaConfig config) {
        return config.stripeWebhookSecret().orElseGet(() -> "whsec_sandbox_" + new SecureRandomIds().alphanumeric(32));
    }

    /** Dev mode: everything in memory, the sandbox provider, an in-process event bus. */
    public static Parts devParts(InstantSource clock) {
        InProcessEventBus bus = new InProcessEventBus();
        SandboxPaymentProvider sandbox = new SandboxPaymentProvider(bus, clock);
        InMemoryLedger ledger = new InMemoryLedger();
        return new Parts(new InMemoryControlPlane(), ledger, ledger, ledger.refunds(), sandbox, sandbox, sandbox,
                Optional.of(sandbox), Optional.empty(), bus, bus, bus::connect, List.of(), List.of(),
                OutgoingWebhooks.inMemory(ledger));
    }

    /** Starts with parts chosen by the caller (tests replace some of them). */
    public static RunningAmba start(AmbaConfig config, Parts parts) {
        return start(config, parts, newVertx(), webhookSecretOf(config));
    }

    /** Starts with parts that already run on {@code vertx}, as {@link #start(AmbaConfig)} wires them. */
    public static RunningAmba start(AmbaConfig config, Parts parts, Vertx vertx) {
        return start(config, parts, vertx, webhookSecretOf(config));
    }

    /**
     * The one Vert.x of a service: its HTTP servers, PostgreSQL clients and webhook senders share its event loops,
     * on Linux's epoll where Netty's native library loads (fewer system calls and wake-ups than java.nio), else on
     * java.nio.
     */
    public static Vertx newVertx() {
        return Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    }

    /**
     * Anything that fails on the way (Vert.x rethrows a taken port's checked {@code BindException} as it is)
     * closes what was opened and becomes one {@link StartupFailure}: no thread is left to keep the process alive.
     */
    private static RunningAmba start(AmbaConfig config, Parts parts, Vertx vertx, String webhookSecret) {
        Background background = new Background();
        try {
            return start(config, parts, vertx, webhookSecret, background);
        } catch (Exception e) {
            // A start that failed half-way must not leave its consumer in the group, holding partitions.
            background.close();
            RunningAmba.closeAll(vertx, parts);
            throw StartupFailure.of(e);
        }
    }

    private static RunningAmba start(AmbaConfig config, Parts chosen, Vertx vertx, String webhookSecret,
                                     Background background) {
        long startedAt = System.nanoTime();
        Logging.guardSecrets();
        InstantSource clock = InstantSource.system();
        SecureRandomIds ids = new SecureRandomIds();
        String adminSecret = config.adminToken().orElseGet(() -> "amba_admin_" + ids.alphanumeric(32));

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Parts parts = chosen.closing(JvmMetrics.bindTo(metrics));
        // Every use case talks to the provider through the meter; parts.provider() stays the adapter itself.
        PaymentProvider provider = new MeteredPaymentProvider(parts.provider(), metrics);
        ProviderEventsService providerEvents = new ProviderEventsService(parts.ledger(), parts.controlPlane(),
                provider, ids, clock);
        RefundEventsService refundEvents = new RefundEventsService(parts.ledger(), parts.refunds(),
                parts.providerRefunds(), ids, clock);
        DisputeEventsService disputeEvents = new DisputeEventsService(parts.ledger(), parts.refunds(), ids, clock);
        parts.consumeWith().accept(new MeteredProviderEvents(
                new ProviderEventRouter(providerEvents, refundEvents, disputeEvents), metrics));
        for (AutoCloseable part : parts.closeables()) {
            if (part instanceof MetricsSource source) {
                source.bindMetrics(metrics);
            }
            if (part instanceof PostgresStore store) {
                DatabasePoolGauges.register(store, metrics);
            }
        }
        PaymentsService payments = new PaymentsService(parts.controlPlane(), parts.ledger(), provider,
                providerEvents, ids, clock, CreationTiming.defaults());
        RefundService refunds = new RefundService(parts.controlPlane(), parts.ledger(), parts.refunds(),
                parts.providerRefunds(), ids, clock, CreationTiming.defaults());
        CancelService cancel = new CancelService(parts.controlPlane(), parts.ledger(), parts.refunds(),
                parts.providerRefunds(), ids, clock);
        PaymentStandingService standing = new PaymentStandingService(parts.controlPlane(), parts.refunds());
        AdminService admin = new AdminService(parts.controlPlane(), parts.ledger(), provider, ids, clock);
        Optional<ReceiveProviderWebhook> webhooks = parts.webhooks()
                .map(verifier -> new WebhookService(verifier, parts.handoff()));
        OutboxRelayService relay = new OutboxRelayService(parts.outbox(), parts.downstream());
        ReconcilerService reconciler = new ReconcilerService(parts.ledger(), provider, providerEvents, clock,
                config.reconcileAfter());

        Optional<DemoCredentials> demo = config.mode() == AmbaConfig.Mode.DEV
                ? Optional.of(DemoProject.setUp(parts, admin, ids, clock)) : Optional.empty();

        OutboxWatchService outboxWatch = new OutboxWatchService(parts.outbox(), clock, OUTBOX_WAIT_BOUND);
        OutboxGauges.register(outboxWatch, metrics);

        OutgoingWebhooks outgoing = parts.outgoing();
        DestinationRules destinations = new DestinationRules(config.mode() == AmbaConfig.Mode.PRODUCTION);
        VertxWebhookSender sender = new VertxWebhookSender(vertx, destinations, outgoing.resolver(),
                VertxWebhookSender.TIMEOUT, clock);
        LiveEventsService liveEvents = new LiveEventsService(parts.controlPlane());
        WebhookDeliveryService deliveries = new WebhookDeliveryService(outgoing.deliveries(), sender, ids, clock,
                outgoing.settings(), (RandomGenerator) () -> ThreadLocalRandom.current().nextLong(), liveEvents);
        WebhookEndpointsService webhookEndpoints = new WebhookEndpointsService(parts.controlPlane(),
                outgoing.endpoints(), outgoing.deliveries(), ids, clock, destinations, outgoing.rotationOverlap(),
                parts.ledger());
        WebhookDispatcher dispatcher = new WebhookDispatcher(deliveries, outgoing.settings().perEndpoint());

        background.every(RELAY_EVERY, "outbox relay", relay::drain);
        background.every(WATCH_OUTBOX_EVERY, "outbox watch", outboxWatch::look);
        MeteredReconciler meteredReconciler = new MeteredReconciler(reconciler, metrics);
        background.every(RECONCILE_EVERY, "reconciler", meteredReconciler::reconcileOnce);
        background.every(RECONCILE_EVERY, "parked refund events", refundEvents::applyParked);
        MeteredOrphanSweep orphans = new MeteredOrphanSweep(new OrphanIntentsService(parts.controlPlane(),
                parts.ledger(), parts.providerSearch(), parts.providerRefunds(), clock, config.orphanGrace()), metrics);
        background.every(RECONCILE_EVERY, "orphan intents", orphans::sweepOnce);
        background.every(outgoing.pollEvery(), "outgoing webhooks", dispatcher::tick);

        CreateAdmission creates = new CreateAdmission(new MeteredCreatePayment(payments, metrics),
                AdmissionGauges.register(admissionLimit(config.capacity()), metrics));
        OnboardingService onboarding = new OnboardingService(parts.controlPlane(), provider);
        HttpDependencies http = new HttpDependencies(creates, standing, new MoneyBackCalls(cancel, refunds), admin,
                onboarding, new ProjectsService(parts.controlPlane()), webhooks, parts.sandbox(),
                new AdminToken(adminSecret), parts.readiness(), metrics, config.httpPort(),
                Optional.of(new OutgoingWebhooksApi(webhookEndpoints, liveEvents)));
        int port = deployHttp(vertx, http, config.capacity().httpInstances());
        if (parts.provider() instanceof SandboxPaymentProvider sandbox) {
            sandbox.servedAt(URI.create("http://localhost:" + port));
        }
        RunningAmba running = new RunningAmba(vertx, background, port, adminSecret, webhookSecret, demo, parts, relay,
                orphans, List.of(dispatcher, sender));
        LOG.log(System.Logger.Level.INFO, ServiceReport.started(config, parts, port,
                Duration.ofNanos(System.nanoTime() - startedAt), vertx.isNativeTransportEnabled()));
        return running;
    }

    private static AdmissionLimit admissionLimit(AmbaConfig.Capacity capacity) {
        return switch (capacity.admission()) {
            case ADAPTIVE -> new AdaptiveAdmissionLimit(capacity.maxCreatesInFlight());
            case FIXED -> new FixedAdmissionLimit(capacity.maxCreatesInFlight());
        };
    }

    /**
     * One HTTP verticle instance per configured event loop, all on one port: Vert.x binds the port once and
     * hands connections to the instances in turn (port 0 picks one free port that they all share).
     */
    private static int deployHttp(Vertx vertx, HttpDependencies configured, int instances) {
        HttpDependencies http = configured.port() == 0 ? configured.withPort(HttpDependencies.SHARED_FREE_PORT)
                : configured;
        List<AmbaHttpServer> servers = new java.util.concurrent.CopyOnWriteArrayList<>();
        try {
            vertx.deployVerticle(() -> {
                AmbaHttpServer server = new AmbaHttpServer(http);
                servers.add(server);
                return server;
            }, new DeploymentOptions().setInstances(instances)).await();
        } catch (Exception e) {
            throw StartupFailure.listening(configured.port(), e);
        }
        Set<Integer> ports = servers.stream().map(AmbaHttpServer::port).collect(java.util.stream.Collectors.toSet());
        if (ports.size() != 1) {
            throw new IllegalStateException("the HTTP verticle instances listen on different ports: " + ports);
        }
        return ports.iterator().next();
    }

    /** Dev mode's demo: a project that can take payments right away, with a server and a client key. */
    static final class DemoProject {

        private DemoProject() {
        }

        static final String NAME = "Demo shop";

        /** With a durable store the demo project of an earlier run is kept; it only gets fresh keys. */
        static DemoCredentials setUp(Parts parts, AdminService admin, SecureRandomIds ids, InstantSource clock) {
            Optional<Project> earlier = parts.controlPlane().projects().stream()
                    .filter(p -> p.name().equals(NAME) && p.account().isPresent()).findFirst();
            Project project = earlier.orElseGet(() -> {
                parts.controlPlane().setPaymentsEnabled(true);
                parts.controlPlane().setPlatformDefaultFee(Optional.of(DEMO_PLATFORM_FEE));
                Project fresh = new Project(ids.newProjectId(), NAME, Optional.empty(), Optional.empty(),
                        clock.instant().truncatedTo(ChronoUnit.MICROS));
                ConnectedAccount account = parts.provider() instanceof SandboxPaymentProvider sandbox
                        ? sandbox.createReadyAccount()
                        : accountAtTheProvider(parts, fresh);
                Project onboarded = fresh.withAccount(account);
                parts.controlPlane().addProject(onboarded);
                return onboarded;
            });
            ConnectedAccount account = project.account().orElseThrow();
            // Keys are stored hashed, so a kept demo project gets a fresh pair to print.
            String serverKey = admin.issue(project.id(), ApiKeyKind.SERVER).secret().orElseThrow();
            String clientKey = admin.issue(project.id(), ApiKeyKind.CLIENT).secret().orElseThrow();
            return new DemoCredentials(project.id(), account.id(), serverKey, clientKey);
        }

        private static ConnectedAccount accountAtTheProvider(Parts parts, Project project) {
            return switch (parts.provider().createAccount(project.id())) {
                case Result.Ok<ConnectedAccount, ProviderFailure> created -> created.value();
                case Result.Err<ConnectedAccount, ProviderFailure> failed -> throw new IllegalStateException(
                        "dev mode could not create the demo project's connected account at the payment provider: "
                                + failed.error().detail());
            };
        }
    }
}
