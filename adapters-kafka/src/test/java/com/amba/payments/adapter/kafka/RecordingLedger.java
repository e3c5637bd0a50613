package com.amba.payments.adapter.kafka;

import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.port.in.ApplyProviderEvent;
import com.amba.payments.domain.port.in.EventReceipt;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Stands in for the ledger's use case behind the consumer: records every attempt and every event it took, and
 * can be told to be down (for a number of attempts, or until told otherwise).
 */
final class RecordingLedger implements ApplyProviderEvent {

    private final List<ProviderEvent> attempts = new ArrayList<>();
    private final List<ProviderEvent> applied = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile Consumer<ProviderEvent> beforeEachAttempt = event -> { };

    /** Runs on the consumer's thread at the start of every attempt, to look at the world as apply sees it. */
    void beforeEachAttempt(Consumer<ProviderEvent> hook) {
        beforeEachAttempt = hook;
    }

    void failNextAttempts(int count) {
        failuresLeft.set(count);
    }

    void goDown() {
        down.set(true);
    }

    void comeBack() {
        down.set(false);
    }

    @Override
    public EventReceipt apply(ProviderEvent event) {
        beforeEachAttempt.accept(event);
        synchronized (this) {
            attempts.add(event);
        }
        if (down.get() || failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new StoreUnavailable("ledger is down (test)");
        }
        synchronized (this) {
            applied.add(event);
        }
        return new EventReceipt.Decided(EventDisposition.APPLIED);
    }

    synchronized List<ProviderEvent> attempts() {
        return List.copyOf(attempts);
    }

    synchronized List<ProviderEvent> applied() {
        return List.copyOf(applied);
    }
}
