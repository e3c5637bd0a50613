package com.amba.payments.domain.testing;

import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.StatusChange;
import com.amba.payments.domain.model.Transition;
import java.time.Instant;
import java.util.Optional;

/** Test data in domain words: payments, the changes that move them, and the provider events behind those. */
public final class Payments {

    private Payments() {
    }

    public static PaymentBuilder aPayment() {
        return new PaymentBuilder();
    }

    public static PaymentEvent createdEvent(Payment payment) {
        return PaymentEvent.created(TestIds.outgoingEventId(), payment, payment.createdAt());
    }

    /** {@code payment} moved to {@code to} at {@code at}, with the event downstream services are told. */
    public static StatusChange change(Payment payment, PaymentStatus to, Instant at, String cause) {
        Payment after = payment.movedTo(to, at, at);
        return new StatusChange(payment, after,
                PaymentEvent.statusChanged(TestIds.outgoingEventId(), after, payment.status(), at), cause);
    }

    /** A status change caused by provider event {@code eventId}, recorded together with its inbox entry. */
    public static Transition moveByEvent(Payment payment, PaymentStatus to, Instant at, ProviderEventId eventId) {
        return Transition.of(change(payment, to, at, eventId.value()),
                new InboxEntry(eventId, Optional.of(payment.id()), EventDisposition.APPLIED,
                        payment.status() + " -> " + to, at));
    }

    public static InboxEntry decided(ProviderEventId eventId, Payment payment, EventDisposition disposition,
                                     Instant at) {
        return new InboxEntry(eventId, Optional.of(payment.id()), disposition, "decided in a test", at);
    }

    /** What the provider would say about {@code payment} moving to {@code status} at {@code created}. */
    public static PaymentIntentChanged intentChanged(Payment payment, PaymentStatus status, Instant created) {
        return new PaymentIntentChanged(TestIds.eventId(), created, payment.id(), Optional.of(payment.account()),
                status, payment.amount().minor(), payment.amount().currency().code());
    }
}
