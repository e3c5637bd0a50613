package com.amba.payments.domain.model;

import java.util.Base64;
import java.util.Optional;

/**
 * One refund request, recorded before the provider is called. {@code id} is Amba's own id for it, sent to the
 * provider as metadata so that the provider's events find it; {@code idempotencyKey} is what the provider
 * deduplicates on. With a client reference both are derived from what identifies the request, so every retry
 * of the same request reaches the same provider refund.
 */
public record RefundAttempt(String id, PaymentId paymentId, ProjectId projectId, RefundOrder order,
                            RefundFingerprint fingerprint, ProviderIdempotencyKey idempotencyKey) {

    public static RefundAttempt of(ProjectId project, PaymentId payment, RefundOrder order,
                                   ProviderIdempotencyKey keyWithoutReference) {
        RefundFingerprint fingerprint = order.fingerprintFor(payment);
        ProviderIdempotencyKey key = order.clientReference()
                .map(reference -> derivedKey(project, reference, fingerprint))
                .orElse(keyWithoutReference);
        return new RefundAttempt(key.value(), payment, project, order, fingerprint, key);
    }

    public Optional<ClientReference> clientReference() {
        return order.clientReference();
    }

    /** The same attempt under an idempotency key recorded earlier (a retry taking a released attempt over). */
    public RefundAttempt withKey(ProviderIdempotencyKey earlier) {
        return new RefundAttempt(earlier.value(), paymentId, projectId, order, fingerprint, earlier);
    }

    private static ProviderIdempotencyKey derivedKey(ProjectId project, ClientReference reference,
                                                     RefundFingerprint fingerprint) {
        byte[] digest = KeyHash.sha256(project.value() + "\n" + reference.value() + "\n" + fingerprint.value());
        return new ProviderIdempotencyKey("amba-refund-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }
}
