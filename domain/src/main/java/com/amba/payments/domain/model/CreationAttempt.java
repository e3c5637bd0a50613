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

    /**
     * A reference's attempt for a create with the caller's notes. The fingerprint stays the money fields (what
     * SPEC §4 compares), but the provider key covers the notes too: the provider compares every parameter under
     * a key, so a retry with other notes must not reuse the key an earlier try sent with its own. Without notes
     * the key is the one {@link #of(ProjectId, ClientReference, RequestFingerprint)} derives.
     */
    public static CreationAttempt of(ProjectId project, ClientReference reference, RequestFingerprint fingerprint,
                                     PaymentNotes notes) {
        RequestFingerprint sentToProvider = notes.isEmpty() ? fingerprint
                : new RequestFingerprint(fingerprint.value() + ";notes=" + notes.digest());
        return new CreationAttempt(project, reference, fingerprint,
                ProviderIdempotencyKey.derivedFrom(project, reference, sentToProvider));
    }
}
