package com.amba.payments.domain.model;

/** What the ledger did with a transition. */
public enum TransitionOutcome {
    RECORDED,
    /** The inbox already holds this event id: nothing was changed. */
    DUPLICATE_EVENT,
    /** The payment moved since it was read: nothing was changed; decide again. */
    STALE
}
