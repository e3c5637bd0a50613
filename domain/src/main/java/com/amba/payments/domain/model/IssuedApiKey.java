package com.amba.payments.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A freshly made key: the only moment the secret exists outside the caller's hands. A replay of the create (the
 * same Idempotency-Key and request) answers the same key without it: Amba keeps only the key's hash.
 */
public record IssuedApiKey(ApiKey key, Optional<String> secret) {

    public IssuedApiKey {
        Objects.requireNonNull(key);
        Objects.requireNonNull(secret);
    }

    public IssuedApiKey(ApiKey key, String secret) {
        this(key, Optional.of(secret));
    }

    /** The key a create made earlier, answered again: its secret was shown once, then. */
    public static IssuedApiKey replayOf(ApiKey key) {
        return new IssuedApiKey(key, Optional.empty());
    }

    @Override
    public String toString() {
        return "IssuedApiKey[" + key.id() + ", " + key.kind() + "]";
    }
}
