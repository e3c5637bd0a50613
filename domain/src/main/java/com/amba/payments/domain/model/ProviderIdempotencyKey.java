package com.amba.payments.domain.model;

import java.util.Base64;

/**
 * The key the provider deduplicates creates on. For a create with a client reference it is derived from what
 * Amba records before the call (project, reference, request fingerprint), so every retry of the same request
 * (ours, the SDK's, the caller's, after a crash) reaches the same provider intent.
 */
public record ProviderIdempotencyKey(String value) {

    public static final int MAXIMUM_LENGTH = 255;

    public ProviderIdempotencyKey {
        if (value == null || value.isEmpty() || value.length() > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("idempotency key must be 1 to 255 characters");
        }
    }

    public static ProviderIdempotencyKey derivedFrom(ProjectId project, ClientReference reference,
                                                     RequestFingerprint fingerprint) {
        String material = project.value() + "\n" + reference.value() + "\n" + fingerprint.value();
        byte[] digest = KeyHash.sha256(material);
        return new ProviderIdempotencyKey("amba-create-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }
}
