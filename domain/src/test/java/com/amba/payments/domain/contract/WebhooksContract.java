package com.amba.payments.domain.contract;

import static com.amba.payments.domain.testing.Payments.aPayment;
import static com.amba.payments.domain.testing.Payments.createdEvent;
import static com.amba.payments.domain.testing.Payments.moveByEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.ClaimedDelivery;
import com.amba.payments.domain.model.DeliveryAttempt;
import com.amba.payments.domain.model.DeliveryStatus;
import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentEventType;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.SigningSecret;
import com.amba.payments.domain.model.WebhookDelivery;
import com.amba.payments.domain.model.WebhookDeliveryId;
import com.amba.payments.domain.model.WebhookEndpoint;
import com.amba.payments.domain.model.WebhookEndpointId;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.WebhookDeliveries;
import com.amba.payments.domain.port.out.WebhookEndpoints;
import com.amba.payments.domain.testing.Concurrently;
import com.amba.payments.domain.testing.PaymentBuilder;
import com.amba.payments.domain.testing.TestIds;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every store of outgoing webhooks must do (endpoints, fan-out from the ledger's outbox, leased claims,
 * fenced attempts, the log), whatever stores it. Extend it once per adapter. Times are whole microseconds.
 */
public abstract class WebhooksContract {

    protected static final Instant T0 = PaymentBuilder.DEFAULT_TIME;
    private static final Duration LEASE = Duration.ofSeconds(60);

    /** A fresh, empty ledger whose outbox the webhook store below reads. */
    protected abstract Ledger emptyLedger();

    protected abstract Outbox outboxOf(Ledger ledger);

    protected abstract WebhookEndpoints endpointsOf(Ledger ledger);

    protected abstract WebhookDeliveries deliveriesOf(Ledger ledger);

    protected void givenProject(ProjectId project) {
    }

    private Ledger ledger;
    private WebhookEndpoints endpoints;
    private WebhookDeliveries deliveries;
    private final ProjectId project = TestIds.projectId();
    private final ProjectId otherProject = TestIds.projectId();

    @BeforeEach
    void fresh() {
        ledger = emptyLedger();
        endpoints = endpointsOf(ledger);
        deliveries = deliveriesOf(ledger);
        givenProject(project);
        givenProject(otherProject);
    }

    private WebhookEndpoint endpoint(ProjectId owner, Set<String> events) {
        WebhookEndpoint endpoint = new WebhookEndpoint(new WebhookEndpointId("we_" + TestIds.alphanumeric(24)), owner,
                URI.create("https://hooks.example.com/amba"), events,
                List.of(SigningSecret.current("whsec_" + TestIds.alphanumeric(32))), T0.minusSeconds(60));
        endpoints.addEndpoint(endpoint);
        return endpoint;
    }

    private WebhookEndpoint allEvents(ProjectId owner) {
        return endpoint(owner, Set.of(WebhookEndpoint.ALL_EVENTS));
    }

    private Payment paid(ProjectId owner) {
        Payment payment = aPayment().inProject(owner).build();
        ledger.recordCreation(Optional.empty(), payment, createdEvent(payment));
        ledger.record(moveByEvent(payment, PaymentStatus.SUCCEEDED, T0.plusSeconds(5), TestIds.eventId()));
        return payment;
    }

    /** The plan the service uses, reduced to its rule: every subscribed endpoint of the event's project. */
    private static final WebhookDeliveries.FanOutPlan EVERY_SUBSCRIBER = (entry, projectEndpoints) -> projectEndpoints
            .stream().filter(e -> e.subscribesTo(entry.event()))
            .map(e -> WebhookDelivery.fresh(new WebhookDeliveryId("wd_" + TestIds.alphanumeric(24)), e.id(), entry, T0))
            .toList();

    private List<ClaimedDelivery> claim(Instant now, int perEndpoint) {
        return deliveries.claimDue(now, now.plus(LEASE), perEndpoint, Set.of(), 100);
    }

    private static DeliveryAttempt answered(int number, int code, Instant at) {
        return new DeliveryAttempt(number, at, Optional.of(code), Optional.empty());
    }

    // ---- endpoints ----

    @Test
    void endpointsAreKeptPerProjectAndRemoved() {
        WebhookEndpoint mine = allEvents(project);
        WebhookEndpoint theirs = allEvents(otherProject);

        assertEquals(List.of(mine), endpoints.endpoints(project));
        assertEquals(Optional.of(mine), endpoints.endpoint(project, mine.id()));
        assertEquals(Optional.empty(), endpoints.endpoint(project, theirs.id()), "another project's endpoint");
        assertFalse(endpoints.removeEndpoint(project, theirs.id()));
        assertTrue(endpoints.removeEndpoint(project, mine.id()));
        assertEquals(List.of(), endpoints.endpoints(project));
        assertFalse(endpoints.removeEndpoint(project, mine.id()));
    }

    @Test
    void aRotationKeepsTheOldSecretBesideTheNewUntilItExpires() {
        WebhookEndpoint endpoint = allEvents(project);
        WebhookEndpoint rotated = endpoint.rotated("whsec_" + TestIds.alphanumeric(32), T0, WebhookEndpoint.ROTATION_OVERLAP);

        assertTrue(endpoints.replaceSecrets(rotated));

        WebhookEndpoint stored = endpoints.endpoint(project, endpoint.id()).orElseThrow();
        assertEquals(rotated.secrets(), stored.secrets());
        assertEquals(Optional.of(T0.plus(WebhookEndpoint.ROTATION_OVERLAP)), stored.secrets().get(1).expiresAt());
    }

    // ---- fan-out ----

    @Test
    void eachEventOfTheProjectBecomesOneDeliveryPerSubscribedEndpointOnce() {
        WebhookEndpoint all = allEvents(project);
        WebhookEndpoint onlyChanges = endpoint(project, Set.of(PaymentEventType.STATUS_CHANGED.wireName()));
        WebhookEndpoint elsewhere = allEvents(otherProject);
        paid(project);

        assertEquals(2, deliveries.fanOut(100, EVERY_SUBSCRIBER));
        assertEquals(0, deliveries.fanOut(100, EVERY_SUBSCRIBER), "an event is fanned out once");

        assertEquals(List.of(PaymentEventType.STATUS_CHANGED, PaymentEventType.CREATED),
                deliveries.deliveries(all.id(), 10).stream().map(WebhookDelivery::eventType).toList(), "newest first");
        assertEquals(List.of(PaymentEventType.STATUS_CHANGED),
                deliveries.deliveries(onlyChanges.id(), 10).stream().map(WebhookDelivery::eventType).toList());
        assertEquals(List.of(), deliveries.deliveries(elsewhere.id(), 10));
    }

    @Test
    void fanOutKeepsItsOwnMarkIndependentOfTheRelay() {
        WebhookEndpoint endpoint = allEvents(project);
        paid(project);
        Outbox outbox = outboxOf(ledger);
        outbox.markRelayed(outbox.unrelayed(100));

        assertEquals(2, deliveries.fanOut(100, EVERY_SUBSCRIBER));
        assertEquals(2, deliveries.deliveries(endpoint.id(), 10).size());
        assertEquals(List.of(), outbox.unrelayed(100));
    }

    @Test
    void fanOutTakesAtMostTheLimitInOutboxOrder() {
        WebhookEndpoint endpoint = allEvents(project);
        paid(project);
        paid(project);

        assertEquals(3, deliveries.fanOut(3, EVERY_SUBSCRIBER));
        assertEquals(1, deliveries.fanOut(3, EVERY_SUBSCRIBER));
        List<Long> positions = deliveries.deliveries(endpoint.id(), 10).stream()
                .map(WebhookDelivery::eventPosition).toList();
        List<Long> sorted = new ArrayList<>(positions);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, positions);
    }

    // ---- claims ----

    @Test
    void aClaimHoldsADeliveryUntilItsLeaseEnds() {
        allEvents(project);
        paid(project);
        deliveries.fanOut(100, EVERY_SUBSCRIBER);

        List<ClaimedDelivery> first = claim(T0, 10);
        assertEquals(1, first.size(), "only the payment's oldest pending delivery: " + first);
        assertEquals(PaymentEventType.CREATED, first.get(0).event().type());
        assertEquals(first.get(0).delivery().eventId(), first.get(0).event().id());
        assertEquals(List.of(), claim(T0.plusSeconds(1), 10), "leased");
        assertEquals(first.stream().map(c -> c.delivery().id()).toList(),
                claim(T0.plus(LEASE).plusSeconds(1), 10).stream().map(c -> c.delivery().id()).toList(),
                "claimed again once the lease is over (the instance holding it died)");
    }

    @Test
    void aPaymentsNextDeliveryWaitsUntilTheEarlierOneIsDone() {
        allEvents(project);
        paid(project);
        deliveries.fanOut(100, EVERY_SUBSCRIBER);
        ClaimedDelivery created = claim(T0, 10).get(0);

        assertTrue(deliveries.recordAttempt(created.delivery().id(), answered(1, 200, T0), DeliveryStatus.DELIVERED,
                Optional.empty()));

        List<ClaimedDelivery> next = claim(T0.plusSeconds(1), 10);
        assertEquals(List.of(PaymentEventType.STATUS_CHANGED), next.stream().map(c -> c.event().type()).toList());
    }

    @Test
    void claimsTakeAtMostSoManyPerEndpointAndNoneOfBusyEndpoints() {
        WebhookEndpoint busy = allEvents(project);
        WebhookEndpoint other = allEvents(otherProject);
        for (int i = 0; i < 5; i++) {
            paid(project);
        }
        paid(otherProject);
        deliveries.fanOut(100, EVERY_SUBSCRIBER);

        List<ClaimedDelivery> claimed = claim(T0, 2);
        assertEquals(2, claimed.stream().filter(c -> c.endpoint().id().equals(busy.id())).count());
        assertEquals(1, claimed.stream().filter(c -> c.endpoint().id().equals(other.id())).count());

        List<ClaimedDelivery> skipping = deliveries.claimDue(T0, T0.plus(LEASE), 10, Set.of(busy.id()), 100);
        assertTrue(skipping.stream().noneMatch(c -> c.endpoint().id().equals(busy.id())));
    }

    @Test
    void twoClaimingAtOnceNeverGetTheSameDelivery() throws Exception {
        allEvents(project);
        for (int i = 0; i < 30; i++) {
            paid(project);
        }
        deliveries.fanOut(100, EVERY_SUBSCRIBER);

        List<List<ClaimedDelivery>> claims = Concurrently.run(4, () -> claim(T0, 100));

        Set<WebhookDeliveryId> seen = new HashSet<>();
        int total = 0;
        for (List<ClaimedDelivery> batch : claims) {
            for (ClaimedDelivery claimed : batch) {
                total++;
                assertTrue(seen.add(claimed.delivery().id()), "claimed twice: " + claimed.delivery().id());
            }
        }
        assertEquals(30, total, "every payment's first delivery, once");
    }

    // ---- attempts ----

    @Test
    void anAttemptIsRecordedOnceAndTheLogKeepsEveryAttempt() {
        WebhookEndpoint endpoint = allEvents(project);
        paid(project);
        deliveries.fanOut(100, EVERY_SUBSCRIBER);
        ClaimedDelivery claimed = claim(T0, 10).get(0);
        WebhookDeliveryId id = claimed.delivery().id();

        assertTrue(deliveries.recordAttempt(id, answered(1, 500, T0), DeliveryStatus.PENDING,
                Optional.of(T0.plusSeconds(60))));
        assertFalse(deliveries.recordAttempt(id, answered(1, 500, T0), DeliveryStatus.PENDING,
                Optional.of(T0.plusSeconds(60))), "a stale claim cannot record the same attempt again");
        assertEquals(List.of(), claim(T0.plusSeconds(30), 10), "not due before its next attempt");

        ClaimedDelivery again = claim(T0.plusSeconds(61), 10).get(0);
        assertEquals(1, again.delivery().attempts().size());
        DeliveryAttempt timeout = new DeliveryAttempt(2, T0.plusSeconds(62), Optional.empty(), Optional.of("timeout"));
        assertTrue(deliveries.recordAttempt(id, timeout, DeliveryStatus.FAILED, Optional.empty()));

        WebhookDelivery logged = deliveries.delivery(endpoint.id(), id).orElseThrow();
        assertEquals(DeliveryStatus.FAILED, logged.status());
        assertEquals(List.of(answered(1, 500, T0), timeout), logged.attempts());
        assertEquals(Optional.empty(), logged.nextAttemptAt());
        assertEquals(List.of(), claim(T0.plusSeconds(1_000), 10).stream()
                .filter(c -> c.delivery().id().equals(id)).toList(), "a failed delivery is not claimed");
    }

    @Test
    void aManualRetryMakesAFailedDeliveryDueNow() {
        WebhookEndpoint endpoint = allEvents(project);
        paid(project);
        deliveries.fanOut(100, EVERY_SUBSCRIBER);
        WebhookDeliveryId id = claim(T0, 10).get(0).delivery().id();
        deliveries.recordAttempt(id, answered(1, 410, T0), DeliveryStatus.FAILED, Optional.empty());

        WebhookDelivery retried = deliveries.retryNow(endpoint.id(), id, T0.plusSeconds(10)).orElseThrow();

        assertEquals(DeliveryStatus.PENDING, retried.status());
        assertEquals(Optional.of(T0.plusSeconds(10)), retried.nextAttemptAt());
        assertEquals(List.of(id), claim(T0.plusSeconds(10), 10).stream().map(c -> c.delivery().id()).toList());
        assertEquals(Optional.empty(), deliveries.retryNow(new WebhookEndpointId("we_unknown"), id, T0));
    }

    @Test
    void removingAnEndpointRemovesItsDeliveries() {
        WebhookEndpoint endpoint = allEvents(project);
        paid(project);
        deliveries.fanOut(100, EVERY_SUBSCRIBER);

        endpoints.removeEndpoint(project, endpoint.id());

        assertEquals(List.of(), claim(T0, 10));
        assertEquals(List.of(), deliveries.deliveries(endpoint.id(), 10));
    }

    @Test
    void anEndpointGetsOnlyEventsRecordedAfterItWasMade() {
        paid(project);
        WebhookEndpoint late = new WebhookEndpoint(new WebhookEndpointId("we_" + TestIds.alphanumeric(24)), project,
                URI.create("https://hooks.example.com/late"), Set.of(WebhookEndpoint.ALL_EVENTS),
                List.of(SigningSecret.current("whsec_" + TestIds.alphanumeric(32))), T0.plusSeconds(3600));
        endpoints.addEndpoint(late);

        deliveries.fanOut(100, EVERY_SUBSCRIBER);

        assertEquals(List.of(), deliveries.deliveries(late.id(), 10));
    }
}
