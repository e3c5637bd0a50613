package com.amba.payments.adapter.kafka;

/** A record on the provider-events topic that is not a provider event this version of Amba can read. */
final class UndecodableEvent extends IllegalArgumentException {

    UndecodableEvent(String message) {
        super(message);
    }
}
