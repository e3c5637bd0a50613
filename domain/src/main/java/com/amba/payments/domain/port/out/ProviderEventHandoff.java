package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.ProviderEvent;

/**
 * Where verified provider events go before the ledger applies them (Kafka in production, an in-process bus
 * in dev mode). Returns only once the event is durably handed over.
 */
public interface ProviderEventHandoff {

    /** @throws StoreUnavailable when the event could not be handed over; the webhook answers 503. */
    void handOff(ProviderEvent event);
}
