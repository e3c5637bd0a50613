package com.amba.payments.domain.model;

import java.util.Optional;

/**
 * One atomic step of the ledger: an optional status change (with its history row and outgoing event) and an
 * optional inbox entry for the provider event that caused it. All of it is recorded, or none of it.
 */
public record Transition(Optional<StatusChange> change, Optional<InboxEntry> inbox) {

    public Transition {
        if (change.isEmpty() && inbox.isEmpty()) {
            throw new IllegalArgumentException("a transition records a change, an event, or both");
        }
    }

    public static Transition of(StatusChange change, InboxEntry inbox) {
        return new Transition(Optional.of(change), Optional.of(inbox));
    }

    public static Transition withoutEvent(StatusChange change) {
        return new Transition(Optional.of(change), Optional.empty());
    }

    public static Transition onlyInbox(InboxEntry inbox) {
        return new Transition(Optional.empty(), Optional.of(inbox));
    }
}
