package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.OutboxBacklog;
import com.amba.payments.domain.model.OutboxEntry;
import java.util.List;

/** The outgoing events the ledger recorded with its changes, waiting to be relayed downstream. */
public interface Outbox {

    /**
     * Whether this instance's relay may go now: one relay at a time across instances, so healthy instances do
     * not send every event twice; the turn passes on when its holder dies. Answers false, never throws, when the
     * store cannot tell.
     */
    boolean hasRelayTurn();

    /** The oldest events not yet relayed, in the order they were recorded. */
    List<OutboxEntry> unrelayed(int limit);

    void markRelayed(List<OutboxEntry> entries);

    /** How many events wait to be relayed and when the oldest was recorded: one cheap look. */
    OutboxBacklog backlog();
}
