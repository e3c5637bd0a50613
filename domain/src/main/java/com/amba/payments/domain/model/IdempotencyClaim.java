package com.amba.payments.domain.model;

/**
 * What the ledger says when a create asks to bind its {@code Idempotency-Key}: the same four answers as a
 * payment's {@link CreationClaim}, for creates whose result is named by an id (a refund, a project, a key).
 */
public sealed interface IdempotencyClaim {

    /** No one holds the key for this request: create now, then complete or release it. */
    record Claimed() implements IdempotencyClaim {}

    /** The same request already made {@code resourceId}: answer it again. */
    record AlreadyCreated(String resourceId) implements IdempotencyClaim {}

    /** The key is bound, or being bound, to a different request. */
    record Conflict() implements IdempotencyClaim {}

    /** The same request is being made right now by someone else; wait for it. */
    record InFlight() implements IdempotencyClaim {}
}
