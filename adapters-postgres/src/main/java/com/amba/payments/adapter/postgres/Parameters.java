package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.MoneyBackFacts;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.Description;
import com.amba.payments.domain.model.PaymentNotes;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Domain values as statement parameters, in the column order of {@link Sql}. */
final class Parameters {

    private Parameters() {
    }

    /** timestamptz travels as an OffsetDateTime; UTC keeps what is stored independent of the host's zone. */
    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Tuple payment(Payment payment) {
        return Tuple.of(payment.id().value(), payment.projectId().value(), payment.account().value(),
                payment.amount().minor(), payment.amount().currency().code(), payment.applicationFee(),
                reference(payment.clientReference()), payment.clientSecret().value(), payment.status().wireName(),
                at(payment.createdAt()), at(payment.updatedAt()), at(payment.statusAsOf()), payment.version(),
                metadata(payment.notes()), description(payment.notes()));
    }

    static Tuple history(Payment payment, Optional<PaymentStatus> from, String cause, Instant at) {
        return Tuple.of(payment.id().value(), from.map(PaymentStatus::wireName).orElse(null),
                payment.status().wireName(), cause, at(at));
    }

    static Tuple outbox(PaymentEvent event) {
        return Tuple.of(event.id(), event.type().name(), event.paymentId().value(), event.projectId().value(),
                event.status().wireName(), event.previousStatus().map(PaymentStatus::wireName).orElse(null),
                event.amount().minor(), event.amount().currency().code(), event.applicationFee(),
                reference(event.clientReference()), at(event.time()), metadata(event.notes()),
                description(event.notes()));
    }

    /** Sql.RECORD_CREATION: the payment, its created event, then the attempt (all null without one). */
    static Tuple creation(Optional<CreationAttempt> attempt, Payment payment, PaymentEvent created) {
        Tuple parameters = payment(payment);
        Tuple event = outbox(created);
        for (int i = 0; i < event.size(); i++) {
            parameters.addValue(event.getValue(i));
        }
        parameters.addValue(attempt.map(a -> a.projectId().value()).orElse(null));
        parameters.addValue(attempt.map(a -> a.reference().value()).orElse(null));
        parameters.addValue(attempt.map(a -> a.fingerprint().value()).orElse(null));
        parameters.addValue(attempt.map(a -> a.idempotencyKey().value()).orElse(null));
        return parameters;
    }

    /** A refund or dispute event: the payment's columns, then what it says beyond the payment. */
    static Tuple moneyBackOutbox(PaymentEvent event) {
        MoneyBackFacts facts = event.moneyBack().orElseThrow(
                () -> new IllegalArgumentException("not a refund or dispute event: " + event.type()));
        return outbox(event).addValue(facts.refundId().map(RefundId::value).orElse(null)).addValue(facts.status())
                .addValue(facts.previousStatus().orElse(null)).addValue(facts.amount().minor())
                .addValue(facts.reason().orElse(null));
    }

    static Integer fee(Optional<BasisPoints> fee) {
        return fee.map(BasisPoints::value).orElse(null);
    }

    /** A jsonb parameter travels as a JsonObject (a String would be stored as a JSON string). */
    private static JsonObject metadata(PaymentNotes notes) {
        JsonObject metadata = new JsonObject();
        notes.metadata().entries().forEach(metadata::put);
        return metadata;
    }

    private static String description(PaymentNotes notes) {
        return notes.description().map(Description::value).orElse(null);
    }

    private static String reference(Optional<ClientReference> reference) {
        return reference.map(ClientReference::value).orElse(null);
    }
}
