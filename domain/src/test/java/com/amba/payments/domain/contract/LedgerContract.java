package com.amba.payments.domain.contract;

import static com.amba.payments.domain.testing.Payments.aPayment;
import static com.amba.payments.domain.testing.Payments.createdEvent;
import static com.amba.payments.domain.testing.Payments.decided;
import static com.amba.payments.domain.testing.Payments.intentChanged;
import static com.amba.payments.domain.testing.Payments.moveByEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.CreationClaim;
import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.IdempotencyClaim;
import com.amba.payments.domain.model.IdempotencyKey;
import com.amba.payments.domain.model.IdempotentRequest;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.OutboxBacklog;
import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentCursor;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentEventType;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.SweepPosition;
import com.amba.payments.domain.model.PaymentPage;
import com.amba.payments.domain.model.PaymentQuery;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.RecordedCreation;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.ReportLine;
import com.amba.payments.domain.model.RequestFingerprint;
import com.amba.payments.domain.model.StatusChange;
import com.amba.payments.domain.model.StatusHistoryEntry;
import com.amba.payments.domain.model.Transition;
import com.amba.payments.domain.model.TransitionOutcome;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.testing.Concurrently;
import com.amba.payments.domain.testing.PaymentBuilder;
import com.amba.payments.domain.testing.Payments;
import com.amba.payments.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Ledger} (with its {@link Outbox}) must do, whatever stores it. Extend it once per adapter.
 * Times are whole seconds or microseconds, so a database keeps them exactly; nothing here waits on a clock.
 */
public abstract class LedgerContract {

    protected static final Instant T0 = PaymentBuilder.DEFAULT_TIME;
    protected static final Duration LEASE = Duration.ofSeconds(30);
    private static final int RACE_ROUNDS = 40;

    /** A ledger holding nothing: no payments, attempts, inbox entries, parked events or outbox entries. */
    protected abstract Ledger emptyLedger();

    /** The outbox that {@code ledger} records its outgoing events in. */
    protected abstract Outbox outboxOf(Ledger ledger);

    /** For stores whose payments reference a project row (a foreign key): make sure it exists. */
    protected void givenProject(ProjectId project) {
    }

    protected Ledger ledger;
    protected Outbox outbox;
    private final ProjectId project = TestIds.projectId();

    @BeforeEach
    void freshLedger() {
        ledger = emptyLedger();
        outbox = outboxOf(ledger);
        givenProject(project);
    }

    private PaymentBuilder payment() {
        return aPayment().inProject(project);
    }

    private Payment stored(Payment payment) {
        givenProject(payment.projectId());
        return ledger.recordCreation(Optional.empty(), payment, createdEvent(payment));
    }

    private CreationAttempt attempt(String reference, long amount) {
        return attempt(project, reference, amount);
    }

    private static CreationAttempt attempt(ProjectId project, String reference, long amount) {
        return CreationAttempt.of(project, new ClientReference(reference),
                RequestFingerprint.of(amount, "usd", "", "250"));
    }

    private List<OutboxEntry> allUnrelayed() {
        return outbox.unrelayed(1_000);
    }

    private static IdempotentRequest keyed(String scope, String key, String body) {
        return new IdempotentRequest(scope, new IdempotencyKey(key).bindingFor("admin.create_project"),
                new RequestFingerprint(body));
    }

    @Nested
    class BindingIdempotencyKeys {

        @Test
        void aCompletedKeyAnswersWhatItMadeToTheSameRequestAndRefusesAnother() {
            IdempotentRequest request = keyed("platform", "k1", "name=Shop");
            assertEquals(new IdempotencyClaim.Claimed(), ledger.claimKey(request, T0, LEASE));

            ledger.completeKey(request, "proj_made");

            assertEquals(new IdempotencyClaim.AlreadyCreated("proj_made"),
                    ledger.claimKey(request, T0.plusSeconds(3_600), LEASE));
            assertEquals(new IdempotencyClaim.Conflict(),
                    ledger.claimKey(keyed("platform", "k1", "name=Other"), T0.plus(Duration.ofDays(2)), LEASE),
                    "bound for good, past Stripe's 24 hours too");
        }

        @Test
        void aHeldKeyIsInFlightForTheSameRequestAndAConflictForAnother() {
            IdempotentRequest request = keyed("platform", "k2", "name=Shop");
            ledger.claimKey(request, T0, LEASE);

            assertEquals(new IdempotencyClaim.InFlight(), ledger.claimKey(request, T0.plusSeconds(1), LEASE));
            assertEquals(new IdempotencyClaim.Conflict(),
                    ledger.claimKey(keyed("platform", "k2", "name=Other"), T0.plusSeconds(1), LEASE));
        }

        @Test
        void aReleasedOrLapsedKeyIsTakenOverAndBindsTheNewRequest() {
            IdempotentRequest first = keyed("platform", "k3", "name=Shop");
            ledger.claimKey(first, T0, LEASE);
            ledger.releaseKey(first);
            IdempotentRequest second = keyed("platform", "k3", "name=Other");
            assertEquals(new IdempotencyClaim.Claimed(), ledger.claimKey(second, T0.plusSeconds(1), LEASE),
                    "a failed create binds nothing");

            assertEquals(new IdempotencyClaim.Claimed(), ledger.claimKey(second, T0.plus(LEASE).plusSeconds(2), LEASE),
                    "a holder whose lease ran out (it crashed) is taken over");
            ledger.completeKey(second, "proj_second");
            assertEquals(new IdempotencyClaim.AlreadyCreated("proj_second"),
                    ledger.claimKey(second, T0.plus(LEASE).plusSeconds(3), LEASE));
        }

        @Test
        void oneKeyInTwoScopesOrForTwoKindsOfCreateNeverMeets() {
            IdempotentRequest inOne = keyed(project.value(), "k4", "kind=server");
            ledger.claimKey(inOne, T0, LEASE);
            ledger.completeKey(inOne, "key_one");

            assertEquals(new IdempotencyClaim.Claimed(),
                    ledger.claimKey(keyed("proj_other", "k4", "kind=server"), T0, LEASE));
            assertEquals(new IdempotencyClaim.Claimed(), ledger.claimKey(new IdempotentRequest(project.value(),
                    new IdempotencyKey("k4").bindingFor("admin.issue_api_key"), new RequestFingerprint("kind=server")),
                    T0, LEASE));
        }

        @Test
        void concurrentClaimsOfOneNewKeyLetExactlyOneCreate() throws Exception {
            IdempotentRequest request = keyed("platform", "k5", "name=Rush");

            List<IdempotencyClaim> claims = Concurrently.run(8, () -> ledger.claimKey(request, T0, LEASE));

            assertEquals(1, claims.stream().filter(IdempotencyClaim.Claimed.class::isInstance).count(), claims::toString);
            assertEquals(7, claims.stream().filter(IdempotencyClaim.InFlight.class::isInstance).count(), claims::toString);
        }
    }

    @Nested
    class RecordingCreation {

        @Test
        void aRecordedPaymentIsFoundAsRecorded() {
            Payment payment = payment().withReference("order-1").build();

            Payment answered = stored(payment);

            assertEquals(payment, answered);
            assertEquals(Optional.of(payment), ledger.find(payment.id()));
        }

        @Test
        void theCallersNotesAreKeptAsRecordedThroughAMoveAndInEveryEvent() {
            Payment payment = payment().withNotes(java.util.Map.of("order_id", "6735", "note", "gift wrap, \"blue\" ü",
                    "z", "last"), Optional.of("Two blue mugs")).build();
            PaymentEvent created = createdEvent(payment);
            ledger.recordCreation(Optional.empty(), payment, created);

            assertEquals(payment.notes(), ledger.find(payment.id()).orElseThrow().notes());
            assertEquals(TransitionOutcome.RECORDED,
                    ledger.record(moveByEvent(payment, PaymentStatus.PROCESSING, T0.plusSeconds(5), TestIds.eventId())));

            Payment moved = ledger.find(payment.id()).orElseThrow();
            assertEquals(PaymentStatus.PROCESSING, moved.status());
            assertEquals(payment.notes(), moved.notes(), "a move keeps the notes");
            List<PaymentEvent> events = allUnrelayed().stream().map(OutboxEntry::event)
                    .filter(e -> e.paymentId().equals(payment.id())).toList();
            assertEquals(2, events.size());
            assertEquals(created, events.get(0));
            assertEquals(payment.notes(), events.get(1).notes(), "the status change tells them too");
        }

        @Test
        void anUnknownPaymentIsNotFound() {
            assertEquals(Optional.empty(), ledger.find(TestIds.paymentId()));
        }

        @Test
        void creationWritesTheFirstHistoryRowAndTheCreatedEvent() {
            Payment payment = payment().build();
            PaymentEvent created = createdEvent(payment);

            ledger.recordCreation(Optional.empty(), payment, created);

            List<StatusHistoryEntry> history = ledger.history(payment.id());
            assertEquals(1, history.size());
            assertEquals(Optional.empty(), history.getFirst().from());
            assertEquals(PaymentStatus.REQUIRES_PAYMENT_METHOD, history.getFirst().to());
            assertEquals(List.of(created), allUnrelayed().stream().map(OutboxEntry::event).toList());
        }

        @Test
        void recordingTheSamePaymentIdAgainAnswersTheExistingOneAndWritesNothing() {
            Payment first = stored(payment().withStatus(PaymentStatus.REQUIRES_PAYMENT_METHOD).build());
            Payment again = aPayment().withId(first.id()).inProject(project).withStatus(PaymentStatus.SUCCEEDED)
                    .createdAt(T0.plusSeconds(5)).build();

            Payment answered = ledger.recordCreation(Optional.empty(), again, createdEvent(again));

            assertEquals(first, answered);
            assertEquals(Optional.of(first), ledger.find(first.id()));
            assertEquals(1, ledger.history(first.id()).size());
            assertEquals(1, allUnrelayed().size());
        }

        @Test
        void recordingTellsWhetherEventsForThePaymentWereParked() {
            Payment quiet = payment().build();
            Payment raced = payment().build();
            ledger.park(intentChanged(raced, PaymentStatus.SUCCEEDED, T0), T0);
            ledger.park(intentChanged(aPayment().build(), PaymentStatus.SUCCEEDED, T0), T0);

            RecordedCreation first = ledger.recordCreationAndCheckParked(Optional.empty(), quiet, createdEvent(quiet));
            RecordedCreation second = ledger.recordCreationAndCheckParked(Optional.empty(), raced, createdEvent(raced));

            assertEquals(new RecordedCreation(quiet, false), first);
            assertEquals(new RecordedCreation(raced, true), second);
            assertEquals(Optional.of(raced), ledger.find(raced.id()));
            assertEquals(1, ledger.history(raced.id()).size());
        }

        @Test
        void recordingAndCheckingCompletesTheAttemptAndAnswersAnExistingPaymentUnchanged() {
            CreationAttempt attempt = attempt("order-8", 2_000);
            ledger.claimCreation(attempt, T0, LEASE);
            Payment payment = payment().withReference("order-8").build();

            RecordedCreation recorded = ledger.recordCreationAndCheckParked(Optional.of(attempt), payment,
                    createdEvent(payment));
            Payment again = aPayment().withId(payment.id()).inProject(project).withReference("order-8")
                    .withStatus(PaymentStatus.SUCCEEDED).createdAt(T0.plusSeconds(5)).build();
            RecordedCreation retried = ledger.recordCreationAndCheckParked(Optional.of(attempt), again,
                    createdEvent(again));

            assertEquals(payment, recorded.payment());
            assertEquals(payment, retried.payment(), "the existing payment, not the retry's");
            assertEquals(new CreationClaim.AlreadyCreated(payment), ledger.claimCreation(attempt, T0.plusSeconds(1),
                    LEASE));
            assertEquals(1, ledger.history(payment.id()).size());
            assertEquals(1, allUnrelayed().stream().filter(e -> e.event().paymentId().equals(payment.id())).count());
        }

        @Test
        void aSecondAttemptCanBeBoundToAPaymentAnotherAttemptRecorded() {
            CreationAttempt byReference = attempt("order-9", 2_000);
            CreationAttempt byKey = attempt("idempotency-key:create_payment:k9", 2_000);
            ledger.claimCreation(byReference, T0, LEASE);
            ledger.claimCreation(byKey, T0, LEASE);
            Payment payment = payment().withReference("order-9").build();
            ledger.recordCreation(Optional.of(byReference), payment, createdEvent(payment));

            ledger.completeCreation(byKey, payment.id());

            assertEquals(new CreationClaim.AlreadyCreated(payment), ledger.claimCreation(byKey, T0.plusSeconds(1), LEASE));
            assertEquals(new CreationClaim.Conflict(), ledger.claimCreation(attempt("idempotency-key:create_payment:k9",
                    3_000), T0.plusSeconds(1), LEASE), "bound to that request for good");
        }

        @Test
        void creationCompletesTheAttemptSoTheSameRequestGetsThePayment() {
            CreationAttempt attempt = attempt("order-7", 2_000);
            ledger.claimCreation(attempt, T0, LEASE);
            Payment payment = payment().withReference("order-7").build();

            ledger.recordCreation(Optional.of(attempt), payment, createdEvent(payment));

            CreationClaim replay = ledger.claimCreation(attempt, T0.plusSeconds(1), LEASE);
            assertEquals(new CreationClaim.AlreadyCreated(payment), replay);
        }
    }

    @Nested
    class ClaimingCreation {

        @Test
        void aNewReferenceIsClaimedWithTheAttemptsIdempotencyKey() {
            CreationAttempt attempt = attempt("order-1", 2_000);

            CreationClaim claim = ledger.claimCreation(attempt, T0, LEASE);

            CreationClaim.Claimed claimed = assertInstanceOf(CreationClaim.Claimed.class, claim);
            assertEquals(attempt.idempotencyKey(), claimed.attempt().idempotencyKey());
            assertEquals(attempt.fingerprint(), claimed.attempt().fingerprint());
        }

        @Test
        void theSameRequestWhileTheLeaseIsLiveIsInFlight() {
            CreationAttempt attempt = attempt("order-1", 2_000);
            ledger.claimCreation(attempt, T0, LEASE);

            CreationClaim claim = ledger.claimCreation(attempt, T0.plus(LEASE).minusMillis(1), LEASE);

            assertInstanceOf(CreationClaim.InFlight.class, claim);
        }

        @Test
        void aDifferentRequestWhileTheLeaseIsLiveConflicts() {
            ledger.claimCreation(attempt("order-1", 2_000), T0, LEASE);

            CreationClaim claim = ledger.claimCreation(attempt("order-1", 3_000), T0.plusSeconds(1), LEASE);

            assertInstanceOf(CreationClaim.Conflict.class, claim);
        }

        @Test
        void theSameRequestTakesOverOnceTheLeaseHasRunOutAndKeepsTheKey() {
            CreationAttempt attempt = attempt("order-1", 2_000);
            ledger.claimCreation(attempt, T0, LEASE);

            CreationClaim claim = ledger.claimCreation(attempt, T0.plus(LEASE), LEASE);

            CreationClaim.Claimed claimed = assertInstanceOf(CreationClaim.Claimed.class, claim);
            assertEquals(attempt.idempotencyKey(), claimed.attempt().idempotencyKey());
        }

        @Test
        void aTakeOverStartsANewLease() {
            CreationAttempt attempt = attempt("order-1", 2_000);
            ledger.claimCreation(attempt, T0, LEASE);
            ledger.claimCreation(attempt, T0.plus(LEASE), LEASE);

            CreationClaim claim = ledger.claimCreation(attempt, T0.plus(LEASE).plusSeconds(1), LEASE);

            assertInstanceOf(CreationClaim.InFlight.class, claim);
        }

        @Test
        void aDifferentRequestMayBindAReferenceWhoseHolderCrashed() {
            ledger.claimCreation(attempt("order-1", 2_000), T0, LEASE);
            CreationAttempt other = attempt("order-1", 3_000);

            CreationClaim claim = ledger.claimCreation(other, T0.plus(LEASE).plusSeconds(1), LEASE);

            CreationClaim.Claimed claimed = assertInstanceOf(CreationClaim.Claimed.class, claim);
            assertEquals(other.fingerprint(), claimed.attempt().fingerprint());
            assertEquals(other.idempotencyKey(), claimed.attempt().idempotencyKey());
        }

        @Test
        void aReleasedAttemptIsClaimableAgainWithTheSameKey() {
            CreationAttempt attempt = attempt("order-1", 2_000);
            ledger.claimCreation(attempt, T0, LEASE);
            ledger.releaseCreation(attempt);

            CreationClaim claim = ledger.claimCreation(attempt, T0.plusSeconds(1), LEASE);

            CreationClaim.Claimed claimed = assertInstanceOf(CreationClaim.Claimed.class, claim);
            assertEquals(attempt.idempotencyKey(), claimed.attempt().idempotencyKey());
        }

        @Test
        void aReleasedAttemptGoesToTheSameMoneyWithOtherNotesUnderTheNewRequestsProviderKey() {
            CreationAttempt first = CreationAttempt.of(project, new ClientReference("order-1"),
                    RequestFingerprint.of(2_000, "usd", "", "250"),
                    com.amba.payments.domain.model.PaymentNotes.of(java.util.Map.of("k", "a"), Optional.empty()));
            ledger.claimCreation(first, T0, LEASE);
            ledger.releaseCreation(first);
            CreationAttempt otherNotes = CreationAttempt.of(project, new ClientReference("order-1"),
                    RequestFingerprint.of(2_000, "usd", "", "250"),
                    com.amba.payments.domain.model.PaymentNotes.of(java.util.Map.of("k", "b"), Optional.empty()));
            assertEquals(first.fingerprint(), otherNotes.fingerprint(), "the same request as a reference compares it");
            assertNotEquals(first.idempotencyKey(), otherNotes.idempotencyKey(), "not the same provider request");

            CreationClaim claim = ledger.claimCreation(otherNotes, T0.plusSeconds(1), LEASE);

            CreationClaim.Claimed claimed = assertInstanceOf(CreationClaim.Claimed.class, claim);
            assertEquals(otherNotes.idempotencyKey(), claimed.attempt().idempotencyKey(),
                    "the provider would refuse the first key with other parameters");
        }

        @Test
        void aReleasedAttemptGoesToADifferentRequestWithItsOwnFingerprintAndKey() {
            CreationAttempt first = attempt("order-1", 2_000);
            ledger.claimCreation(first, T0, LEASE);
            ledger.releaseCreation(first);
            CreationAttempt second = attempt("order-1", 3_000);

            CreationClaim claim = ledger.claimCreation(second, T0.plusSeconds(1), LEASE);

            CreationClaim.Claimed claimed = assertInstanceOf(CreationClaim.Claimed.class, claim);
            assertEquals(second.fingerprint(), claimed.attempt().fingerprint());
            assertEquals(second.idempotencyKey(), claimed.attempt().idempotencyKey());
            assertNotEquals(first.idempotencyKey(), claimed.attempt().idempotencyKey());
            assertInstanceOf(CreationClaim.Conflict.class, ledger.claimCreation(first, T0.plusSeconds(2), LEASE),
                    "the reference is now being bound to the second request");
        }

        @Test
        void aCompletedReferenceAnswersTheSameRequestWithThePaymentAsItStandsNow() {
            CreationAttempt attempt = attempt("order-1", 2_000);
            ledger.claimCreation(attempt, T0, LEASE);
            Payment payment = payment().withReference("order-1").build();
            ledger.recordCreation(Optional.of(attempt), payment, createdEvent(payment));
            ledger.record(moveByEvent(payment, PaymentStatus.SUCCEEDED, T0.plusSeconds(3), TestIds.eventId()));

            CreationClaim claim = ledger.claimCreation(attempt, T0.plus(LEASE).plusSeconds(10), LEASE);

            CreationClaim.AlreadyCreated created = assertInstanceOf(CreationClaim.AlreadyCreated.class, claim);
            assertEquals(payment.id(), created.payment().id());
            assertEquals(PaymentStatus.SUCCEEDED, created.payment().status());
        }

        @Test
        void aCompletedReferenceConflictsWithADifferentRequestForever() {
            CreationAttempt attempt = attempt("order-1", 2_000);
            ledger.claimCreation(attempt, T0, LEASE);
            Payment payment = payment().withReference("order-1").build();
            ledger.recordCreation(Optional.of(attempt), payment, createdEvent(payment));

            CreationClaim claim = ledger.claimCreation(attempt("order-1", 3_000), T0.plus(Duration.ofDays(400)), LEASE);

            assertInstanceOf(CreationClaim.Conflict.class, claim);
        }

        @Test
        void releasingACompletedAttemptDoesNotUnbindIt() {
            CreationAttempt attempt = attempt("order-1", 2_000);
            ledger.claimCreation(attempt, T0, LEASE);
            Payment payment = payment().withReference("order-1").build();
            ledger.recordCreation(Optional.of(attempt), payment, createdEvent(payment));

            ledger.releaseCreation(attempt);

            assertInstanceOf(CreationClaim.AlreadyCreated.class, ledger.claimCreation(attempt, T0.plusSeconds(1), LEASE));
        }

        @Test
        void referencesAreScopedToTheirProject() {
            ProjectId other = TestIds.projectId();
            givenProject(other);
            ledger.claimCreation(attempt("order-1", 2_000), T0, LEASE);

            CreationClaim claim = ledger.claimCreation(attempt(other, "order-1", 3_000), T0, LEASE);

            assertInstanceOf(CreationClaim.Claimed.class, claim);
        }

        @Test
        void thirtyTwoConcurrentClaimsOfOneReferenceMakeExactlyOneHolder() throws Exception {
            // Many references, each raced by every thread: one lucky round must not hide a missing lock.
            List<CreationAttempt> attempts = new ArrayList<>();
            for (int i = 0; i < RACE_ROUNDS; i++) {
                attempts.add(attempt("order-race-" + i, 2_000));
            }

            List<List<CreationClaim>> perThread = Concurrently.run(32,
                    () -> attempts.stream().map(a -> ledger.claimCreation(a, T0, LEASE)).toList());

            for (int i = 0; i < RACE_ROUNDS; i++) {
                int round = i;
                List<CreationClaim> claims = perThread.stream().map(list -> list.get(round)).toList();
                assertEquals(1, claims.stream().filter(CreationClaim.Claimed.class::isInstance).count(),
                        "reference " + round + ": " + claims);
                assertEquals(31, claims.stream().filter(CreationClaim.InFlight.class::isInstance).count());
            }
        }

        @Test
        void concurrentClaimsOfDifferentRequestsForOneReferenceLetOneWinAndTheRestConflict() throws Exception {
            AtomicInteger amount = new AtomicInteger(2_000);

            List<CreationClaim> claims = Concurrently.run(16,
                    () -> ledger.claimCreation(attempt("order-race", amount.getAndIncrement()), T0, LEASE));

            assertEquals(1, claims.stream().filter(CreationClaim.Claimed.class::isInstance).count());
            assertEquals(15, claims.stream().filter(CreationClaim.Conflict.class::isInstance).count());
        }
    }

    @Nested
    class RecordingTransitions {

        private Payment payment;

        @BeforeEach
        void aStoredPayment() {
            payment = stored(payment().build());
        }

        @Test
        void aTransitionMovesThePaymentAndWritesHistoryOutboxAndInboxTogether() {
            ProviderEventId eventId = TestIds.eventId();
            Instant at = T0.plusSeconds(10);
            Transition transition = moveByEvent(payment, PaymentStatus.PROCESSING, at, eventId);

            TransitionOutcome outcome = ledger.record(transition);

            assertEquals(TransitionOutcome.RECORDED, outcome);
            Payment now = ledger.find(payment.id()).orElseThrow();
            assertEquals(PaymentStatus.PROCESSING, now.status());
            assertEquals(payment.version() + 1, now.version());
            assertEquals(at, now.updatedAt());
            List<StatusHistoryEntry> history = ledger.history(payment.id());
            assertEquals(2, history.size());
            assertEquals(new StatusHistoryEntry(payment.id(), Optional.of(PaymentStatus.REQUIRES_PAYMENT_METHOD),
                    PaymentStatus.PROCESSING, eventId.value(), at), history.get(1));
            List<PaymentEvent> events = allUnrelayed().stream().map(OutboxEntry::event).toList();
            assertEquals(2, events.size());
            assertEquals(transition.change().orElseThrow().outgoing().orElseThrow(), events.get(1));
            assertTrue(ledger.hasDecided(eventId));
        }

        @Test
        void aConfirmationMovesOnlyTheTimeTheStatusIsKnownAsOfWithNoHistoryRowAndNoEvent() {
            ProviderEventId eventId = TestIds.eventId();
            Instant readAt = payment.statusAsOf().plusSeconds(30);
            Payment confirmed = payment.confirmedAsOf(readAt);
            Transition transition = Transition.of(StatusChange.confirmation(payment, confirmed, eventId.value()),
                    new InboxEntry(eventId, Optional.of(payment.id()), EventDisposition.IGNORED_OLDER, "kept",
                            T0.plusSeconds(31)));

            assertEquals(TransitionOutcome.RECORDED, ledger.record(transition));

            Payment now = ledger.find(payment.id()).orElseThrow();
            assertEquals(confirmed, now);
            assertEquals(readAt, now.statusAsOf(), "a later event from before the read must not overwrite it");
            assertEquals(payment.updatedAt(), now.updatedAt());
            assertEquals(1, ledger.history(payment.id()).size(), "nothing anyone could see changed");
            assertEquals(1, allUnrelayed().size(), "no event for downstream services");
            assertTrue(ledger.hasDecided(eventId));
            assertEquals(TransitionOutcome.STALE, ledger.record(Transition.withoutEvent(
                    StatusChange.confirmation(payment, payment.confirmedAsOf(readAt.plusSeconds(1)), "again"))),
                    "a confirmation is version-checked like a move");
        }

        @Test
        void eachMoveTellsTheLedgersPreviousStatusDownstream() {
            Payment first = moved(payment, PaymentStatus.REQUIRES_ACTION, T0.plusSeconds(1));
            Payment second = moved(first, PaymentStatus.REQUIRES_PAYMENT_METHOD, T0.plusSeconds(2));
            moved(second, PaymentStatus.PROCESSING, T0.plusSeconds(3));

            List<PaymentEvent> events = allUnrelayed().stream().map(OutboxEntry::event).toList();
            assertEquals(List.of(PaymentStatus.REQUIRES_PAYMENT_METHOD, PaymentStatus.REQUIRES_ACTION,
                    PaymentStatus.REQUIRES_PAYMENT_METHOD, PaymentStatus.PROCESSING),
                    events.stream().map(PaymentEvent::status).toList());
            for (int i = 1; i < events.size(); i++) {
                assertEquals(Optional.of(events.get(i - 1).status()), events.get(i).previousStatus(),
                        "one chain without a gap");
            }
        }

        private Payment moved(Payment from, PaymentStatus to, Instant at) {
            assertEquals(TransitionOutcome.RECORDED, ledger.record(moveByEvent(from, to, at, TestIds.eventId())));
            return ledger.find(from.id()).orElseThrow();
        }

        @Test
        void theSameEventIdTwiceIsADuplicateAndChangesNothing() {
            ProviderEventId eventId = TestIds.eventId();
            ledger.record(moveByEvent(payment, PaymentStatus.PROCESSING, T0.plusSeconds(10), eventId));
            Payment moved = ledger.find(payment.id()).orElseThrow();

            TransitionOutcome outcome = ledger.record(moveByEvent(moved, PaymentStatus.SUCCEEDED, T0.plusSeconds(20),
                    eventId));

            assertEquals(TransitionOutcome.DUPLICATE_EVENT, outcome);
            assertEquals(moved, ledger.find(payment.id()).orElseThrow());
            assertEquals(2, ledger.history(payment.id()).size());
            assertEquals(2, allUnrelayed().size());
        }

        @Test
        void aChangeFromAnOutdatedVersionIsStaleAndRecordsNothingNotEvenTheEvent() {
            ledger.record(moveByEvent(payment, PaymentStatus.PROCESSING, T0.plusSeconds(10), TestIds.eventId()));
            Payment moved = ledger.find(payment.id()).orElseThrow();
            ProviderEventId late = TestIds.eventId();

            TransitionOutcome outcome = ledger.record(moveByEvent(payment, PaymentStatus.CANCELED,
                    T0.plusSeconds(11), late));

            assertEquals(TransitionOutcome.STALE, outcome);
            assertEquals(moved, ledger.find(payment.id()).orElseThrow());
            assertFalse(ledger.hasDecided(late), "a stale step must not mark its event decided");
            assertEquals(2, ledger.history(payment.id()).size());
            assertEquals(2, allUnrelayed().size());
        }

        @Test
        void anInboxOnlyDecisionMarksTheEventDecidedAndLeavesThePaymentAlone() {
            ProviderEventId eventId = TestIds.eventId();

            TransitionOutcome outcome = ledger.record(Transition.onlyInbox(
                    decided(eventId, payment, EventDisposition.IGNORED_OLDER, T0.plusSeconds(1))));

            assertEquals(TransitionOutcome.RECORDED, outcome);
            assertTrue(ledger.hasDecided(eventId));
            assertEquals(payment, ledger.find(payment.id()).orElseThrow());
            assertEquals(1, allUnrelayed().size());
        }

        @Test
        void aChangeWithoutAnEventIsRecordedWithItsCause() {
            TransitionOutcome outcome = ledger.record(Transition.withoutEvent(
                    Payments.change(payment, PaymentStatus.SUCCEEDED, T0.plusSeconds(60), "reconciler")));

            assertEquals(TransitionOutcome.RECORDED, outcome);
            assertEquals(PaymentStatus.SUCCEEDED, ledger.find(payment.id()).orElseThrow().status());
            assertEquals("reconciler", ledger.history(payment.id()).getLast().cause());
        }

        @Test
        void anUndecidedEventIsNotDecided() {
            assertFalse(ledger.hasDecided(TestIds.eventId()));
        }

        @Test
        void concurrentChangesFromOneVersionLetExactlyOneThrough() throws Exception {
            List<Payment> raced = new ArrayList<>();
            for (int i = 0; i < RACE_ROUNDS; i++) {
                raced.add(stored(payment().build()));
            }

            List<List<TransitionOutcome>> perThread = Concurrently.run(32, () -> raced.stream()
                    .map(p -> ledger.record(moveByEvent(p, PaymentStatus.PROCESSING, T0.plusSeconds(10),
                            TestIds.eventId())))
                    .toList());

            for (int i = 0; i < RACE_ROUNDS; i++) {
                int round = i;
                List<TransitionOutcome> outcomes = perThread.stream().map(list -> list.get(round)).toList();
                assertEquals(1, outcomes.stream().filter(o -> o == TransitionOutcome.RECORDED).count(),
                        "payment " + round + ": " + outcomes);
                assertEquals(2, ledger.history(raced.get(i).id()).size());
                assertEquals(1, ledger.find(raced.get(i).id()).orElseThrow().version());
            }
        }

        @Test
        void oneEventDecidedConcurrentlyIsRecordedOnce() throws Exception {
            ProviderEventId eventId = TestIds.eventId();

            List<TransitionOutcome> outcomes = Concurrently.run(16, () -> ledger.record(Transition.onlyInbox(
                    decided(eventId, payment, EventDisposition.ALREADY_THERE, T0.plusSeconds(1)))));

            assertEquals(1, outcomes.stream().filter(o -> o == TransitionOutcome.RECORDED).count());
            assertEquals(15, outcomes.stream().filter(o -> o == TransitionOutcome.DUPLICATE_EVENT).count());
        }

        @Test
        void concurrentRecordingOfOnePaymentKeepsTheFirstAndOneHistoryRow() throws Exception {
            Payment fresh = payment().build();

            List<Payment> answers = Concurrently.run(16,
                    () -> ledger.recordCreation(Optional.empty(), fresh, createdEvent(fresh)));

            assertTrue(answers.stream().allMatch(fresh::equals));
            assertEquals(1, ledger.history(fresh.id()).size());
            assertEquals(1, allUnrelayed().stream().filter(e -> e.event().paymentId().equals(fresh.id())).count());
        }
    }

    @Nested
    class ParkingEvents {

        @Test
        void aParkedEventIsKeptForItsPayment() {
            PaymentId id = TestIds.paymentId();
            PaymentIntentChanged event = intentChanged(aPayment().withId(id).build(), PaymentStatus.SUCCEEDED, T0);

            ledger.park(event, T0);

            assertEquals(List.of(event), ledger.parkedFor(id));
            assertEquals(List.of(), ledger.parkedFor(TestIds.paymentId()));
        }

        @Test
        void parkingTheSameEventTwiceKeepsItOnce() {
            PaymentIntentChanged event = intentChanged(payment().build(), PaymentStatus.SUCCEEDED, T0);

            ledger.park(event, T0);
            ledger.park(event, T0.plusSeconds(5));

            assertEquals(List.of(event), ledger.parkedFor(event.paymentId()));
            assertEquals(List.of(event), ledger.parked(Optional.empty(), 10));
        }

        @Test
        void parkedEventsComePageByPageInEventIdOrder() {
            List<PaymentIntentChanged> all = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                PaymentIntentChanged event = intentChanged(payment().build(), PaymentStatus.PROCESSING, T0);
                ledger.park(event, T0.plusSeconds(5 - i));
                all.add(event);
            }
            all.sort(java.util.Comparator.comparing(event -> event.id().value()));

            List<PaymentIntentChanged> first = ledger.parked(Optional.empty(), 3);
            List<PaymentIntentChanged> rest = ledger.parked(Optional.of(first.getLast().id()), 3);

            assertEquals(all.subList(0, 3), first);
            assertEquals(all.subList(3, 5), rest, "the next page starts after the last event of the previous one");
        }

        @Test
        void anUnparkedEventIsForgotten() {
            PaymentIntentChanged event = intentChanged(payment().build(), PaymentStatus.SUCCEEDED, T0);
            ledger.park(event, T0);

            ledger.unpark(event.id());

            assertEquals(List.of(), ledger.parkedFor(event.paymentId()));
            assertEquals(List.of(), ledger.parked(Optional.empty(), 10));
        }
    }

    @Nested
    class FindingQuietPayments {

        @Test
        void onlyNonFinalPaymentsUnchangedSinceTheGivenTimeOldestFirst() {
            Payment older = stored(payment().createdAt(T0).build());
            Payment old = stored(payment().createdAt(T0.plusSeconds(10)).build());
            stored(payment().createdAt(T0.plusSeconds(20)).build());
            stored(payment().withStatus(PaymentStatus.SUCCEEDED).createdAt(T0).build());
            stored(payment().withStatus(PaymentStatus.CANCELED).createdAt(T0).build());

            List<Payment> quiet = ledger.unsettledSince(T0.plusSeconds(20), Optional.empty(), 10);

            assertEquals(List.of(older.id(), old.id()), quiet.stream().map(Payment::id).toList());
        }

        @Test
        void aChangeMakesAPaymentRecentAgain() {
            Payment payment = stored(payment().createdAt(T0).build());
            ledger.record(moveByEvent(payment, PaymentStatus.PROCESSING, T0.plusSeconds(100), TestIds.eventId()));

            assertEquals(List.of(), ledger.unsettledSince(T0.plusSeconds(50), Optional.empty(), 10));
            assertEquals(1, ledger.unsettledSince(T0.plusSeconds(101), Optional.empty(), 10).size());
        }

        @Test
        void theLimitIsRespected() {
            for (int i = 0; i < 5; i++) {
                stored(payment().createdAt(T0.plusSeconds(i)).build());
            }

            assertEquals(3, ledger.unsettledSince(T0.plusSeconds(100), Optional.empty(), 3).size());
        }

        @Test
        void aSweepGoesOnAfterWhereItStoppedInChangeThenIdOrder() {
            List<PaymentId> all = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                all.add(stored(payment().createdAt(T0).build()).id());
                all.add(stored(payment().createdAt(T0.plusSeconds(i + 1)).build()).id());
            }
            List<Payment> first = ledger.unsettledSince(T0.plusSeconds(100), Optional.empty(), 4);
            List<Payment> rest = ledger.unsettledSince(T0.plusSeconds(100),
                    Optional.of(SweepPosition.at(first.getLast())), 4);

            assertEquals(4, first.size());
            assertEquals(2, rest.size(), "the second batch starts after the first one's last payment");
            List<Payment> swept = java.util.stream.Stream.concat(first.stream(), rest.stream()).toList();
            assertEquals(new java.util.HashSet<>(all), swept.stream().map(Payment::id).collect(java.util.stream.Collectors.toSet()),
                    "every quiet payment once");
            assertEquals(6, swept.size());
            for (int i = 1; i < swept.size(); i++) {
                assertTrue(SweepPosition.at(swept.get(i - 1)).isBefore(swept.get(i)), "ordered by last change, then id");
            }
        }
    }

    @Nested
    class Listing {

        private static PaymentQuery query(int limit, Optional<PaymentCursor> after) {
            return new PaymentQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit, after);
        }

        @Test
        void newestFirstInPagesThatJoinUpExactly() {
            List<Payment> made = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                made.add(stored(payment().createdAt(T0.plusSeconds(i)).build()));
            }
            stored(aPayment().inProject(TestIds.projectId()).createdAt(T0.plusSeconds(3)).build());

            PaymentPage first = ledger.list(project, query(2, Optional.empty()));
            PaymentPage second = ledger.list(project, query(2, first.next()));
            PaymentPage third = ledger.list(project, query(2, second.next()));

            assertEquals(List.of(made.get(4).id(), made.get(3).id()), ids(first));
            assertTrue(first.hasMore());
            assertEquals(Optional.of(PaymentCursor.at(made.get(3))), first.next());
            assertEquals(List.of(made.get(2).id(), made.get(1).id()), ids(second));
            assertEquals(List.of(made.get(0).id()), ids(third));
            assertFalse(third.hasMore());
            assertEquals(Optional.empty(), third.next());
        }

        @Test
        void aPageThatEndsExactlyAtTheLastPaymentHasNoMore() {
            stored(payment().createdAt(T0).build());
            stored(payment().createdAt(T0.plusSeconds(1)).build());

            PaymentPage page = ledger.list(project, query(2, Optional.empty()));

            assertEquals(2, page.payments().size());
            assertFalse(page.hasMore());
            assertEquals(Optional.empty(), page.next());
        }

        @Test
        void paymentsCreatedTheSameInstantAreOrderedByIdAndNoneIsSkippedAcrossPages() {
            List<Payment> made = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                made.add(stored(payment().createdAt(T0).build()));
            }
            List<PaymentId> expected = made.stream().sorted(PaymentCursor.NEWEST_FIRST).map(Payment::id).toList();

            List<PaymentId> seen = new ArrayList<>();
            Optional<PaymentCursor> cursor = Optional.empty();
            do {
                PaymentPage page = ledger.list(project, query(2, cursor));
                seen.addAll(ids(page));
                cursor = page.next();
            } while (cursor.isPresent());

            assertEquals(expected, seen);
        }

        @Test
        void filtersByStatusAndCreationTime() {
            Payment early = stored(payment().withStatus(PaymentStatus.SUCCEEDED).createdAt(T0).build());
            Payment middle = stored(payment().withStatus(PaymentStatus.SUCCEEDED).createdAt(T0.plusSeconds(10)).build());
            stored(payment().withStatus(PaymentStatus.CANCELED).createdAt(T0.plusSeconds(10)).build());
            stored(payment().withStatus(PaymentStatus.SUCCEEDED).createdAt(T0.plusSeconds(20)).build());

            PaymentPage page = ledger.list(project, new PaymentQuery(Optional.of(PaymentStatus.SUCCEEDED),
                    Optional.of(T0), Optional.of(T0.plusSeconds(20)), 10, Optional.empty()));

            assertEquals(List.of(middle.id(), early.id()), ids(page));
        }

        @Test
        void anotherProjectsPaymentsAreNeverListed() {
            stored(aPayment().inProject(TestIds.projectId()).build());

            assertEquals(List.of(), ledger.list(project, query(10, Optional.empty())).payments());
        }

        private static List<PaymentId> ids(PaymentPage page) {
            return page.payments().stream().map(Payment::id).toList();
        }
    }

    @Nested
    class Reporting {

        @Test
        void totalsPerProjectAndCurrencyWithCountsByStatus() {
            ProjectId other = TestIds.projectId();
            stored(payment().withAmount(2_000, "usd").withFee(100).withStatus(PaymentStatus.SUCCEEDED).build());
            stored(payment().withAmount(3_000, "usd").withFee(150).build());
            stored(payment().withAmount(5_000, "eur").withFee(250).withStatus(PaymentStatus.SUCCEEDED).build());
            stored(aPayment().inProject(other).withAmount(700, "usd").withFee(7).build());

            List<ReportLine> lines = ledger.report().lines();

            ReportLine usd = line(lines, project, "usd");
            assertEquals(2, usd.count());
            assertEquals(5_000, usd.grossMinor());
            assertEquals(250, usd.feesMinor());
            assertEquals(1L, usd.countByStatus().getOrDefault(PaymentStatus.SUCCEEDED, 0L));
            assertEquals(1L, usd.countByStatus().getOrDefault(PaymentStatus.REQUIRES_PAYMENT_METHOD, 0L));
            assertEquals(0L, usd.countByStatus().getOrDefault(PaymentStatus.CANCELED, 0L));
            ReportLine eur = line(lines, project, "eur");
            assertEquals(1, eur.count());
            assertEquals(5_000, eur.grossMinor());
            assertEquals(250, eur.feesMinor());
            ReportLine otherUsd = line(lines, other, "usd");
            assertEquals(1, otherUsd.count());
            assertEquals(700, otherUsd.grossMinor());
            assertEquals(3, lines.size());
        }

        @Test
        void statusCountsFollowTransitions() {
            Payment payment = stored(payment().build());
            ledger.record(moveByEvent(payment, PaymentStatus.SUCCEEDED, T0.plusSeconds(1), TestIds.eventId()));

            ReportLine usd = line(ledger.report().lines(), project, "usd");

            assertEquals(1L, usd.countByStatus().getOrDefault(PaymentStatus.SUCCEEDED, 0L));
            assertEquals(0L, usd.countByStatus().getOrDefault(PaymentStatus.REQUIRES_PAYMENT_METHOD, 0L));
        }

        @Test
        void eventsThatDisagreedWithTheLedgerAreListedAndOthersAreNot() {
            Payment payment = stored(payment().build());
            ProviderEventId mismatch = TestIds.eventId();
            ledger.record(Transition.onlyInbox(decided(mismatch, payment, EventDisposition.MISMATCH, T0.plusSeconds(1))));
            ledger.record(Transition.onlyInbox(decided(TestIds.eventId(), payment, EventDisposition.ALREADY_THERE,
                    T0.plusSeconds(2))));

            var mismatches = ledger.report().mismatches();

            assertEquals(1, mismatches.size());
            assertEquals(mismatch, mismatches.getFirst().eventId());
            assertEquals(Optional.of(payment.id()), mismatches.getFirst().paymentId());
            assertEquals(EventDisposition.MISMATCH, mismatches.getFirst().disposition());
        }

        @Test
        void anEmptyLedgerReportsNothing() {
            assertEquals(List.of(), ledger.report().lines());
            assertEquals(List.of(), ledger.report().mismatches());
        }

        private static ReportLine line(List<ReportLine> lines, ProjectId project, String currency) {
            return lines.stream()
                    .filter(l -> l.projectId().equals(project) && l.currency().code().equals(currency))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no report line for " + project + " " + currency));
        }
    }

    @Nested
    class RelayingTheOutbox {

        @Test
        void eventsComeInTheOrderTheyWereRecordedAndLeaveOnceRelayed() {
            Payment a = stored(payment().build());
            Payment b = stored(payment().build());
            ledger.record(moveByEvent(a, PaymentStatus.PROCESSING, T0.plusSeconds(1), TestIds.eventId()));

            List<OutboxEntry> all = outbox.unrelayed(10);
            assertEquals(List.of(a.id(), b.id(), a.id()), all.stream().map(e -> e.event().paymentId()).toList());
            assertEquals(List.of(PaymentEventType.CREATED, PaymentEventType.CREATED, PaymentEventType.STATUS_CHANGED),
                    all.stream().map(e -> e.event().type()).toList());
            assertTrue(all.get(0).position() < all.get(1).position() && all.get(1).position() < all.get(2).position());

            outbox.markRelayed(all.subList(0, 2));

            assertEquals(List.of(all.get(2)), outbox.unrelayed(10));
        }

        @Test
        void theBacklogCountsWhatWaitsAndDatesTheOldest() {
            assertEquals(OutboxBacklog.EMPTY, outbox.backlog());
            Payment a = stored(payment().build());
            ledger.record(moveByEvent(a, PaymentStatus.PROCESSING, T0.plusSeconds(5), TestIds.eventId()));
            List<OutboxEntry> all = outbox.unrelayed(10);

            assertEquals(new OutboxBacklog(2, Optional.of(all.get(0).event().time())), outbox.backlog());

            outbox.markRelayed(all.subList(0, 1));
            assertEquals(new OutboxBacklog(1, Optional.of(T0.plusSeconds(5))), outbox.backlog());
            outbox.markRelayed(all);
            assertEquals(OutboxBacklog.EMPTY, outbox.backlog());
        }

        @Test
        void theLimitTakesTheOldest() {
            Payment a = stored(payment().build());
            stored(payment().build());

            List<OutboxEntry> first = outbox.unrelayed(1);

            assertEquals(1, first.size());
            assertEquals(a.id(), first.getFirst().event().paymentId());
        }

        @Test
        void markingNothingOrTwiceIsHarmless() {
            stored(payment().build());
            List<OutboxEntry> all = outbox.unrelayed(10);

            outbox.markRelayed(List.of());
            outbox.markRelayed(all);
            outbox.markRelayed(all);

            assertEquals(List.of(), outbox.unrelayed(10));
        }
    }
}
