package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.OutboxBacklog;
import java.time.Duration;

/** Whether the relay keeps up: what waits in the outbox, as last looked at. */
public interface WatchOutbox {

    /** Looks at the outbox now; says loudly (WARNING) when its oldest entry has waited past the bound. */
    OutboxBacklog look();

    long lastBacklog();

    Duration lastOldestAge();
}
