package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.Result;
import java.util.function.Consumer;

/**
 * A project's domain events as they happen, for a developer's {@code amba webhooks listen}: live only (what
 * happened before the watch began is not replayed) and best effort (the instance that fans events out tells its
 * own watchers). Durable delivery is what endpoints are for.
 */
public interface WatchProjectEvents {

    /** Stops a watch. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    Result<Watch, PaymentError> watch(String projectId, Consumer<PaymentEvent> listener);
}
