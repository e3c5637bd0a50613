package com.amba.payments.domain.model;

import com.amba.payments.domain.model.ProviderEvent.DisputeChanged;
import java.util.Optional;

/**
 * When a dispute event may move a payment's dispute: won and lost are final; a newer event wins; within one
 * second (Stripe's {@code created} resolution) the dispute's own course decides, since it only goes forward:
 * needs_response, under_review, then won or lost.
 */
public final class DisputeRules {

    private DisputeRules() {
    }

    /** The status to move to, or empty to keep the dispute as it is. */
    public static Optional<DisputeStatus> judge(Optional<Dispute> current, DisputeChanged event) {
        if (current.isEmpty()) {
            return Optional.of(event.status());
        }
        Dispute dispute = current.get();
        if (dispute.status().isFinal() || dispute.status() == event.status()) {
            return Optional.empty();
        }
        if (event.created().isAfter(dispute.statusAsOf())) {
            return Optional.of(event.status());
        }
        boolean forward = event.created().equals(dispute.statusAsOf())
                && event.status().ordinal() > dispute.status().ordinal();
        return forward ? Optional.of(event.status()) : Optional.empty();
    }
}
