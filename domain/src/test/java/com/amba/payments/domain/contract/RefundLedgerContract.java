package com.amba.payments.domain.contract;

import static com.amba.payments.domain.testing.Payments.aPayment;
import static com.amba.payments.domain.testing.Payments.createdEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.Dispute;
import com.amba.payments.domain.model.DisputeChange;
import com.amba.payments.domain.model.DisputeStatus;
import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.MoneyBackFacts;
import com.amba.payments.domain.model.MoneyBackTotals;
import com.amba.payments.domain.model.ReportLine;
import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentEventType;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderEvent.RefundChanged;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import com.amba.payments.domain.model.Refund;
import com.amba.payments.domain.model.RefundAttempt;
import com.amba.payments.domain.model.RefundChange;
import com.amba.payments.domain.model.RefundClaim;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.RefundOrder;
import com.amba.payments.domain.model.RefundReason;
import com.amba.payments.domain.model.RefundReservation;
import com.amba.payments.domain.model.RefundStatus;
import com.amba.payments.domain.model.TransitionOutcome;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.testing.Concurrently;
import com.amba.payments.domain.testing.PaymentBuilder;
import com.amba.payments.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RefundLedger} must do, whatever stores it; extend it once per adapter. The remainder is the
 * heart of it: whatever the interleaving, the ledger never sets aside more than the payment's amount.
 */
public abstract class RefundLedgerContract {

    protected static final Instant T0 = PaymentBuilder.DEFAULT_TIME;
    protected static final Duration LEASE = Duration.ofSeconds(30);

    /** A ledger holding nothing, and the refund ledger and outbox kept with it. */
    protected abstract Ledger emptyLedger();

    protected abstract RefundLedger refundsOf(Ledger ledger);

    protected abstract Outbox outboxOf(Ledger ledger);

    /** For stores whose rows reference a project row (a foreign key): make sure it exists. */
    protected void givenProject(ProjectId project) {
    }

    private Ledger ledger;
    private RefundLedger refunds;
    private Outbox outbox;
    private final ProjectId project = TestIds.projectId();

    @BeforeEach
    void freshLedger() {
        ledger = emptyLedger();
        refunds = refundsOf(ledger);
        outbox = outboxOf(ledger);
        givenProject(project);
    }

    private Payment recorded(PaymentStatus status) {
        Payment payment = aPayment().inProject(project).withAmount(1000, "usd").withFee(30).withStatus(status).build();
        return ledger.recordCreation(Optional.empty(), payment, createdEvent(payment));
    }

    private static RefundOrder order(Long amount, String reference) {
        return new RefundOrder(Optional.ofNullable(amount), Optional.of(RefundReason.REQUESTED_BY_CUSTOMER), true,
                Optional.ofNullable(reference).map(ClientReference::new));
    }

    private RefundAttempt attempt(Payment payment, Long amount, String reference) {
        return RefundAttempt.of(project, payment.id(), order(amount, reference),
                new ProviderIdempotencyKey("key-" + TestIds.alphanumeric(20)));
    }

    private RefundReservation reserved(RefundClaim claim) {
        return assertInstanceOf(RefundClaim.Reserved.class, claim, claim::toString).reservation();
    }

    private Refund record(RefundReservation reservation, RefundStatus status) {
        Payment payment = reservation.payment();
        Refund refund = new Refund(new RefundId("re_" + TestIds.alphanumeric(24)), payment.id(), payment.projectId(),
                new Money(reservation.share().amount(), payment.amount().currency()),
                reservation.share().fee(), reservation.attempt().order().reason(),
                reservation.attempt().clientReference(), status, T0, T0, T0, 0);
        return refunds.recordRefund(reservation.attempt().id(), refund,
                PaymentEvent.refundCreated(TestIds.outgoingEventId(), payment, refund, T0), Optional.empty());
    }

    @Test
    void aPaymentsStandingIsThePaymentAsRecordedWithNothingBackYet() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        PaymentStanding standing = refunds.standing(payment.id()).orElseThrow();
        assertEquals(payment, standing.payment());
        assertEquals(0, standing.amountRefunded());
        assertEquals(DisputeStatus.NONE, standing.dispute());
        assertEquals(Optional.empty(), refunds.standing(new PaymentId("pi_" + TestIds.alphanumeric(24))),
                "no payment, no standing");
    }

    @Test
    void aStandingReadWithoutWaitingAnswersWhatTheStandingReadDoes() throws Exception {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        Refund made = record(reserved(refunds.reserve(attempt(payment, 300L, null), T0, LEASE)), RefundStatus.PENDING);
        refunds.move(change(payment, made, made.movedTo(RefundStatus.SUCCEEDED, T0.plusSeconds(2), T0.plusSeconds(2))),
                inbox(payment));
        refunds.recordDispute(disputeChange(payment, Optional.empty(),
                new Dispute(payment.id(), DisputeStatus.NEEDS_RESPONSE, payment.amount(), T0, 0)), inbox(payment));

        Optional<PaymentStanding> later = refunds.standingWithoutWaiting(payment.id()).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertEquals(refunds.standing(payment.id()), later);
        assertEquals(300, later.orElseThrow().amountRefunded());
        assertEquals(DisputeStatus.NEEDS_RESPONSE, later.orElseThrow().dispute());
        assertEquals(Optional.empty(), refunds.standingWithoutWaiting(new PaymentId("pi_" + TestIds.alphanumeric(24)))
                .toCompletableFuture().get(10, TimeUnit.SECONDS), "no payment, no standing");
    }

    @Test
    void aSucceededPaymentGetsItsShareSetAsideWithItsProportionalFee() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        RefundReservation reservation = reserved(refunds.reserve(attempt(payment, 500L, null), T0, LEASE));
        assertEquals(500, reservation.share().amount());
        assertEquals(15, reservation.share().fee());
        assertEquals(0, refunds.standing(payment.id()).orElseThrow().amountRefunded(),
                "only succeeded refunds count as refunded");
    }

    @Test
    void noAmountMeansAllThatIsLeft() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        record(reserved(refunds.reserve(attempt(payment, 300L, null), T0, LEASE)), RefundStatus.SUCCEEDED);
        RefundReservation rest = reserved(refunds.reserve(attempt(payment, null, null), T0, LEASE));
        assertEquals(700, rest.share().amount());
        assertEquals(21, rest.share().fee(), "the fee goes back in proportion: 9 with the 300, 21 with the 700");
    }

    @Test
    void onlyASucceededPaymentIsRefundable() {
        Payment payment = recorded(PaymentStatus.PROCESSING);
        RefundClaim claim = refunds.reserve(attempt(payment, 100L, null), T0, LEASE);
        assertInstanceOf(PaymentError.PaymentNotRefundable.class,
                assertInstanceOf(RefundClaim.Refused.class, claim).error());
    }

    @Test
    void anotherProjectsPaymentIsNotFound() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        RefundAttempt foreign = RefundAttempt.of(TestIds.projectId(), payment.id(), order(100L, null),
                new ProviderIdempotencyKey("key-foreign"));
        assertInstanceOf(PaymentError.PaymentNotFound.class,
                assertInstanceOf(RefundClaim.Refused.class, refunds.reserve(foreign, T0, LEASE)).error());
    }

    @Test
    void liveReservationsAndHeldRefundsCountAgainstTheRemainder() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        record(reserved(refunds.reserve(attempt(payment, 400L, null), T0, LEASE)), RefundStatus.PENDING);
        reserved(refunds.reserve(attempt(payment, 400L, null), T0, LEASE));
        RefundClaim tooMuch = refunds.reserve(attempt(payment, 201L, null), T0, LEASE);
        PaymentError error = assertInstanceOf(RefundClaim.Refused.class, tooMuch).error();
        assertEquals(new PaymentError.RefundExceedsAmount(201, 200), error);
        reserved(refunds.reserve(attempt(payment, 200L, null), T0, LEASE));
        assertInstanceOf(RefundClaim.Refused.class, refunds.reserve(attempt(payment, null, null), T0, LEASE),
                "nothing is left");
    }

    @Test
    void releasedAndFailedRefundsGiveTheirShareBack() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        RefundReservation refused = reserved(refunds.reserve(attempt(payment, 1000L, null), T0, LEASE));
        refunds.release(refused);
        Refund failed = record(reserved(refunds.reserve(attempt(payment, 1000L, null), T0, LEASE)),
                RefundStatus.PENDING);
        Refund after = failed.movedTo(RefundStatus.FAILED, T0.plusSeconds(1), T0.plusSeconds(1));
        assertEquals(TransitionOutcome.RECORDED, refunds.move(change(payment, failed, after), inbox(payment)));
        reserved(refunds.reserve(attempt(payment, 1000L, null), T0, LEASE));
    }

    @Test
    void aReservationWhoseLeaseRanOutHoldsNothing() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        reserved(refunds.reserve(attempt(payment, 1000L, null), T0, LEASE));
        reserved(refunds.reserve(attempt(payment, 1000L, null), T0.plus(LEASE).plusSeconds(1), LEASE));
    }

    @Test
    void recordedRefundsAreListedOldestFirstWithTheirCreatedEvent() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        Refund first = record(reserved(refunds.reserve(attempt(payment, 100L, "r-1"), T0, LEASE)),
                RefundStatus.SUCCEEDED);
        Refund second = record(reserved(refunds.reserve(attempt(payment, 200L, null), T0, LEASE)),
                RefundStatus.PENDING);
        assertEquals(List.of(first.id(), second.id()), refunds.refunds(payment.id()).stream().map(Refund::id).toList());
        assertEquals(Optional.of(new ClientReference("r-1")), first.clientReference());
        assertEquals(Optional.of(second), refunds.findRefund(second.id()));
        assertEquals(100, refunds.standing(payment.id()).orElseThrow().amountRefunded());
        List<PaymentEvent> refundEvents = outbox.unrelayed(100).stream().map(OutboxEntry::event)
                .filter(e -> e.type() == PaymentEventType.REFUND_CREATED).toList();
        assertEquals(2, refundEvents.size());
        MoneyBackFacts facts = refundEvents.getFirst().moneyBack().orElseThrow();
        assertEquals(Optional.of(first.id()), facts.refundId());
        assertEquals("succeeded", facts.status());
        assertEquals(100, facts.amount().minor());
        assertEquals(Optional.of("requested_by_customer"), facts.reason());
    }

    @Test
    void aClientReferenceReachesOneRefund() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        RefundReservation first = reserved(refunds.reserve(attempt(payment, 100L, "once"), T0, LEASE));
        assertInstanceOf(RefundClaim.InFlight.class, refunds.reserve(attempt(payment, 100L, "once"), T0, LEASE));
        assertInstanceOf(RefundClaim.Conflict.class, refunds.reserve(attempt(payment, 101L, "once"), T0, LEASE));
        Refund made = record(first, RefundStatus.SUCCEEDED);
        RefundClaim again = refunds.reserve(attempt(payment, 100L, "once"), T0.plusSeconds(60), LEASE);
        assertEquals(made, assertInstanceOf(RefundClaim.AlreadyMade.class, again).refund());
    }

    @Test
    void aReleasedReferenceIsTakenOverWithItsIdempotencyKey() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        RefundReservation first = reserved(refunds.reserve(attempt(payment, 100L, "retry"), T0, LEASE));
        refunds.release(first);
        RefundReservation retry = reserved(refunds.reserve(attempt(payment, 100L, "retry"), T0, LEASE));
        assertEquals(first.attempt().idempotencyKey(), retry.attempt().idempotencyKey());
        RefundReservation afterCrash = reserved(refunds.reserve(attempt(payment, 100L, "retry"),
                T0.plus(LEASE).plusSeconds(1), LEASE));
        assertEquals(first.attempt().idempotencyKey(), afterCrash.attempt().idempotencyKey());
    }

    @Test
    void concurrentRefundsNeverSetAsideMoreThanWasPaid() throws Exception {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        List<RefundClaim> claims = Concurrently.run(20, () -> refunds.reserve(attempt(payment, 100L, null), T0, LEASE));
        assertEquals(10, claims.stream().filter(RefundClaim.Reserved.class::isInstance).count(), claims::toString);
        assertEquals(10, claims.stream().filter(c -> c instanceof RefundClaim.Refused refused
                && refused.error() instanceof PaymentError.RefundExceedsAmount).count());
    }

    @Test
    void concurrentRequestsWithOneReferenceReserveOnce() throws Exception {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        List<RefundClaim> claims = Concurrently.run(16, () -> refunds.reserve(attempt(payment, 100L, "one"), T0, LEASE));
        assertEquals(1, claims.stream().filter(RefundClaim.Reserved.class::isInstance).count(), claims::toString);
        assertEquals(15, claims.stream().filter(RefundClaim.InFlight.class::isInstance).count());
    }

    @Test
    void aRefundIsRecordedOnceWhoeverRecordsIt() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        RefundReservation reservation = reserved(refunds.reserve(attempt(payment, 100L, null), T0, LEASE));
        assertTrue(refunds.isReserving(reservation.attempt().id()));
        Refund made = record(reservation, RefundStatus.PENDING);
        assertFalse(refunds.isReserving(reservation.attempt().id()));
        Refund again = refunds.recordRefund(reservation.attempt().id(), made.movedTo(RefundStatus.SUCCEEDED, T0, T0),
                PaymentEvent.refundCreated(TestIds.outgoingEventId(), payment, made, T0), Optional.empty());
        assertEquals(made, again);
        assertEquals(1, refunds.refunds(payment.id()).size());
    }

    @Test
    void aRefundMadeOutsideAmbaIsRecordedOnItsOwn() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        Refund outside = new Refund(new RefundId("re_" + TestIds.alphanumeric(24)), payment.id(), project,
                payment.amount(), 0, Optional.empty(), Optional.empty(), RefundStatus.SUCCEEDED, T0, T0, T0, 0);
        InboxEntry entry = inbox(payment);
        Refund recorded = refunds.recordRefund("outside_" + outside.id().value(), outside,
                PaymentEvent.refundCreated(TestIds.outgoingEventId(), payment, outside, T0), Optional.of(entry));
        assertEquals(outside, recorded);
        assertTrue(ledger.hasDecided(entry.eventId()));
        assertEquals(1000, refunds.standing(payment.id()).orElseThrow().amountRefunded());
        assertInstanceOf(RefundClaim.Refused.class, refunds.reserve(attempt(payment, 1L, null), T0, LEASE));
    }

    @Test
    void aRefundMovesOnlyFromTheVersionItWasReadAt() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        Refund made = record(reserved(refunds.reserve(attempt(payment, 100L, null), T0, LEASE)), RefundStatus.PENDING);
        Refund succeeded = made.movedTo(RefundStatus.SUCCEEDED, T0.plusSeconds(2), T0.plusSeconds(2));
        InboxEntry entry = inbox(payment);
        assertEquals(TransitionOutcome.RECORDED, refunds.move(change(payment, made, succeeded), entry));
        assertEquals(TransitionOutcome.DUPLICATE_EVENT, refunds.move(change(payment, made, succeeded), entry));
        assertEquals(TransitionOutcome.STALE, refunds.move(change(payment, made, succeeded), inbox(payment)));
        assertEquals(Optional.of(succeeded), refunds.findRefund(made.id()));
        assertEquals(100, refunds.standing(payment.id()).orElseThrow().amountRefunded());
    }

    @Test
    void disputesOpenOnceAndMoveFromTheVersionTheyWereReadAt() {
        Payment payment = recorded(PaymentStatus.SUCCEEDED);
        Dispute open = new Dispute(payment.id(), DisputeStatus.NEEDS_RESPONSE, payment.amount(), T0, 0);
        assertEquals(TransitionOutcome.RECORDED, refunds.recordDispute(disputeChange(payment, Optional.empty(), open),
                inbox(payment)));
        assertEquals(TransitionOutcome.STALE, refunds.recordDispute(disputeChange(payment, Optional.empty(), open),
                inbox(payment)));
        Dispute lost = new Dispute(payment.id(), DisputeStatus.LOST, payment.amount(), T0.plusSeconds(5), 1);
        assertEquals(TransitionOutcome.RECORDED, refunds.recordDispute(disputeChange(payment, Optional.of(open), lost),
                inbox(payment)));
        assertEquals(Optional.of(lost), refunds.dispute(payment.id()));
        assertEquals(DisputeStatus.LOST, refunds.standing(payment.id()).orElseThrow().dispute());
        assertTrue(outbox.unrelayed(100).stream().anyMatch(e -> e.event().type() == PaymentEventType.DISPUTE_CHANGED));
    }

    @Test
    void earlyRefundEventsAreKeptOnceUntilUnparked() {
        RefundChanged event = new RefundChanged(TestIds.eventId(), T0, new RefundId("re_" + TestIds.alphanumeric(24)),
                TestIds.paymentId(), Optional.of(TestIds.accountId()), RefundStatus.SUCCEEDED, 100, "usd",
                Optional.of(RefundReason.DUPLICATE), Optional.of("attempt-1"));
        refunds.park(event, T0);
        refunds.park(event, T0.plusSeconds(1));
        assertEquals(List.of(event), refunds.parkedRefunds(Optional.empty(), 10));
        refunds.unparkRefund(event.id());
        assertEquals(List.of(), refunds.parkedRefunds(Optional.empty(), 10));
    }

    @Test
    void parkedRefundEventsArePagedInEventIdOrder() {
        for (String id : List.of("evt_b", "evt_a", "evt_c")) {
            RefundChanged event = new RefundChanged(new ProviderEventId(id), T0,
                    new RefundId("re_" + TestIds.alphanumeric(24)), TestIds.paymentId(), Optional.empty(),
                    RefundStatus.PENDING, 100, "usd", Optional.empty(), Optional.empty());
            refunds.park(event, T0);
        }
        List<RefundChanged> first = refunds.parkedRefunds(Optional.empty(), 2);
        assertEquals(List.of("evt_a", "evt_b"), first.stream().map(e -> e.id().value()).toList());
        assertEquals(List.of("evt_c"), refunds.parkedRefunds(Optional.of(first.getLast().id()), 2).stream()
                .map(e -> e.id().value()).toList());
    }

    @Test
    void theReportCountsSucceededRefundsTheirFeesAndDisputesWithLostOnesOffTheNet() {
        Payment refunded = recorded(PaymentStatus.SUCCEEDED);
        record(reserved(refunds.reserve(attempt(refunded, 300L, null), T0, LEASE)), RefundStatus.SUCCEEDED);
        record(reserved(refunds.reserve(attempt(refunded, 200L, null), T0, LEASE)), RefundStatus.PENDING);
        Payment disputed = recorded(PaymentStatus.SUCCEEDED);
        Dispute lost = new Dispute(disputed.id(), DisputeStatus.LOST, disputed.amount(), T0, 0);
        refunds.recordDispute(disputeChange(disputed, Optional.empty(), lost), inbox(disputed));
        Payment underReview = recorded(PaymentStatus.SUCCEEDED);
        Dispute open = new Dispute(underReview.id(), DisputeStatus.UNDER_REVIEW, underReview.amount(), T0, 0);
        refunds.recordDispute(disputeChange(underReview, Optional.empty(), open), inbox(underReview));

        ReportLine usd = ledger.report().lines().stream()
                .filter(line -> line.projectId().equals(project) && line.currency().code().equals("usd"))
                .findFirst().orElseThrow();
        assertEquals(3_000, usd.grossMinor());
        assertEquals(new MoneyBackTotals(300, 9, 2_000, 1_000), usd.moneyBack(), "only succeeded refunds count");
        assertEquals(3_000 - 300 - 1_000, usd.netMinor());
    }

    private static RefundChange change(Payment payment, Refund before, Refund after) {
        return new RefundChange(before, after,
                PaymentEvent.refundStatusChanged(TestIds.outgoingEventId(), payment, after, before.status(),
                        after.updatedAt()), "test");
    }

    private static DisputeChange disputeChange(Payment payment, Optional<Dispute> before, Dispute after) {
        MoneyBackFacts facts = new MoneyBackFacts(Optional.empty(), after.status().wireName(),
                Optional.of(before.map(Dispute::status).orElse(DisputeStatus.NONE).wireName()), after.amount(),
                Optional.empty());
        return new DisputeChange(before, after, PaymentEvent.disputeChanged(TestIds.outgoingEventId(), payment, facts,
                T0));
    }

    private static InboxEntry inbox(Payment payment) {
        return new InboxEntry(TestIds.eventId(), Optional.of(payment.id()), EventDisposition.APPLIED, "test", T0);
    }
}
