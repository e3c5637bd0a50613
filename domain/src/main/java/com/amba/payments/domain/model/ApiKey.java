package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A project's API key as Amba keeps it: the hash, never the key; and its last four characters, so a person can
 * tell keys apart (empty for keys issued before Amba kept them).
 */
public record ApiKey(ApiKeyId id, ProjectId projectId, ApiKeyKind kind, KeyHash hash, Instant createdAt,
                     Optional<Instant> revokedAt, Optional<String> lastFour) {

    public static final int SHOWN_CHARACTERS = 4;

    public ApiKey {
        lastFour.filter(last -> last.length() != SHOWN_CHARACTERS).ifPresent(last -> {
            throw new IllegalArgumentException("a key shows exactly its last four characters");
        });
    }

    public ApiKey(ApiKeyId id, ProjectId projectId, ApiKeyKind kind, KeyHash hash, Instant createdAt,
                  Optional<Instant> revokedAt) {
        this(id, projectId, kind, hash, createdAt, revokedAt, Optional.empty());
    }

    /** The last four characters of a secret, which is far longer: a key is 40 characters of which 32 random. */
    public static String lastFourOf(String secret) {
        return secret.substring(secret.length() - SHOWN_CHARACTERS);
    }

    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    public ApiKey revoked(Instant at) {
        return new ApiKey(id, projectId, kind, hash, createdAt, Optional.of(revokedAt.orElse(at)), lastFour);
    }
}
