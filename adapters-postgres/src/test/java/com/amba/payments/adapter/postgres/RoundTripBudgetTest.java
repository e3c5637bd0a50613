package com.amba.payments.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.postgres.PgRoundTrips.RoundTrip;
import com.amba.payments.domain.model.InputValue;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.service.CreationTiming;
import com.amba.payments.domain.service.PaymentStandingService;
import com.amba.payments.domain.service.PaymentsService;
import com.amba.payments.domain.service.ProviderEventsService;
import com.amba.payments.domain.service.SecureRandomIds;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The round trips and commits of the hot paths, counted on the wire between the adapter and a real PostgreSQL
 * (a {@link TcpProxy} that reads the frontend protocol), with the control plane cached as the app wires it. Fails
 * when a create or a read takes more than its budget (issue 8): with a client reference at most 3 round trips and
 * 2 commits, without one at most 2, a read (the GET's, with refunds and dispute) 1 and no commit, whether it waits
 * or is made without waiting as the event loop makes it.
 */
class RoundTripBudgetTest {

    private static final int WARM_UP = 20;
    private static final int MEASURED = 10;

    private ScratchDatabase database;
    private PgRoundTrips trips;
    private TcpProxy proxy;
    private Vertx vertx;
    private PostgresStore store;
    private PaymentsService payments;
    private PaymentStandingService standings;
    private StoreFixture fixture;

    @BeforeEach
    void serviceBehindACountingProxy() throws Exception {
        database = ScratchDatabase.create();
        trips = new PgRoundTrips();
        proxy = TcpProxy.to(database.url().host(), database.url().port(), trips);
        vertx = Vertx.vertx();
        // One connection a pool, so that every statement is prepared on it during the warm-up; the listener
        // connects straight to the database, so its heartbeat is not counted.
        PostgresSettings defaults = PostgresSettings.defaults();
        PostgresSettings oneEach = new PostgresSettings(1, 1, defaults.pipeliningLimit(), defaults.waitQueueSize(),
                defaults.callTimeout(), defaults.connectTimeout(), defaults.statementTimeout(),
                Duration.ofSeconds(60), Duration.ofSeconds(60), defaults.readinessTimeout());
        store = PostgresStore.connect(vertx, database.url().withAddress("127.0.0.1", proxy.port()), oneEach,
                ControlPlaneCaching.defaults().withMaxAge(Duration.ofSeconds(60)).listeningAt(database.url()));
        fixture = StoreFixture.readyProject(store.controlPlane());
        SecureRandomIds ids = new SecureRandomIds();
        InstantSource clock = InstantSource.system();
        RecordingProvider provider = new RecordingProvider(Duration.ZERO);
        ProviderEventsService events = new ProviderEventsService(store.ledger(), store.cachedControlPlane(),
                provider, ids, clock);
        payments = new PaymentsService(store.cachedControlPlane(), store.ledger(), provider, events, ids, clock,
                CreationTiming.defaults());
        standings = new PaymentStandingService(store.cachedControlPlane(), store.refunds());
        awaitListening();
    }

    @AfterEach
    void tearDown() {
        store.close();
        vertx.close().await();
        proxy.close();
        database.close();
    }

    @Test
    void createsAndReadsStayWithinTheirRoundTripBudget() {
        for (int i = 0; i < WARM_UP; i++) {
            read(create(Optional.of("warm-" + i)));
            create(Optional.empty());
        }

        Map<String, List<RoundTrip>> worst = new HashMap<>();
        for (int i = 0; i < MEASURED; i++) {
            String reference = "order-" + i;
            List<RoundTrip> withReference = counted(() -> create(Optional.of(reference)));
            List<RoundTrip> withoutReference = counted(() -> create(Optional.empty()));
            Payment made = create(Optional.of("read-" + i));
            List<RoundTrip> reading = counted(() -> read(made));
            List<RoundTrip> readingAtOnce = counted(() -> readWithoutWaiting(made));

            within("create with client_reference", withReference, 3, 2);
            within("create without client_reference", withoutReference, 2, 1);
            within("read", reading, 1, 0);
            within("read without waiting", readingAtOnce, 1, 0);
            worst.merge("create with client_reference", withReference, RoundTripBudgetTest::longer);
            worst.merge("create without client_reference", withoutReference, RoundTripBudgetTest::longer);
            worst.merge("read", reading, RoundTripBudgetTest::longer);
            worst.merge("read without waiting", readingAtOnce, RoundTripBudgetTest::longer);
        }
        worst.forEach((what, seen) -> System.out.printf("%s: %d round trips, %d commits: %s%n", what, seen.size(),
                commits(seen), seen));
    }

    private Payment create(Optional<String> reference) {
        Map<String, InputValue> fields = new HashMap<>(Map.of("amount", InputValue.WholeNumber.of(2_000),
                "currency", new InputValue.Text("usd")));
        reference.ifPresent(r -> fields.put("client_reference", new InputValue.Text(r)));
        Result<Payment, PaymentError> created = payments.create(Optional.of(fixture.serverKey()),
                new RequestBody.Fields(fields));
        return switch (created) {
            case Result.Ok<Payment, PaymentError> ok -> ok.value();
            case Result.Err<Payment, PaymentError> err -> throw new AssertionError("create failed: " + err.error());
        };
    }

    /** What {@code GET /client/payments/intents/{id}} asks of the domain: the payment with its refunds and dispute. */
    private Payment read(Payment payment) {
        Result<PaymentStanding, PaymentError> read = standings.readStanding(Optional.of(fixture.serverKey()),
                payment.id().value());
        assertTrue(read instanceof Result.Ok, () -> "read failed: " + read);
        return payment;
    }

    /** The same read as a GET makes it from the event loop, the key being at hand after the warm-up. */
    private Payment readWithoutWaiting(Payment payment) {
        Result<PaymentStanding, PaymentError> read;
        try {
            read = standings.readStandingWithoutWaiting(Optional.of(fixture.serverKey()), payment.id().value())
                    .orElseThrow(() -> new AssertionError("the key was not at hand"))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("read without waiting failed", e);
        }
        assertTrue(read instanceof Result.Ok, () -> "read failed: " + read);
        return payment;
    }

    private List<RoundTrip> counted(Supplier<?> work) {
        int mark = trips.mark();
        work.get();
        return trips.since(mark);
    }

    private static void within(String what, List<RoundTrip> seen, int roundTrips, int commits) {
        assertTrue(seen.size() <= roundTrips, what + " took " + seen.size() + " round trips (budget " + roundTrips
                + "): " + seen);
        assertTrue(commits(seen) <= commits, what + " committed " + commits(seen) + " times (budget " + commits
                + "): " + seen);
    }

    private static long commits(List<RoundTrip> seen) {
        return seen.stream().filter(RoundTrip::committed).count();
    }

    private static List<RoundTrip> longer(List<RoundTrip> a, List<RoundTrip> b) {
        return b.size() > a.size() ? b : a;
    }

    private void awaitListening() throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!store.isListeningForChanges()) {
            assertTrue(System.nanoTime() < giveUp, "the control-plane cache never started listening");
            Thread.sleep(20);
        }
    }
}
