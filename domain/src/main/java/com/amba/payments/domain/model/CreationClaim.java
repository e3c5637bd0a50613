package com.amba.payments.domain.model;

/** What the ledger says when a create asks to bind its client reference. */
public sealed interface CreationClaim {

    /** This request may call the provider now; no one else holds the reference. */
    record Claimed(CreationAttempt attempt) implements CreationClaim {}

    /** The same request already made this payment: answer it again. */
    record AlreadyCreated(Payment payment) implements CreationClaim {}

    /** The reference is bound, or being bound, to a different request. */
    record Conflict() implements CreationClaim {}

    /** The same request is being made right now by someone else; wait for it. */
    record InFlight() implements CreationClaim {}
}
