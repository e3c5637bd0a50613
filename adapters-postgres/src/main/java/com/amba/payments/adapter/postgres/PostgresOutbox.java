package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.model.OutboxBacklog;
import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.port.out.Outbox;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * The events the ledger wrote with its changes. One instance relays at a time ({@link RelayTurn}); should two
 * ever overlap (a holder cut off mid-batch), an event may go out twice, which at-least-once delivery allows
 * (consumers deduplicate on the event id), but never zero times and never ahead of its payment's earlier ones.
 */
public final class PostgresOutbox implements Outbox {

    private final Database database;
    private final RelayTurn relayTurn;

    PostgresOutbox(Database database, RelayTurn relayTurn) {
        this.database = database;
        this.relayTurn = relayTurn;
    }

    @Override
    public boolean hasRelayTurn() {
        return relayTurn.holds();
    }

    @Override
    public List<OutboxEntry> unrelayed(int limit) {
        return Rows.all(database.run(Sql.UNRELAYED, Tuple.of(limit)), Rows::outboxEntry);
    }

    @Override
    public OutboxBacklog backlog() {
        return Rows.outboxBacklog(database.run(Sql.OUTBOX_BACKLOG, Tuple.tuple()).iterator().next());
    }

    @Override
    public void markRelayed(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Long[] positions = entries.stream().map(OutboxEntry::position).toArray(Long[]::new);
        database.run(Sql.MARK_RELAYED, Tuple.of(positions));
    }
}
