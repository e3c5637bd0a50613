package com.amba.payments.domain.service;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.StatusRules;
import com.amba.payments.domain.model.StatusChange;
import com.amba.payments.domain.model.SweepPosition;
import com.amba.payments.domain.model.StatusRules.Verdict;
import com.amba.payments.domain.model.Transition;
import com.amba.payments.domain.model.TransitionOutcome;
import com.amba.payments.domain.port.in.ReconcilePayments;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * A lost webhook must not strand a payment: payments that are not final and have not changed for
 * {@code quietFor} are re-read from the provider, and parked events are tried again.
 */
public final class ReconcilerService implements ReconcilePayments {

    private static final System.Logger LOG = System.getLogger(ReconcilerService.class.getName());
    private static final int BATCH = 100;
    static final String CAUSE = "reconciler: provider re-read";

    private final Ledger ledger;
    private final PaymentProvider provider;
    private final ProviderEventsService events;
    private final InstantSource clock;
    private final Duration quietFor;
    private Optional<SweepPosition> position = Optional.empty();
    private Optional<ProviderEventId> parkedPosition = Optional.empty();

    public ReconcilerService(Ledger ledger, PaymentProvider provider, ProviderEventsService events,
                             InstantSource clock, Duration quietFor) {
        this.ledger = ledger;
        this.provider = provider;
        this.events = events;
        this.clock = clock;
        this.quietFor = quietFor;
    }

    /** One batch of the sweep; the next call goes on after it, and starts over once the sweep is through. */
    @Override
    public synchronized int reconcileOnce() {
        List<PaymentIntentChanged> parked = ledger.parked(parkedPosition, BATCH);
        for (PaymentIntentChanged event : parked) {
            events.apply(event);
        }
        parkedPosition = parked.size() < BATCH ? Optional.empty() : Optional.of(parked.getLast().id());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int moved = 0;
        List<Payment> batch = ledger.unsettledSince(now.minus(quietFor), position, BATCH);
        for (Payment payment : batch) {
            if (reconcile(payment, now)) {
                moved++;
            }
        }
        position = batch.size() < BATCH ? Optional.empty() : Optional.of(SweepPosition.at(batch.getLast()));
        return moved;
    }

    private boolean reconcile(Payment payment, Instant now) {
        Result<ProviderIntent, ProviderFailure> answer = provider.retrieveIntent(payment.account(), payment.id());
        if (answer instanceof Result.Err<ProviderIntent, ProviderFailure> err) {
            LOG.log(Level.WARNING, "reconciler could not re-read {0}: {1}", payment.id(), err.error().detail());
            return false;
        }
        ProviderIntent current = answer.orElseThrow();
        Verdict verdict = StatusRules.judgeProviderAnswer(payment, current);
        Optional<StatusChange> change = events.changeFor(payment, verdict, CAUSE, now);
        if (change.isEmpty()) {
            return false;
        }
        try {
            TransitionOutcome outcome = ledger.record(Transition.withoutEvent(change.get()));
            return outcome == TransitionOutcome.RECORDED && change.get().movesStatus();
        } catch (StoreUnavailable e) {
            LOG.log(Level.WARNING, "reconciler could not record {0}: {1}", payment.id(), e.getMessage());
            return false;
        }
    }
}
