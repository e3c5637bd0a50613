package com.amba.payments.domain.model;

/**
 * A create with a client reference, recorded before the provider is called. Holds everything a retry needs to
 * reach the same provider intent.
 */
public record CreationAttempt(ProjectId projectId, ClientReference reference, RequestFingerprint fingerprint,
                              ProviderIdempotencyKey idempotencyKey) {

    public static CreationAttempt of(ProjectId project, ClientReference reference, RequestFingerprint fingerprint) {
        return new CreationAttempt(project, reference, fingerprint,
                ProviderIdempotencyKey.derivedFrom(project, reference, fingerprint));
    }
}
