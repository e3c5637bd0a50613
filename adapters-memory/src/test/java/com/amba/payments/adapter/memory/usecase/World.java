package com.amba.payments.adapter.memory.usecase;

import com.amba.payments.adapter.memory.InMemoryControlPlane;
import com.amba.payments.adapter.memory.InMemoryLedger;
import com.amba.payments.adapter.memory.InProcessEventBus;
import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.InputValue;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.StoreUnavailable;
import com.amba.payments.domain.service.CreationTiming;
import com.amba.payments.domain.service.OutboxRelayService;
import com.amba.payments.domain.service.PaymentStandingService;
import com.amba.payments.domain.service.PaymentsService;
import com.amba.payments.domain.service.ProviderEventsService;
import com.amba.payments.domain.service.ReconcilerService;
import com.amba.payments.domain.service.SecureRandomIds;
import com.amba.payments.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dev mode's wiring, by hand as the app does it: in-memory stores, the in-process bus and the sandbox, with one
 * project that is ready to take payments (platform default fee 250 bps) and a server and a client key.
 */
final class World {

    static final Duration QUIET_FOR = Duration.ofMinutes(10);

    final InstantSource clock;
    final InMemoryControlPlane controlPlane = new InMemoryControlPlane();
    final InMemoryLedger ledger = new InMemoryLedger();
    final InProcessEventBus bus = new InProcessEventBus();
    final SandboxPaymentProvider sandbox;
    final ProviderEventsService events;
    final PaymentsService payments;
    /** The read a project's GET makes: the payment with its refunds and dispute. */
    final PaymentStandingService standings;
    final ReconcilerService reconciler;
    final OutboxRelayService relay;
    final Project project;
    final String serverKey;
    final String clientKey;
    /** Off: the sandbox's events are lost on the way, as a webhook Stripe gave up on. */
    volatile boolean webhooksArrive = true;

    World(InstantSource clock, CreationTiming timing) {
        this.clock = clock;
        SecureRandomIds ids = new SecureRandomIds();
        sandbox = new SandboxPaymentProvider(event -> {
            if (!webhooksArrive) {
                throw new StoreUnavailable("test: this webhook never arrives");
            }
            bus.handOff(event);
        }, clock);
        events = new ProviderEventsService(ledger, controlPlane, sandbox, ids, clock);
        bus.connect(events);
        payments = new PaymentsService(controlPlane, ledger, sandbox, events, ids, clock, timing);
        standings = new PaymentStandingService(controlPlane, ledger.refunds());
        reconciler = new ReconcilerService(ledger, sandbox, events, clock, QUIET_FOR);
        relay = new OutboxRelayService(ledger, bus);
        controlPlane.setPaymentsEnabled(true);
        controlPlane.setPlatformDefaultFee(Optional.of(new BasisPoints(250)));
        Project bare = newProject();
        controlPlane.attachAccount(bare.id(), sandbox.createReadyAccount());
        project = controlPlane.project(bare.id()).orElseThrow();
        serverKey = issueKey(project, ApiKeyKind.SERVER);
        clientKey = issueKey(project, ApiKeyKind.CLIENT);
    }

    Project newProject() {
        Project made = new Project(TestIds.projectId(), "Shop", Optional.empty(), Optional.empty(), clock.instant());
        controlPlane.addProject(made);
        return made;
    }

    String issueKey(Project owner, ApiKeyKind kind) {
        String secret = kind.prefix() + TestIds.alphanumeric(32);
        controlPlane.addApiKey(new com.amba.payments.domain.model.ApiKey(
                new com.amba.payments.domain.model.ApiKeyId("key_" + TestIds.alphanumeric(20)), owner.id(), kind,
                com.amba.payments.domain.model.KeyHash.of(secret), clock.instant(), Optional.empty()));
        return secret;
    }

    Result<Payment, PaymentError> create(RequestBody body) {
        return payments.create(Optional.of(serverKey), body);
    }

    Payment created(RequestBody body) {
        return create(body).orElseThrow();
    }

    Result<Payment, PaymentError> create(Body body) {
        return create(body.done());
    }

    Payment created(Body body) {
        return created(body.done());
    }

    Payment read(Payment payment) {
        return standings.readStanding(Optional.of(clientKey), payment.id().value()).orElseThrow().payment();
    }

    static Body body(long amount) {
        return new Body().with("amount", InputValue.WholeNumber.of(amount)).with("currency", new InputValue.Text("usd"));
    }

    static String codeOf(Result<?, PaymentError> result) {
        return result instanceof Result.Err<?, PaymentError> err ? err.error().code() : "OK";
    }

    static CreationTiming fastTiming(Duration lease) {
        return new CreationTiming(lease, Duration.ofSeconds(20), Duration.ofMillis(2));
    }

    static InstantSource systemClock() {
        return InstantSource.system();
    }

    static Instant t0() {
        return Instant.parse("2025-03-01T12:00:00.250Z");
    }

    /** A create body built field by field. */
    static final class Body {
        private final Map<String, InputValue> fields = new HashMap<>();

        Body with(String name, InputValue value) {
            fields.put(name, value);
            return this;
        }

        Body reference(String reference) {
            return with("client_reference", new InputValue.Text(reference));
        }

        Body fee(long minor) {
            return with("application_fee_amount", InputValue.WholeNumber.of(minor));
        }

        Body bps(long rate) {
            return with("platform_fee_bps", InputValue.WholeNumber.of(rate));
        }

        RequestBody.Fields done() {
            return new RequestBody.Fields(fields);
        }
    }
}
