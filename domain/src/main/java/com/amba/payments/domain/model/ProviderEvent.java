package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Optional;

/** A verified fact from the payment provider, in Amba's words. No provider library type crosses a port. */
public sealed interface ProviderEvent {

    ProviderEventId id();

    /** The provider's clock, to the second, when the fact happened. */
    Instant created();

    /**
     * A PaymentIntent moved. {@code status} is what the event says the intent is now
     * ({@code payment_failed} already mapped to requires_payment_method). Amount and currency are
     * kept raw so a disagreement with the ledger can be seen and reported.
     */
    record PaymentIntentChanged(ProviderEventId id, Instant created, PaymentId paymentId,
                                Optional<ConnectedAccountId> account, PaymentStatus status, long amount,
                                String currency) implements ProviderEvent {

        public boolean agreesWith(Money recorded) {
            return recorded.minor() == amount && recorded.currency().code().equals(currency);
        }
    }

    /** A connected account changed; {@code chargesEnabled} decides whether its project is ready. */
    record AccountChanged(ProviderEventId id, Instant created, ConnectedAccountId account, boolean chargesEnabled)
            implements ProviderEvent {
    }

    /**
     * A Refund moved (refund.created/updated/failed, or one of charge.refunded's refunds). {@code attemptId} is
     * Amba's id of the request that made it, from the refund's metadata; absent for a refund made outside Amba.
     */
    record RefundChanged(ProviderEventId id, Instant created, RefundId refundId, PaymentId paymentId,
                         Optional<ConnectedAccountId> account, RefundStatus status, long amount, String currency,
                         Optional<RefundReason> reason, Optional<String> attemptId) implements ProviderEvent {

        public boolean agreesWith(Money recorded) {
            return recorded.minor() == amount && recorded.currency().code().equals(currency);
        }
    }

    /** A payment's dispute moved (charge.dispute.created/updated/closed). */
    record DisputeChanged(ProviderEventId id, Instant created, PaymentId paymentId,
                          Optional<ConnectedAccountId> account, DisputeStatus status, long amount, String currency,
                          Optional<String> reason) implements ProviderEvent {
    }
}
