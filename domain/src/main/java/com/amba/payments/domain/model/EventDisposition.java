package com.amba.payments.domain.model;

/** What became of a provider event once the ledger decided on it. Kept in the inbox, per event id. */
public enum EventDisposition {
    /** The payment moved. */
    APPLIED,
    /** The payment already stood where the event says. */
    ALREADY_THERE,
    /** The payment had reached a final status; the event came too late to matter. */
    IGNORED_FINAL,
    /** A newer fact was already recorded; the event is older news. */
    IGNORED_OLDER,
    /** Amount or currency disagree with the ledger: not applied, surfaced for a person to look at. */
    MISMATCH,
    /** A connected account's readiness was updated. */
    ACCOUNT_UPDATED
}
