package com.amba.payments.domain.service;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.CreatePayment;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Admission control for creates: at most {@code limit} creates are in flight on this instance. One more is
 * refused at once with {@link PaymentError.Overloaded}, before its key is read or anything else is done, so
 * that under a flash sale the admitted creates keep their latency instead of all of them queueing for the
 * database until their budget runs out. Reads are not counted: they stay answered while creates are refused.
 */
public final class CreateAdmission implements CreatePayment {

    private final CreatePayment admitted;
    private final Semaphore slots;
    private final int limit;

    public CreateAdmission(CreatePayment admitted, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the creates admitted in flight must be at least 1, not " + limit);
        }
        this.admitted = admitted;
        this.limit = limit;
        this.slots = new Semaphore(limit);
    }

    @Override
    public Result<Payment, PaymentError> create(Optional<String> apiKey, Optional<String> idempotencyKey,
                                                RequestBody body) {
        if (!slots.tryAcquire()) {
            return Result.err(new PaymentError.Overloaded());
        }
        try {
            return admitted.create(apiKey, idempotencyKey, body);
        } finally {
            slots.release();
        }
    }

    public int limit() {
        return limit;
    }

    /** Creates being worked on right now. */
    public int inFlight() {
        return limit - slots.availablePermits();
    }
}
