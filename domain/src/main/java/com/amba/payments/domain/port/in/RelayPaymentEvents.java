package com.amba.payments.domain.port.in;

/** Moves recorded outgoing events to downstream services, oldest first, at least once. */
public interface RelayPaymentEvents {

    /** One batch; answers how many were relayed. */
    int relayOnce();
}
