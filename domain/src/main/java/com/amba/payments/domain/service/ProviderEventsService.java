package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.model.ProviderEvent.AccountChanged;
import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.StatusChange;
import com.amba.payments.domain.model.StatusRules;
import com.amba.payments.domain.model.StatusRules.Verdict;
import com.amba.payments.domain.model.Transition;
import com.amba.payments.domain.model.TransitionOutcome;
import com.amba.payments.domain.port.in.ApplyProviderEvent;
import com.amba.payments.domain.port.in.EventReceipt;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.IdSource;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Applies provider events to the ledger with exactly-once effect: each event id is decided on once, a final
 * status stays final, older news never overwrites newer, and an event that beat its payment is parked.
 */
public final class ProviderEventsService implements ApplyProviderEvent {

    private static final System.Logger LOG = System.getLogger(ProviderEventsService.class.getName());
    private static final int MOST_ATTEMPTS_WHEN_RACED = 5;

    private final Ledger ledger;
    private final ControlPlane controlPlane;
    private final PaymentProvider provider;
    private final IdSource ids;
    private final InstantSource clock;

    public ProviderEventsService(Ledger ledger, ControlPlane controlPlane, PaymentProvider provider, IdSource ids,
                                 InstantSource clock) {
        this.ledger = ledger;
        this.controlPlane = controlPlane;
        this.provider = provider;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public EventReceipt apply(ProviderEvent event) {
        if (ledger.hasDecided(event.id())) {
            return new EventReceipt.Duplicate();
        }
        return switch (event) {
            case AccountChanged account -> applyAccount(account);
            case PaymentIntentChanged intent -> applyIntent(intent);
            case ProviderEvent.RefundChanged refund -> throw new IllegalArgumentException(
                    "refund events belong to RefundEventsService (see ProviderEventRouter)");
            case ProviderEvent.DisputeChanged dispute -> throw new IllegalArgumentException(
                    "dispute events belong to DisputeEventsService (see ProviderEventRouter)");
        };
    }

    /** Applies the events that arrived before this payment's ledger row existed. */
    public void applyParked(PaymentId paymentId) {
        for (PaymentIntentChanged event : ledger.parkedFor(paymentId)) {
            apply(event);
        }
    }

    /**
     * account.updated events come in any order and carry no version, so a late one could undo a newer one: the
     * event only says "look again", and the provider's current answer decides.
     */
    private EventReceipt applyAccount(AccountChanged event) {
        boolean chargesEnabled = chargesEnabledNow(event);
        Optional<ProjectId> project = controlPlane.setChargesEnabled(event.account(), chargesEnabled);
        InboxEntry entry = new InboxEntry(event.id(), Optional.empty(), EventDisposition.ACCOUNT_UPDATED,
                event.account() + " charges_enabled=" + chargesEnabled, now());
        TransitionOutcome outcome = ledger.record(Transition.onlyInbox(entry));
        if (outcome == TransitionOutcome.DUPLICATE_EVENT) {
            return new EventReceipt.Duplicate();
        }
        return project.isPresent() ? new EventReceipt.Decided(EventDisposition.ACCOUNT_UPDATED)
                : new EventReceipt.UnknownAccount();
    }

    private boolean chargesEnabledNow(AccountChanged event) {
        return switch (provider.retrieveAccount(event.account())) {
            case Result.Ok<ConnectedAccount, ProviderFailure> current -> current.value().chargesEnabled();
            // The platform can no longer reach the account (disconnected): it cannot be charged through Amba.
            case Result.Err<ConnectedAccount, ProviderFailure> gone when gone.error() instanceof ProviderFailure.NotFound -> false;
            case Result.Err<ConnectedAccount, ProviderFailure> failed -> throw new StoreUnavailable(
                    "could not re-read " + event.account() + " from the provider: " + failed.error().detail());
        };
    }

    private EventReceipt applyIntent(PaymentIntentChanged event) {
        Optional<Payment> payment = ledger.find(event.paymentId());
        if (payment.isEmpty()) {
            ledger.park(event, now());
            // Look again: a create that recorded its payment meanwhile may have missed the parked event.
            payment = ledger.find(event.paymentId());
            if (payment.isEmpty()) {
                return new EventReceipt.Parked();
            }
        }
        for (int attempt = 0; attempt < MOST_ATTEMPTS_WHEN_RACED; attempt++) {
            Payment current = payment.orElseThrow();
            Verdict verdict = StatusRules.judge(current, event);
            if (verdict instanceof Verdict.AskProvider) {
                verdict = StatusRules.judgeProviderAnswer(current, askProvider(current));
            }
            TransitionOutcome outcome = ledger.record(transitionFor(current, event, verdict));
            switch (outcome) {
                case RECORDED -> {
                    ledger.unpark(event.id());
                    EventDisposition disposition = dispositionOf(verdict);
                    if (disposition == EventDisposition.MISMATCH) {
                        LOG.log(Level.WARNING, "provider event {0} disagrees with the ledger about payment {1}:"
                                + " event says {2} {3}, ledger holds {4}; not applied", event.id(),
                                current.id(), event.amount(), event.currency(), current.amount());
                    }
                    return new EventReceipt.Decided(disposition);
                }
                case DUPLICATE_EVENT -> {
                    ledger.unpark(event.id());
                    return new EventReceipt.Duplicate();
                }
                case STALE -> payment = ledger.find(event.paymentId());
            }
        }
        throw new StoreUnavailable("payment " + event.paymentId() + " kept changing while event " + event.id()
                + " was applied; deliver it again");
    }

    private ProviderIntent askProvider(Payment payment) {
        Result<ProviderIntent, ProviderFailure> answer = provider.retrieveIntent(payment.account(), payment.id());
        return switch (answer) {
            case Result.Ok<ProviderIntent, ProviderFailure> ok -> ok.value();
            case Result.Err<ProviderIntent, ProviderFailure> err -> throw new StoreUnavailable(
                    "could not re-read " + payment.id() + " from the provider: " + err.error().detail());
        };
    }

    private Transition transitionFor(Payment current, PaymentIntentChanged event, Verdict verdict) {
        Instant now = now();
        EventDisposition disposition = dispositionOf(verdict);
        InboxEntry entry = new InboxEntry(event.id(), Optional.of(current.id()), disposition,
                noteFor(current, event, verdict), now);
        return changeFor(current, verdict, event.id().value(), now)
                .map(change -> Transition.of(change, entry))
                .orElseGet(() -> Transition.onlyInbox(entry));
    }

    /**
     * What a verdict changes in the ledger: a move (with its history row and outgoing event), a confirmation of
     * the status as of a later time, or nothing. Every ledger change of a payment's status is made here, so each
     * one carries its event for downstream services, whose previous status is the ledger's previous status.
     */
    Optional<StatusChange> changeFor(Payment current, Verdict verdict, String cause, Instant now) {
        return switch (verdict) {
            case Verdict.Move move -> {
                Payment after = current.movedTo(move.to(), move.asOf(), now);
                PaymentEvent outgoing = PaymentEvent.statusChanged(ids.newEventId(), after, current.status(), now);
                yield Optional.of(new StatusChange(current, after, outgoing, cause));
            }
            case Verdict.Confirm confirm -> Optional.of(
                    StatusChange.confirmation(current, current.confirmedAsOf(confirm.asOf()), cause));
            case Verdict.Keep keep -> Optional.empty();
            case Verdict.AskProvider ask -> throw new IllegalStateException("the provider has been asked already");
        };
    }

    private static EventDisposition dispositionOf(Verdict verdict) {
        return switch (verdict) {
            case Verdict.Move move -> EventDisposition.APPLIED;
            case Verdict.Confirm confirm -> confirm.because();
            case Verdict.Keep keep -> keep.because();
            case Verdict.AskProvider ask -> throw new IllegalStateException("the provider has been asked already");
        };
    }

    private static String noteFor(Payment current, PaymentIntentChanged event, Verdict verdict) {
        return switch (verdict) {
            case Verdict.Move move -> current.status() + " -> " + move.to();
            case Verdict.Confirm confirm -> "kept " + current.status() + ", as of " + confirm.asOf()
                    + "; event said " + event.status();
            case Verdict.Keep keep when keep.because() == EventDisposition.MISMATCH ->
                    "event says " + event.amount() + " " + event.currency() + ", ledger holds " + current.amount();
            case Verdict.Keep keep -> "kept " + current.status() + "; event said " + event.status();
            case Verdict.AskProvider ask -> "asked the provider";
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
