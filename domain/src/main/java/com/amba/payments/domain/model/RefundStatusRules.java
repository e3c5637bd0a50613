package com.amba.payments.domain.model;

import com.amba.payments.domain.model.ProviderEvent.RefundChanged;

/**
 * When a provider event may move a refund, by the payment rules of {@link StatusRules}: a final status stays
 * final, older news never overwrites newer, and when the event cannot tell, the provider's current word decides.
 */
public final class RefundStatusRules {

    private RefundStatusRules() {
    }

    /** What to do with an event about a refund the ledger holds. */
    public sealed interface RefundVerdict {
        record Move(RefundStatus to) implements RefundVerdict {}

        record Keep(EventDisposition because) implements RefundVerdict {}

        record AskProvider() implements RefundVerdict {}
    }

    public static RefundVerdict judge(Refund refund, RefundChanged event) {
        if (!event.agreesWith(refund.amount())) {
            return new RefundVerdict.Keep(EventDisposition.MISMATCH);
        }
        if (refund.status().isFinal()) {
            return new RefundVerdict.Keep(refund.status() == event.status()
                    ? EventDisposition.ALREADY_THERE : EventDisposition.IGNORED_FINAL);
        }
        if (refund.status() == event.status()) {
            return new RefundVerdict.Keep(EventDisposition.ALREADY_THERE);
        }
        if (event.created().isAfter(refund.statusAsOf())) {
            return new RefundVerdict.Move(event.status());
        }
        return new RefundVerdict.AskProvider();
    }

    public static RefundVerdict judgeProviderAnswer(Refund refund, ProviderRefund current) {
        if (current.amount().minor() != refund.amount().minor()) {
            return new RefundVerdict.Keep(EventDisposition.MISMATCH);
        }
        if (refund.status().isFinal()) {
            return new RefundVerdict.Keep(refund.status() == current.status()
                    ? EventDisposition.ALREADY_THERE : EventDisposition.IGNORED_FINAL);
        }
        if (refund.status() == current.status()) {
            return new RefundVerdict.Keep(EventDisposition.IGNORED_OLDER);
        }
        return new RefundVerdict.Move(current.status());
    }
}
