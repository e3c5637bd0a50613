package com.amba.payments.domain.service;

import com.amba.payments.domain.port.out.AdmissionLimit;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/** At most {@code limit} creates in flight, however they end. */
public final class FixedAdmissionLimit implements AdmissionLimit {

    private final Semaphore slots;
    private final int limit;

    public FixedAdmissionLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the creates admitted in flight must be at least 1, not " + limit);
        }
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    @Override
    public Optional<Admitted> tryAdmit() {
        if (!slots.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(new Admitted() {
            @Override
            public void completed() {
                slots.release();
            }

            @Override
            public void dropped() {
                slots.release();
            }

            @Override
            public void ignored() {
                slots.release();
            }
        });
    }

    @Override
    public int inFlight() {
        return limit - slots.availablePermits();
    }

    @Override
    public int limit() {
        return limit;
    }
}
