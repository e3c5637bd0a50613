package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A change of the ledger told to downstream services. Recorded with the change itself (the outbox) and
 * relayed at least once; consumers deduplicate on {@code id}. Carries no secret.
 */
public record PaymentEvent(String id, PaymentEventType type, PaymentId paymentId, ProjectId projectId,
                           PaymentStatus status, Optional<PaymentStatus> previousStatus, Money amount,
                           long applicationFee, Optional<ClientReference> clientReference, PaymentNotes notes,
                           Instant time, Optional<MoneyBackFacts> moneyBack) {

    public PaymentEvent {
        java.util.Objects.requireNonNull(notes);
    }

    /** A payment event: created or status changed, nothing given back. */
    public PaymentEvent(String id, PaymentEventType type, PaymentId paymentId, ProjectId projectId,
                        PaymentStatus status, Optional<PaymentStatus> previousStatus, Money amount,
                        long applicationFee, Optional<ClientReference> clientReference, PaymentNotes notes,
                        Instant time) {
        this(id, type, paymentId, projectId, status, previousStatus, amount, applicationFee, clientReference, notes,
                time, Optional.empty());
    }

    public static PaymentEvent created(String id, Payment payment, Instant time) {
        return new PaymentEvent(id, PaymentEventType.CREATED, payment.id(), payment.projectId(), payment.status(),
                Optional.empty(), payment.amount(), payment.applicationFee(), payment.clientReference(), payment.notes(), time);
    }

    /**
     * The event as a CloudEvents 1.0 structured-mode object (SPEC §7), as plain values (strings, longs, null,
     * nested maps) in a stable order, for adapters to write as JSON: projects' webhooks and their live stream.
     */
    public java.util.Map<String, Object> asCloudEvent() {
        java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
        if (moneyBack.isPresent()) {
            // SPEC §11: a refund's or dispute's own fields; refund_id is null for a dispute.
            MoneyBackFacts facts = moneyBack.get();
            data.put("refund_id", facts.refundId().map(RefundId::value).orElse(null));
            data.put("payment_id", paymentId.value());
            data.put("project_id", projectId.value());
            data.put("amount", facts.amount().minor());
            data.put("currency", facts.amount().currency().code());
            data.put("status", facts.status());
            data.put("previous_status", facts.previousStatus().orElse(null));
            data.put("reason", facts.reason().orElse(null));
        } else {
            data.put("payment_id", paymentId.value());
            data.put("project_id", projectId.value());
            data.put("status", status.wireName());
            data.put("previous_status", previousStatus.map(PaymentStatus::wireName).orElse(null));
            data.put("amount", amount.minor());
            data.put("currency", amount.currency().code());
            data.put("application_fee_amount", applicationFee);
            data.put("client_reference", clientReference.map(ClientReference::value).orElse(null));
            data.put("metadata", new java.util.LinkedHashMap<String, Object>(notes.metadata().entries()));
            data.put("description", notes.description().map(Description::value).orElse(null));
        }
        java.util.Map<String, Object> cloudEvent = new java.util.LinkedHashMap<>();
        cloudEvent.put("specversion", "1.0");
        cloudEvent.put("id", id);
        cloudEvent.put("source", "/projects/" + projectId.value());
        cloudEvent.put("type", type.wireName());
        cloudEvent.put("subject", paymentId.value());
        cloudEvent.put("time", java.time.format.DateTimeFormatter.ISO_INSTANT.format(time));
        cloudEvent.put("datacontenttype", "application/json");
        cloudEvent.put("data", data);
        return cloudEvent;
    }

    public static PaymentEvent statusChanged(String id, Payment after, PaymentStatus before, Instant time) {
        return new PaymentEvent(id, PaymentEventType.STATUS_CHANGED, after.id(), after.projectId(), after.status(),
                Optional.of(before), after.amount(), after.applicationFee(), after.clientReference(), after.notes(), time);
    }

    /** The same event, telling {@code facts} instead (the refund as the ledger recorded it). */
    public PaymentEvent withMoneyBack(MoneyBackFacts facts) {
        return new PaymentEvent(id, type, paymentId, projectId, status, previousStatus, amount, applicationFee,
                clientReference, notes, time, Optional.of(facts));
    }

    public static PaymentEvent refundCreated(String id, Payment payment, Refund refund, Instant time) {
        return about(id, PaymentEventType.REFUND_CREATED, payment, MoneyBackFacts.of(refund, Optional.empty()), time);
    }

    public static PaymentEvent refundStatusChanged(String id, Payment payment, Refund after, RefundStatus before,
                                                   Instant time) {
        return about(id, PaymentEventType.REFUND_STATUS_CHANGED, payment, MoneyBackFacts.of(after, Optional.of(before)),
                time);
    }

    public static PaymentEvent disputeChanged(String id, Payment payment, MoneyBackFacts dispute, Instant time) {
        return about(id, PaymentEventType.DISPUTE_CHANGED, payment, dispute, time);
    }

    private static PaymentEvent about(String id, PaymentEventType type, Payment payment, MoneyBackFacts facts,
                                      Instant time) {
        return new PaymentEvent(id, type, payment.id(), payment.projectId(), payment.status(), Optional.empty(),
                payment.amount(), payment.applicationFee(), payment.clientReference(), payment.notes(), time,
                Optional.of(facts));
    }
}
