package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A change of the ledger told to downstream services. Recorded with the change itself (the outbox) and
 * relayed at least once; consumers deduplicate on {@code id}. Carries no secret.
 */
public record PaymentEvent(String id, PaymentEventType type, PaymentId paymentId, ProjectId projectId,
                           PaymentStatus status, Optional<PaymentStatus> previousStatus, Money amount,
                           long applicationFee, Optional<ClientReference> clientReference, Instant time) {

    public static PaymentEvent created(String id, Payment payment, Instant time) {
        return new PaymentEvent(id, PaymentEventType.CREATED, payment.id(), payment.projectId(), payment.status(),
                Optional.empty(), payment.amount(), payment.applicationFee(), payment.clientReference(), time);
    }

    public static PaymentEvent statusChanged(String id, Payment after, PaymentStatus before, Instant time) {
        return new PaymentEvent(id, PaymentEventType.STATUS_CHANGED, after.id(), after.projectId(), after.status(),
                Optional.of(before), after.amount(), after.applicationFee(), after.clientReference(), time);
    }
}
