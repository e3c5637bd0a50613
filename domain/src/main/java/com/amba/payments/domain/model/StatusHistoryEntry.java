package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Optional;

/** One line of a payment's story: what moved it, from where, to where, when. */
public record StatusHistoryEntry(PaymentId paymentId, Optional<PaymentStatus> from, PaymentStatus to,
                                 String cause, Instant at) {
}
