package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import java.time.Instant;

/** A provider event waiting for its payment; {@code sequence} keeps arrival order among equal times. */
record ParkedEvent(PaymentIntentChanged event, Instant receivedAt, long sequence) {
}
