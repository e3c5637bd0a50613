package com.amba.payments.domain.model;

import java.util.Optional;

/**
 * A create request that has passed every input rule: a chargeable amount, the fee as asked, the reference,
 * and the fingerprint that says whether a replay is "the same request".
 */
public record PaymentOrder(Money amount, FeeRequest fee, Optional<ClientReference> clientReference,
                           RequestFingerprint fingerprint) {

    /** The whole request, client reference included: what an Idempotency-Key's replay must match. */
    public RequestFingerprint wholeRequest() {
        return new RequestFingerprint(fingerprint.value() + ";client_reference="
                + clientReference.map(ClientReference::value).orElse(""));
    }
}
