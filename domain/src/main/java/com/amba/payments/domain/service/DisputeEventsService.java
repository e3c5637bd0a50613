package com.amba.payments.domain.service;

import com.amba.payments.domain.model.Dispute;
import com.amba.payments.domain.model.DisputeChange;
import com.amba.payments.domain.model.DisputeRules;
import com.amba.payments.domain.model.DisputeStatus;
import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.MoneyBackFacts;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.ProviderEvent.DisputeChanged;
import com.amba.payments.domain.model.Transition;
import com.amba.payments.domain.model.TransitionOutcome;
import com.amba.payments.domain.port.in.EventReceipt;
import com.amba.payments.domain.port.out.IdSource;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Records charge.dispute.* on the payment as {@code dispute_status} and publishes the change (SPEC §11). Each
 * event id is decided on once; won and lost are final; an older event never overwrites a newer one.
 */
public final class DisputeEventsService {

    private static final int MOST_ATTEMPTS_WHEN_RACED = 5;

    private final Ledger ledger;
    private final RefundLedger refunds;
    private final IdSource ids;
    private final InstantSource clock;

    public DisputeEventsService(Ledger ledger, RefundLedger refunds, IdSource ids, InstantSource clock) {
        this.ledger = ledger;
        this.refunds = refunds;
        this.ids = ids;
        this.clock = clock;
    }

    public EventReceipt apply(DisputeChanged event) {
        if (ledger.hasDecided(event.id())) {
            return new EventReceipt.Duplicate();
        }
        Optional<Payment> found = ledger.find(event.paymentId());
        if (found.isEmpty()) {
            // A dispute needs a charge, and a charge needs the payment Amba recorded: this is not Amba's payment.
            InboxEntry entry = new InboxEntry(event.id(), Optional.empty(), EventDisposition.IGNORED_OLDER,
                    "dispute on " + event.paymentId() + ", which the ledger does not hold", now());
            return outcomeOf(ledger.record(Transition.onlyInbox(entry)), EventDisposition.IGNORED_OLDER);
        }
        Payment payment = found.get();
        for (int attempt = 0; attempt < MOST_ATTEMPTS_WHEN_RACED; attempt++) {
            Optional<Dispute> current = refunds.dispute(payment.id());
            Optional<DisputeStatus> next = DisputeRules.judge(current, event);
            Instant now = now();
            if (next.isEmpty()) {
                InboxEntry entry = new InboxEntry(event.id(), Optional.of(payment.id()), EventDisposition.ALREADY_THERE,
                        "dispute kept " + current.map(Dispute::status).orElse(DisputeStatus.NONE) + "; event said "
                                + event.status(), now);
                return outcomeOf(ledger.record(Transition.onlyInbox(entry)), EventDisposition.ALREADY_THERE);
            }
            DisputeStatus previous = current.map(Dispute::status).orElse(DisputeStatus.NONE);
            Instant asOf = current.map(d -> d.statusAsOf().isAfter(event.created()) ? d.statusAsOf() : event.created())
                    .orElse(event.created());
            Dispute after = new Dispute(payment.id(), next.get(), new Money(event.amount(), payment.amount().currency()),
                    asOf, current.map(d -> d.version() + 1).orElse(0L));
            MoneyBackFacts facts = new MoneyBackFacts(Optional.empty(), next.get().wireName(),
                    Optional.of(previous.wireName()), after.amount(), event.reason());
            DisputeChange change = new DisputeChange(current, after,
                    PaymentEvent.disputeChanged(ids.newEventId(), payment, facts, now));
            InboxEntry entry = new InboxEntry(event.id(), Optional.of(payment.id()), EventDisposition.APPLIED,
                    "dispute " + previous + " -> " + next.get(), now);
            TransitionOutcome outcome = refunds.recordDispute(change, entry);
            if (outcome != TransitionOutcome.STALE) {
                return outcomeOf(outcome, EventDisposition.APPLIED);
            }
        }
        throw new StoreUnavailable("the dispute on " + event.paymentId() + " kept changing; deliver event "
                + event.id() + " again");
    }

    private static EventReceipt outcomeOf(TransitionOutcome outcome, EventDisposition disposition) {
        return outcome == TransitionOutcome.DUPLICATE_EVENT
                ? new EventReceipt.Duplicate() : new EventReceipt.Decided(disposition);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
