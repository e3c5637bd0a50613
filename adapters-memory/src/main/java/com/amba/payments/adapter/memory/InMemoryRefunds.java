package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.Dispute;
import com.amba.payments.domain.model.DisputeChange;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.MoneyBackTotals;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.ProviderEvent.RefundChanged;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.Refund;
import com.amba.payments.domain.model.RefundAttempt;
import com.amba.payments.domain.model.RefundChange;
import com.amba.payments.domain.model.RefundClaim;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.RefundOrder;
import com.amba.payments.domain.model.RefundFingerprint;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import com.amba.payments.domain.model.RefundPolicy;
import com.amba.payments.domain.model.RefundReservation;
import com.amba.payments.domain.model.RefundShare;
import com.amba.payments.domain.model.RefundStanding;
import com.amba.payments.domain.model.RefundStatus;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.DisputeStatus;
import com.amba.payments.domain.model.TransitionOutcome;
import com.amba.payments.domain.port.out.RefundLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

/**
 * Refunds and disputes in memory, guarded by the {@link InMemoryLedger}'s own monitor so that a refund, its
 * payment, its outbox event and its inbox entry change in one atomic step, as one database transaction would.
 */
final class InMemoryRefunds implements RefundLedger {

    private final InMemoryLedger ledger;
    private final Map<String, RefundSlot> slots = new HashMap<>();
    private final Map<ReferenceKey, String> byReference = new HashMap<>();
    private final Map<RefundId, String> byRefundId = new HashMap<>();
    private final Map<PaymentId, Dispute> disputes = new HashMap<>();
    private final Map<ProviderEventId, RefundChanged> parked = new LinkedHashMap<>();
    private long nextSequence = 1;

    InMemoryRefunds(InMemoryLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public RefundClaim reserve(RefundAttempt attempt, Instant now, Duration lease) {
        synchronized (ledger) {
            Payment payment = ledger.paymentNow(attempt.paymentId());
            if (payment == null || !payment.projectId().equals(attempt.projectId())) {
                return new RefundClaim.Refused(new PaymentError.PaymentNotFound());
            }
            RefundAttempt taking = attempt;
            Optional<ClientReference> reference = attempt.clientReference();
            if (reference.isPresent()) {
                RefundSlot existing = Optional.ofNullable(byReference.get(new ReferenceKey(attempt.projectId(),
                        reference.get()))).map(slots::get).orElse(null);
                if (existing != null) {
                    boolean sameRequest = existing.attempt().fingerprint().equals(attempt.fingerprint());
                    if (!sameRequest) {
                        return new RefundClaim.Conflict();
                    }
                    if (existing.refund().isPresent()) {
                        return new RefundClaim.AlreadyMade(existing.refund().get());
                    }
                    if (existing.isInFlight(now)) {
                        return new RefundClaim.InFlight();
                    }
                    // Released, or its holder's lease ran out: the same request takes its idempotency key over.
                    slots.remove(existing.attempt().id());
                    taking = attempt.withKey(existing.attempt().idempotencyKey());
                }
            }
            Result<RefundShare, PaymentError> share = RefundPolicy.share(payment, standingOf(payment.id(), now),
                    attempt.order().amount(), attempt.order().refundApplicationFee());
            if (share instanceof Result.Err<RefundShare, PaymentError> refused) {
                return new RefundClaim.Refused(refused.error());
            }
            RefundSlot slot = RefundSlot.reserved(taking, share.orElseThrow(), now.plus(lease), nextSequence++);
            slots.put(taking.id(), slot);
            reference.ifPresent(r -> byReference.put(new ReferenceKey(attempt.projectId(), r), slot.attempt().id()));
            return new RefundClaim.Reserved(new RefundReservation(taking, payment, share.orElseThrow()));
        }
    }

    private RefundStanding standingOf(PaymentId payment, Instant now) {
        RefundStanding standing = RefundStanding.NOTHING;
        for (RefundSlot slot : slots.values()) {
            if (slot.attempt().paymentId().equals(payment)) {
                standing = slot.addTo(standing, now);
            }
        }
        return standing;
    }

    @Override
    public void release(RefundReservation reservation) {
        synchronized (ledger) {
            slots.computeIfPresent(reservation.attempt().id(),
                    (id, slot) -> slot.isReserving() ? slot.releasedNow() : slot);
        }
    }

    @Override
    public Refund recordRefund(String attemptId, Refund refund, PaymentEvent created, Optional<InboxEntry> inbox) {
        synchronized (ledger) {
            String holder = byRefundId.get(refund.id());
            if (holder != null) {
                return slots.get(holder).refund().orElseThrow();
            }
            RefundSlot slot = slots.get(attemptId);
            if (slot != null && slot.refund().isPresent()) {
                return slot.refund().get();
            }
            if (inbox.isPresent() && ledger.hasDecidedNow(inbox.get().eventId())) {
                return refund;
            }
            Refund recorded = slot == null ? refund : new Refund(refund.id(), refund.paymentId(), refund.projectId(),
                    refund.amount(), slot.share().fee(), slot.attempt().order().reason(),
                    slot.attempt().clientReference(), refund.status(), refund.createdAt(), refund.updatedAt(),
                    refund.statusAsOf(), 0);
            RefundSlot holding = slot == null
                    ? new RefundSlot(outsideAttempt(attemptId, recorded), new RefundShare(recorded.amount().minor(),
                            recorded.feeRefunded()), refund.createdAt(), false, Optional.of(recorded), nextSequence++)
                    : slot.holding(recorded);
            slots.put(attemptId, holding);
            byRefundId.put(recorded.id(), attemptId);
            PaymentEvent event = slot == null ? created : PaymentEvent.refundCreated(created.id(),
                    ledger.paymentNow(recorded.paymentId()), recorded, created.time());
            ledger.appendOutboxNow(event);
            inbox.ifPresent(ledger::decideNow);
            return recorded;
        }
    }

    /** A refund made outside Amba has no attempt; it gets one of its own so it is kept like any other. */
    private static RefundAttempt outsideAttempt(String attemptId, Refund refund) {
        return new RefundAttempt(attemptId, refund.paymentId(), refund.projectId(),
                new RefundOrder(Optional.of(refund.amount().minor()), refund.reason(),
                        false, Optional.empty()),
                new RefundFingerprint("outside"),
                new ProviderIdempotencyKey(attemptId));
    }

    @Override
    public TransitionOutcome move(RefundChange change, InboxEntry inbox) {
        synchronized (ledger) {
            if (ledger.hasDecidedNow(inbox.eventId())) {
                return TransitionOutcome.DUPLICATE_EVENT;
            }
            String holder = byRefundId.get(change.after().id());
            RefundSlot slot = holder == null ? null : slots.get(holder);
            if (slot == null || slot.refund().orElseThrow().version() != change.expectedVersion()) {
                return TransitionOutcome.STALE;
            }
            slots.put(holder, slot.holding(change.after()));
            ledger.appendOutboxNow(change.outgoing());
            ledger.decideNow(inbox);
            return TransitionOutcome.RECORDED;
        }
    }

    @Override
    public Optional<Refund> findRefund(RefundId id) {
        synchronized (ledger) {
            return Optional.ofNullable(byRefundId.get(id)).map(slots::get).flatMap(RefundSlot::refund);
        }
    }

    @Override
    public boolean isReserving(String attemptId) {
        synchronized (ledger) {
            RefundSlot slot = slots.get(attemptId);
            return slot != null && slot.isReserving();
        }
    }

    @Override
    public List<Refund> refunds(PaymentId payment) {
        synchronized (ledger) {
            return slots.values().stream()
                    .filter(slot -> slot.attempt().paymentId().equals(payment) && slot.refund().isPresent())
                    .sorted(Comparator.comparingLong(RefundSlot::sequence))
                    .map(slot -> slot.refund().orElseThrow())
                    .toList();
        }
    }

    @Override
    public Optional<PaymentStanding> standing(PaymentId id) {
        synchronized (ledger) {
            return ledger.find(id).map(payment -> new PaymentStanding(payment, refundedOf(id),
                    Optional.ofNullable(disputes.get(id)).map(Dispute::status).orElse(DisputeStatus.NONE)));
        }
    }

    /** Memory never waits: the stage is complete when it is returned. */
    @Override
    public CompletionStage<Optional<PaymentStanding>> standingWithoutWaiting(PaymentId id) {
        return CompletableFuture.completedFuture(standing(id));
    }

    /** The sum of a payment's succeeded refunds, and their fees. */
    long refundedOf(PaymentId payment) {
        return succeeded(payment).mapToLong(refund -> refund.amount().minor()).sum();
    }

    long feesRefundedOf(PaymentId payment) {
        return succeeded(payment).mapToLong(Refund::feeRefunded).sum();
    }

    private Stream<Refund> succeeded(PaymentId payment) {
        return slots.values().stream()
                .filter(slot -> slot.attempt().paymentId().equals(payment))
                .flatMap(slot -> slot.refund().stream())
                .filter(refund -> refund.status() == RefundStatus.SUCCEEDED);
    }

    /** For the report; the caller holds the ledger's monitor. */
    MoneyBackTotals totalsOf(PaymentId payment) {
        Optional<Dispute> dispute = disputeNow(payment);
        long disputed = dispute.map(d -> d.amount().minor()).orElse(0L);
        long lost = dispute.filter(d -> d.status() == DisputeStatus.LOST).map(d -> d.amount().minor()).orElse(0L);
        return new MoneyBackTotals(refundedOf(payment), feesRefundedOf(payment), disputed, lost);
    }

    Optional<Dispute> disputeNow(PaymentId payment) {
        return Optional.ofNullable(disputes.get(payment));
    }

    @Override
    public void park(RefundChanged event, Instant receivedAt) {
        synchronized (ledger) {
            parked.putIfAbsent(event.id(), event);
        }
    }

    @Override
    public List<RefundChanged> parkedRefunds(Optional<ProviderEventId> after, int limit) {
        synchronized (ledger) {
            return parked.values().stream()
                    .filter(event -> after.map(position -> event.id().value().compareTo(position.value()) > 0)
                            .orElse(true))
                    .sorted(Comparator.comparing(event -> event.id().value()))
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public void unparkRefund(ProviderEventId eventId) {
        synchronized (ledger) {
            parked.remove(eventId);
        }
    }

    @Override
    public Optional<Dispute> dispute(PaymentId payment) {
        synchronized (ledger) {
            return disputeNow(payment);
        }
    }

    @Override
    public TransitionOutcome recordDispute(DisputeChange change, InboxEntry inbox) {
        synchronized (ledger) {
            if (ledger.hasDecidedNow(inbox.eventId())) {
                return TransitionOutcome.DUPLICATE_EVENT;
            }
            long current = Optional.ofNullable(disputes.get(change.after().paymentId())).map(Dispute::version)
                    .orElse(-1L);
            if (current != change.expectedVersion()) {
                return TransitionOutcome.STALE;
            }
            disputes.put(change.after().paymentId(), change.after());
            ledger.appendOutboxNow(change.outgoing());
            ledger.decideNow(inbox);
            return TransitionOutcome.RECORDED;
        }
    }
}
