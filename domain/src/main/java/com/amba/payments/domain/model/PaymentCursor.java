package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** A position in "newest first" order: creation time, then payment id, both descending. */
public record PaymentCursor(Instant createdAt, PaymentId paymentId) {

    public static final Comparator<Payment> NEWEST_FIRST = Comparator.comparing(Payment::createdAt)
            .thenComparing(p -> p.id().value()).reversed();

    public static PaymentCursor at(Payment payment) {
        return new PaymentCursor(payment.createdAt(), payment.id());
    }

    /** True when {@code payment} comes after this position in newest-first order. */
    public boolean isBefore(Payment payment) {
        int byTime = payment.createdAt().compareTo(createdAt);
        return byTime < 0 || (byTime == 0 && payment.id().value().compareTo(paymentId.value()) < 0);
    }

    public String encode() {
        return createdAt.toEpochMilli() * 1000 + createdAt.getNano() / 1000 % 1000 + "_" + paymentId.value();
    }

    public static Optional<PaymentCursor> decode(String text) {
        int split = text == null ? -1 : text.indexOf('_');
        if (split <= 0) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(text.substring(0, split));
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
            return PaymentId.parse(text.substring(split + 1)).map(id -> new PaymentCursor(at, id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
