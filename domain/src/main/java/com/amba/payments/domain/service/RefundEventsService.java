package com.amba.payments.domain.service;

import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.ProviderEvent.RefundChanged;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderRefund;
import com.amba.payments.domain.model.Refund;
import com.amba.payments.domain.model.RefundChange;
import com.amba.payments.domain.model.RefundStatusRules;
import com.amba.payments.domain.model.RefundStatusRules.RefundVerdict;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.TransitionOutcome;
import com.amba.payments.domain.model.Transition;
import com.amba.payments.domain.port.in.EventReceipt;
import com.amba.payments.domain.port.out.IdSource;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.ProviderRefunds;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Applies the provider's refund events with §6's guarantees: each event id is decided on once, a final refund
 * status stays final, older news never overwrites newer (the provider is asked when the event cannot tell), an
 * event that beat its payment is parked. A refund Amba asked for is found by its attempt id in the refund's
 * metadata; a refund made elsewhere (Stripe's dashboard) is recorded as it is, with no fee given back.
 */
public final class RefundEventsService {

    private static final System.Logger LOG = System.getLogger(RefundEventsService.class.getName());
    private static final int MOST_ATTEMPTS_WHEN_RACED = 5;
    static final String OUTSIDE_ATTEMPT_PREFIX = "outside_";
    static final int PARKED_PAGE = 100;

    private final Ledger ledger;
    private final RefundLedger refunds;
    private final ProviderRefunds provider;
    private final IdSource ids;
    private final InstantSource clock;
    private Optional<ProviderEventId> parkedPosition = Optional.empty();

    public RefundEventsService(Ledger ledger, RefundLedger refunds, ProviderRefunds provider, IdSource ids,
                               InstantSource clock) {
        this.ledger = ledger;
        this.refunds = refunds;
        this.provider = provider;
        this.ids = ids;
        this.clock = clock;
    }

    public EventReceipt apply(RefundChanged event) {
        if (ledger.hasDecided(event.id())) {
            return new EventReceipt.Duplicate();
        }
        Optional<Payment> payment = ledger.find(event.paymentId());
        if (payment.isEmpty()) {
            refunds.park(event, now());
            payment = ledger.find(event.paymentId());
            if (payment.isEmpty()) {
                return new EventReceipt.Parked();
            }
        }
        for (int attempt = 0; attempt < MOST_ATTEMPTS_WHEN_RACED; attempt++) {
            Optional<Refund> known = refunds.findRefund(event.refundId());
            Optional<EventReceipt> receipt = known.isPresent()
                    ? judge(payment.get(), known.get(), event)
                    : Optional.of(recordNew(payment.get(), event));
            if (receipt.isPresent()) {
                refunds.unparkRefund(event.id());
                return receipt.get();
            }
        }
        throw new StoreUnavailable("refund " + event.refundId() + " kept changing while event " + event.id()
                + " was applied; deliver it again");
    }

    /**
     * One page of the parked refund events: those whose payment has appeared meanwhile are applied, the others stay
     * parked; the next call goes on after this page, and starts over once the sweep is through.
     */
    public synchronized int applyParked() {
        int applied = 0;
        List<RefundChanged> parked = refunds.parkedRefunds(parkedPosition, PARKED_PAGE);
        for (RefundChanged event : parked) {
            if (!(apply(event) instanceof EventReceipt.Parked)) {
                applied++;
            }
        }
        parkedPosition = parked.size() < PARKED_PAGE ? Optional.empty() : Optional.of(parked.getLast().id());
        return applied;
    }

    /** Amba's own attempt (its reservation takes the provider's id) or a refund made outside Amba. */
    private EventReceipt recordNew(Payment payment, RefundChanged event) {
        if (!payment.amount().currency().code().equals(event.currency())) {
            return decideOnly(event, payment, EventDisposition.MISMATCH, "refund event says " + event.amount() + " "
                    + event.currency() + ", payment holds " + payment.amount());
        }
        Instant now = now();
        String attemptId = event.attemptId().filter(refunds::isReserving)
                .orElse(OUTSIDE_ATTEMPT_PREFIX + event.refundId().value());
        Refund refund = new Refund(event.refundId(), payment.id(), payment.projectId(),
                new Money(event.amount(), payment.amount().currency()), 0, event.reason(), Optional.empty(),
                event.status(), now, now, event.created(), 0);
        InboxEntry entry = new InboxEntry(event.id(), Optional.of(payment.id()), EventDisposition.APPLIED,
                "refund " + event.refundId() + " recorded as " + event.status(), now);
        Refund recorded = refunds.recordRefund(attemptId, refund,
                PaymentEvent.refundCreated(ids.newEventId(), payment, refund, now), Optional.of(entry));
        if (attemptId.startsWith(OUTSIDE_ATTEMPT_PREFIX)) {
            LOG.log(Level.INFO, "refund {0} of {1} on payment {2} was made outside Amba; recorded",
                    recorded.id(), recorded.amount(), payment.id());
        }
        return new EventReceipt.Decided(EventDisposition.APPLIED);
    }

    /** Empty when the refund moved meanwhile: decide again. */
    private Optional<EventReceipt> judge(Payment payment, Refund refund, RefundChanged event) {
        RefundVerdict verdict = RefundStatusRules.judge(refund, event);
        if (verdict instanceof RefundVerdict.AskProvider) {
            verdict = RefundStatusRules.judgeProviderAnswer(refund, askProvider(payment, refund));
        }
        Instant now = now();
        return switch (verdict) {
            case RefundVerdict.Move move -> {
                Refund after = refund.movedTo(move.to(), event.created(), now);
                RefundChange change = new RefundChange(refund, after,
                        PaymentEvent.refundStatusChanged(ids.newEventId(), payment, after, refund.status(), now),
                        event.id().value());
                InboxEntry entry = new InboxEntry(event.id(), Optional.of(payment.id()), EventDisposition.APPLIED,
                        "refund " + refund.id() + " " + refund.status() + " -> " + move.to(), now);
                TransitionOutcome outcome = refunds.move(change, entry);
                yield switch (outcome) {
                    case RECORDED -> Optional.of(new EventReceipt.Decided(EventDisposition.APPLIED));
                    case DUPLICATE_EVENT -> Optional.of(new EventReceipt.Duplicate());
                    case STALE -> Optional.empty();
                };
            }
            case RefundVerdict.Keep keep -> Optional.of(decideOnly(event, payment, keep.because(),
                    "refund " + refund.id() + " kept " + refund.status() + "; event said " + event.status()));
            case RefundVerdict.AskProvider ask -> throw new IllegalStateException("the provider has been asked already");
        };
    }

    private EventReceipt decideOnly(RefundChanged event, Payment payment, EventDisposition disposition, String note) {
        if (disposition == EventDisposition.MISMATCH) {
            LOG.log(Level.WARNING, "refund event {0} disagrees with the ledger about payment {1}: {2}; not applied",
                    event.id(), payment.id(), note);
        }
        InboxEntry entry = new InboxEntry(event.id(), Optional.of(payment.id()), disposition, note, now());
        TransitionOutcome outcome = ledger.record(Transition.onlyInbox(entry));
        return outcome == TransitionOutcome.DUPLICATE_EVENT
                ? new EventReceipt.Duplicate() : new EventReceipt.Decided(disposition);
    }

    private ProviderRefund askProvider(Payment payment, Refund refund) {
        Result<ProviderRefund, ProviderFailure> answer = provider.retrieveRefund(payment.account(), refund.id());
        return switch (answer) {
            case Result.Ok<ProviderRefund, ProviderFailure> ok -> ok.value();
            case Result.Err<ProviderRefund, ProviderFailure> err -> throw new StoreUnavailable(
                    "could not re-read refund " + refund.id() + " from the provider: " + err.error().detail());
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
