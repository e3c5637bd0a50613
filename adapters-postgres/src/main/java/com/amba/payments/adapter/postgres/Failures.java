package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.port.out.StoreUnavailable;
import io.vertx.sqlclient.DatabaseException;

/**
 * What a failed database call means to the domain. A broken constraint is a fact about the data (a bug or a
 * misuse of the port) and retrying cannot help, so it is not dressed up as an outage; everything else (refused
 * or lost connections, timeouts, a cancelled statement, a full wait queue) is {@link StoreUnavailable}.
 */
final class Failures {

    /** SQLSTATE class 23: integrity constraint violation. */
    private static final String INTEGRITY_VIOLATION = "23";

    private Failures() {
    }

    static RuntimeException translate(Throwable failure) {
        if (failure instanceof StoreUnavailable unavailable) {
            return unavailable;
        }
        if (failure instanceof DatabaseException database && database.getSqlState() != null
                && database.getSqlState().startsWith(INTEGRITY_VIOLATION)) {
            return new IllegalStateException("the ledger refused a write: " + database.getMessage(), database);
        }
        return new StoreUnavailable("the database failed: " + failure.getMessage(), failure);
    }
}
