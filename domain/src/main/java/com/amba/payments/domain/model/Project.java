package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An app built on Amba: the seller of its payments. */
public record Project(ProjectId id, String name, Optional<BasisPoints> defaultFee,
                      Optional<ConnectedAccount> account, Instant createdAt) {

    public Project {
        Objects.requireNonNull(id);
        Objects.requireNonNull(name);
        Objects.requireNonNull(defaultFee);
        Objects.requireNonNull(account);
    }

    public PaymentsReadiness readiness() {
        return account.map(a -> a.chargesEnabled() ? PaymentsReadiness.READY : PaymentsReadiness.ONBOARDING)
                .orElse(PaymentsReadiness.NOT_SET_UP);
    }

    public Project withDefaultFee(Optional<BasisPoints> fee) {
        return new Project(id, name, fee, account, createdAt);
    }

    public Project withAccount(ConnectedAccount connected) {
        return new Project(id, name, defaultFee, Optional.of(connected), createdAt);
    }
}
