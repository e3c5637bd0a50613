package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.ProviderEvent;

/**
 * The consumer's step: decide on one provider event and record the decision. Safe to repeat.
 * Throws {@link com.amba.payments.domain.port.out.StoreUnavailable} when the ledger or the provider could not
 * be reached; the event is then to be delivered again.
 */
public interface ApplyProviderEvent {

    EventReceipt apply(ProviderEvent event);
}
