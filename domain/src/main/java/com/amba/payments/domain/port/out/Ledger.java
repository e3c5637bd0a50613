package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.CreationClaim;
import com.amba.payments.domain.model.IdempotencyClaim;
import com.amba.payments.domain.model.IdempotentRequest;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentPage;
import com.amba.payments.domain.model.PaymentQuery;
import com.amba.payments.domain.model.RecordedCreation;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.Report;
import com.amba.payments.domain.model.StatusHistoryEntry;
import com.amba.payments.domain.model.SweepPosition;
import com.amba.payments.domain.model.Transition;
import com.amba.payments.domain.model.TransitionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Amba's own record of every payment: the system of record the client API reads. Every method may throw
 * {@link StoreUnavailable}; then nothing was changed.
 */
public interface Ledger {

    Optional<Payment> find(PaymentId id);

    /**
     * Binds a client reference to a request before the provider is called. The same request while another
     * holder's lease is live is {@link CreationClaim.InFlight}; once the lease has run out (the holder crashed),
     * the next caller takes the attempt over with the same idempotency key.
     */
    CreationClaim claimCreation(CreationAttempt attempt, Instant now, Duration lease);

    /**
     * Binds a claimed attempt to a payment that exists already: the second binding of one create (an
     * Idempotency-Key sent beside a client reference, whose own attempt recorded the payment).
     */
    void completeCreation(CreationAttempt attempt, PaymentId payment);

    /** The create failed before a payment existed: the reference binds nothing (the key is kept for reuse). */
    void releaseCreation(CreationAttempt attempt);

    /**
     * Binds an {@code Idempotency-Key} of a create other than a payment's (a refund with a client reference, the
     * Admin API's creates) before it creates, as {@link #claimCreation} binds a reference: kept for good once
     * completed; a holder whose lease ran out, or who released the key, is taken over.
     */
    IdempotencyClaim claimKey(IdempotentRequest request, Instant now, Duration lease);

    /** The claimed key's create made {@code resourceId}: the same request answers it from now on. */
    void completeKey(IdempotentRequest request, String resourceId);

    /** The claimed key's create failed: the key binds nothing and may be used again. */
    void releaseKey(IdempotentRequest request);

    /**
     * Records a new payment with its first history row and its {@code created} event, and completes the
     * attempt if there is one, in one step. If a payment with this id already exists (a retry reached the
     * same provider intent) the existing one is returned and nothing else is written.
     */
    Payment recordCreation(Optional<CreationAttempt> attempt, Payment payment, PaymentEvent created);

    /**
     * {@link #recordCreation}, also telling whether events for the payment are parked, so that the create looks
     * for them only when there are some. Only the recording may throw {@link StoreUnavailable}: once the payment
     * is recorded, a look for parked events that fails answers "maybe" ({@code true}). A store that can do both in
     * one round trip overrides this.
     */
    default RecordedCreation recordCreationAndCheckParked(Optional<CreationAttempt> attempt, Payment payment,
                                                          PaymentEvent created) {
        Payment stored = recordCreation(attempt, payment, created);
        boolean parked;
        try {
            parked = !parkedFor(stored.id()).isEmpty();
        } catch (StoreUnavailable e) {
            parked = true;
        }
        return new RecordedCreation(stored, parked);
    }

    /** The atomic step: status change + history + outbox event + inbox entry, or nothing. */
    TransitionOutcome record(Transition transition);

    boolean hasDecided(ProviderEventId eventId);

    /** Keeps an event that arrived before its payment; parking the same event twice keeps it once. */
    void park(PaymentIntentChanged event, Instant receivedAt);

    List<PaymentIntentChanged> parkedFor(PaymentId paymentId);

    /**
     * Parked events whatever their payment, in event-id order, starting after {@code after} when given: the
     * sweep that retries them pages through all of them, so events that never find their payment cannot
     * crowd out the others.
     */
    List<PaymentIntentChanged> parked(Optional<ProviderEventId> after, int limit);

    /** Forgets a parked event once it has been decided on. */
    void unpark(ProviderEventId eventId);

    /**
     * Non-final payments whose ledger row has not changed since {@code before}, in (last change, id) order,
     * starting after {@code after} when given.
     */
    List<Payment> unsettledSince(Instant before, Optional<SweepPosition> after, int limit);

    List<StatusHistoryEntry> history(PaymentId paymentId);

    PaymentPage list(ProjectId projectId, PaymentQuery query);

    Report report();
}
