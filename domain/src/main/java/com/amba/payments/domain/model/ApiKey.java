package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Optional;

/** A project's API key as Amba keeps it: the hash, never the key. */
public record ApiKey(ApiKeyId id, ProjectId projectId, ApiKeyKind kind, KeyHash hash, Instant createdAt,
                     Optional<Instant> revokedAt) {

    public boolean isActive() {
        return revokedAt.isEmpty();
    }

    public ApiKey revoked(Instant at) {
        return new ApiKey(id, projectId, kind, hash, createdAt, Optional.of(revokedAt.orElse(at)));
    }
}
