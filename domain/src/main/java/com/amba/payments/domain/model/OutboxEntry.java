package com.amba.payments.domain.model;

/** A recorded outgoing event waiting to be relayed; {@code position} orders the outbox. */
public record OutboxEntry(long position, PaymentEvent event) {
}
