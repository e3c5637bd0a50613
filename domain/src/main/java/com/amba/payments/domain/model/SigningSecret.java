package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook endpoint's signing secret ({@code whsec_…}): shown to the project once, kept to sign deliveries.
 * A secret replaced by a rotation keeps signing until {@code expiresAt}. Never printed.
 */
public record SigningSecret(String value, Optional<Instant> expiresAt) {

    public SigningSecret {
        Objects.requireNonNull(value, "secret");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!value.startsWith("whsec_")) {
            throw new IllegalArgumentException("a signing secret starts with whsec_");
        }
    }

    public static SigningSecret current(String value) {
        return new SigningSecret(value, Optional.empty());
    }

    public boolean signsAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }

    @Override
    public String toString() {
        return "SigningSecret[whsec_…" + expiresAt.map(at -> ", until " + at).orElse("") + "]";
    }
}
