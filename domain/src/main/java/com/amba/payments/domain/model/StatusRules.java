package com.amba.payments.domain.model;

import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import java.time.Instant;

/**
 * When a provider event may move a payment. A final status stays final; older news never overwrites newer;
 * when the event cannot tell which came first, the provider is asked where the intent stands now.
 *
 * <p>"Newer" is measured against {@code statusAsOf}, the provider's time of the newest fact behind the ledger's
 * status: an event's {@code created}, or the moment a re-read of the provider was answered. An event is newer
 * only if its {@code created} second is strictly after it; a same-second tie or an older event is decided by a
 * re-read, whose answer is as of the moment it was read. A fact that confirms the status the ledger holds
 * still moves {@code statusAsOf} forward, so an event from before it cannot undo it later.
 */
public final class StatusRules {

    private StatusRules() {
    }

    /** What to do with an event about a payment the ledger holds. */
    public sealed interface Verdict {
        /** Move to {@code to}, known as of {@code asOf}. */
        record Move(PaymentStatus to, Instant asOf) implements Verdict {}

        /** The status stays, now known as of {@code asOf} (later than the ledger knew it). */
        record Confirm(Instant asOf, EventDisposition because) implements Verdict {}

        record Keep(EventDisposition because) implements Verdict {}

        record AskProvider() implements Verdict {}
    }

    public static Verdict judge(Payment payment, PaymentIntentChanged event) {
        if (!event.agreesWith(payment.amount())) {
            return new Verdict.Keep(EventDisposition.MISMATCH);
        }
        if (payment.status().isTerminal()) {
            return new Verdict.Keep(payment.status() == event.status()
                    ? EventDisposition.ALREADY_THERE : EventDisposition.IGNORED_FINAL);
        }
        boolean newer = event.created().isAfter(payment.statusAsOf());
        if (payment.status() == event.status()) {
            return newer ? new Verdict.Confirm(event.created(), EventDisposition.ALREADY_THERE)
                    : new Verdict.Keep(EventDisposition.ALREADY_THERE);
        }
        return newer ? new Verdict.Move(event.status(), event.created()) : new Verdict.AskProvider();
    }

    /**
     * After asking the provider: its current word decides, unless the ledger is already final. The answer is
     * newer than anything the ledger held when it was asked (the ledger's facts had happened before), and the
     * ledger's version check turns away a record if the payment moved in between.
     */
    public static Verdict judgeProviderAnswer(Payment payment, ProviderIntent current) {
        if (!current.amount().equals(payment.amount())) {
            return new Verdict.Keep(EventDisposition.MISMATCH);
        }
        if (payment.status().isTerminal()) {
            return new Verdict.Keep(payment.status() == current.status()
                    ? EventDisposition.ALREADY_THERE : EventDisposition.IGNORED_FINAL);
        }
        if (payment.status() == current.status()) {
            return current.asOf().isAfter(payment.statusAsOf())
                    ? new Verdict.Confirm(current.asOf(), EventDisposition.IGNORED_OLDER)
                    : new Verdict.Keep(EventDisposition.IGNORED_OLDER);
        }
        return new Verdict.Move(current.status(), current.asOf());
    }
}
