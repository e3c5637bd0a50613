package com.amba.payments.domain.port.out;

/**
 * A store (ledger, control plane, event hand-off) could not answer in time. Callers answer
 * CONTROL_PLANE_UNAVAILABLE, or let the provider retry, and change nothing.
 */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailable(String message) {
        super(message);
    }
}
