package com.amba.payments.domain.model;

import java.util.Optional;

/**
 * A create request that has passed every input rule: a chargeable amount, the fee as asked, the reference, the
 * caller's notes (metadata, description), and the fingerprint that says whether a replay with the same client
 * reference is "the same request" (SPEC §4: the money fields only, so the notes are not in it).
 */
public record PaymentOrder(Money amount, FeeRequest fee, Optional<ClientReference> clientReference,
                           PaymentNotes notes, RequestFingerprint fingerprint) {

    /**
     * The whole request, client reference and notes included: what an Idempotency-Key's replay must match, as
     * Stripe compares every parameter. Without notes it reads as it did before they existed, so keys bound then
     * still match their replays.
     */
    public RequestFingerprint wholeRequest() {
        String withReference = fingerprint.value() + ";client_reference="
                + clientReference.map(ClientReference::value).orElse("");
        return new RequestFingerprint(notes.isEmpty() ? withReference : withReference + ";notes=" + notes.digest());
    }
}
