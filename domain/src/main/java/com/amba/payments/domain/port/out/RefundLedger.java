package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.Dispute;
import com.amba.payments.domain.model.DisputeChange;
import com.amba.payments.domain.model.InboxEntry;
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
import com.amba.payments.domain.model.RefundReservation;
import com.amba.payments.domain.model.TransitionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The ledger's record of money given back: refunds and what they hold of each payment. Kept by the same store
 * as {@link Ledger} (one transaction covers a refund, its payment's lock, its outbox event and its inbox entry).
 * Every method may throw {@link StoreUnavailable}; then nothing was changed.
 */
public interface RefundLedger {

    /**
     * Sets the attempt's share of the payment aside, or says why not, in one step under a lock on the payment:
     * the share is decided by {@code RefundPolicy} against every refund that holds money and every reservation
     * whose lease is live, so two refunds racing for the last of the remainder cannot both win, on any number of
     * instances. With a client reference it behaves as the create's claim does (docs/refund-state-machine.md).
     */
    RefundClaim reserve(RefundAttempt attempt, Instant now, Duration lease);

    /** The provider refused: the reservation holds nothing any more (a client reference binds nothing). */
    void release(RefundReservation reservation);

    /**
     * Records the provider's refund for the attempt {@code attemptId} with its {@code created} event, and the
     * inbox entry when a provider event brought it. If the attempt already has its refund, or a refund with this
     * id exists, that one is answered and nothing is written. With no such attempt (a refund made outside Amba)
     * the refund is recorded on its own.
     */
    Refund recordRefund(String attemptId, Refund refund, PaymentEvent created, Optional<InboxEntry> inbox);

    /** A refund's status change with its event and the provider event behind it, or nothing. */
    TransitionOutcome move(RefundChange change, InboxEntry inbox);

    Optional<Refund> findRefund(RefundId id);

    /** Whether this attempt has a live or lapsed reservation that no provider refund was recorded for yet. */
    boolean isReserving(String attemptId);

    /** A payment's refunds, oldest first. */
    List<Refund> refunds(PaymentId payment);

    /**
     * The payment with the sum of its succeeded refunds and its dispute, read together (one round trip where
     * the ledger is a database); empty when there is no such payment.
     */
    Optional<PaymentStanding> standing(PaymentId payment);

    /**
     * The same read for a caller whose thread must not wait: returns at once, and the stage completes when the
     * store answers, or fails with {@link StoreUnavailable}.
     */
    CompletionStage<Optional<PaymentStanding>> standingWithoutWaiting(PaymentId payment);

    /** Keeps a refund event that arrived before its payment; parking the same event twice keeps it once. */
    void park(RefundChanged event, Instant receivedAt);

    /**
     * Parked refund events in event-id order, starting after {@code after} when given: the sweep pages through all
     * of them, so events that never find their payment cannot crowd out the others.
     */
    List<RefundChanged> parkedRefunds(Optional<ProviderEventId> after, int limit);

    void unparkRefund(ProviderEventId eventId);

    Optional<Dispute> dispute(PaymentId payment);

    /** The dispute's change with its event and the provider event behind it; STALE if it moved meanwhile. */
    TransitionOutcome recordDispute(DisputeChange change, InboxEntry inbox);
}
