package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Optional;

/** One provider event the ledger has decided on; its id is never decided on twice. */
public record InboxEntry(ProviderEventId eventId, Optional<PaymentId> paymentId, EventDisposition disposition,
                         String note, Instant decidedAt) {
}
