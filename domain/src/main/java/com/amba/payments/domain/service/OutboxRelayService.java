package com.amba.payments.domain.service;

import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.port.in.RelayPaymentEvents;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.PaymentEvents;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.util.ArrayList;
import java.util.List;

/**
 * Relays recorded outgoing events in order, at least once: an event is marked relayed only after it was
 * accepted downstream, so a crash in between sends it again (consumers deduplicate on its id).
 */
public final class OutboxRelayService implements RelayPaymentEvents {

    private static final int BATCH = 200;

    private final Outbox outbox;
    private final PaymentEvents downstream;

    public OutboxRelayService(Outbox outbox, PaymentEvents downstream) {
        this.outbox = outbox;
        this.downstream = downstream;
    }

    /** One relay at a time per instance (the timer and an explicit drain), so an instance never sends twice. */
    @Override
    public synchronized int relayOnce() {
        if (!outbox.hasRelayTurn()) {
            return 0;
        }
        List<OutboxEntry> relayed = new ArrayList<>();
        try {
            for (OutboxEntry entry : outbox.unrelayed(BATCH)) {
                downstream.publish(entry.event());
                relayed.add(entry);
            }
        } finally {
            if (!relayed.isEmpty()) {
                outbox.markRelayed(relayed);
            }
        }
        return relayed.size();
    }

    /** Relays until the outbox is empty or downstream refuses; answers how many went out. */
    public int drain() {
        int total = 0;
        try {
            for (int batch = relayOnce(); batch > 0; batch = relayOnce()) {
                total += batch;
            }
        } catch (StoreUnavailable e) {
            // Downstream or the outbox is away; the next tick tries again from where this one stopped.
        }
        return total;
    }
}
