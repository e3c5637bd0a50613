package com.amba.payments.app.bench;

/**
 * One request of a scenario, blocking until its answer. It returns normally when the answer is a success and
 * throws otherwise; {@link Failed} names the kind of failure for the error count.
 */
@FunctionalInterface
interface Operation {

    void call(long index) throws Exception;

    /** A wrong answer (an HTTP status, a missing row), as opposed to an exception from the client. */
    final class Failed extends Exception {
        Failed(String kind) {
            super(kind, null, false, false);
        }
    }
}
