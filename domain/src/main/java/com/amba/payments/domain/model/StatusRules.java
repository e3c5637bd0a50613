package com.amba.payments.domain.model;

import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;

/**
 * When a provider event may move a payment. A final status stays final; older news never overwrites newer;
 * when the event cannot tell which came first, the provider is asked where the intent stands now.
 */
public final class StatusRules {

    private StatusRules() {
    }

    /** What to do with an event about a payment the ledger holds. */
    public sealed interface Verdict {
        record Move(PaymentStatus to) implements Verdict {}

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
        if (payment.status() == event.status()) {
            return new Verdict.Keep(EventDisposition.ALREADY_THERE);
        }
        if (event.created().isAfter(payment.statusAsOf())) {
            return new Verdict.Move(event.status());
        }
        return new Verdict.AskProvider();
    }

    /** After asking the provider: its current word decides, unless the ledger is already final. */
    public static Verdict judgeProviderAnswer(Payment payment, ProviderIntent current) {
        if (!current.amount().equals(payment.amount())) {
            return new Verdict.Keep(EventDisposition.MISMATCH);
        }
        if (payment.status().isTerminal()) {
            return new Verdict.Keep(payment.status() == current.status()
                    ? EventDisposition.ALREADY_THERE : EventDisposition.IGNORED_FINAL);
        }
        if (payment.status() == current.status()) {
            return new Verdict.Keep(EventDisposition.IGNORED_OLDER);
        }
        return new Verdict.Move(current.status());
    }
}
