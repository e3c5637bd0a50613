package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.port.in.ApplyProviderEvent;
import com.amba.payments.domain.port.in.EventReceipt;

/** The consumer's one use case: each kind of provider event goes to the room that owns it. */
public final class ProviderEventRouter implements ApplyProviderEvent {

    private final ProviderEventsService payments;
    private final RefundEventsService refunds;
    private final DisputeEventsService disputes;

    public ProviderEventRouter(ProviderEventsService payments, RefundEventsService refunds,
                               DisputeEventsService disputes) {
        this.payments = payments;
        this.refunds = refunds;
        this.disputes = disputes;
    }

    @Override
    public EventReceipt apply(ProviderEvent event) {
        return switch (event) {
            case ProviderEvent.PaymentIntentChanged intent -> payments.apply(intent);
            case ProviderEvent.AccountChanged account -> payments.apply(account);
            case ProviderEvent.RefundChanged refund -> refunds.apply(refund);
            case ProviderEvent.DisputeChanged dispute -> disputes.apply(dispute);
        };
    }
}
