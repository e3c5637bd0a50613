package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.PaymentEvent;

/** Downstream services' feed of ledger changes. Publishing returns once the event is durably accepted. */
public interface PaymentEvents {

    /** @throws StoreUnavailable when the event could not be handed over; the relay tries again. */
    void publish(PaymentEvent event);
}
