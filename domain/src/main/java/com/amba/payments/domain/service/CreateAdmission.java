package com.amba.payments.domain.service;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.AdmitCreate;
import com.amba.payments.domain.port.in.CreatePayment;
import com.amba.payments.domain.port.out.AdmissionLimit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admission control for creates: only as many creates are in flight on this instance as its
 * {@link AdmissionLimit} allows. One more is refused at once with {@link PaymentError.Overloaded}, before its key
 * is read or anything else is done, so that under a flash sale the admitted creates keep their latency instead
 * of all of them queueing for the database until their budget runs out. Reads are not counted: they stay
 * answered while creates are refused. Each admitted create tells the limit how it ended: done (a measure of the
 * load), dropped (the store or the provider was out of reach or slow: a sign of overload) or refused (an
 * invalid request, a reused key: its time says nothing). A place given back unused counts as refused.
 *
 * <p>As a {@link CreatePayment} it admits and runs in one call; as an {@link AdmitCreate} it lets the caller ask
 * first, on the thread that holds the request, and run the admitted create wherever it runs use cases.
 */
public final class CreateAdmission implements CreatePayment, AdmitCreate {

    private final CreatePayment admitted;
    private final AdmissionLimit limit;

    public CreateAdmission(CreatePayment admitted, AdmissionLimit limit) {
        this.admitted = admitted;
        this.limit = limit;
    }

    /** At most {@code limit} creates in flight, however they end. */
    public CreateAdmission(CreatePayment admitted, int limit) {
        this(admitted, new FixedAdmissionLimit(limit));
    }

    @Override
    public Result<Payment, PaymentError> create(Optional<String> apiKey, Optional<String> idempotencyKey,
                                                RequestBody body) {
        return tryAdmit()
                .map(place -> place.create(apiKey, idempotencyKey, body))
                .orElseGet(() -> Result.err(new PaymentError.Overloaded()));
    }

    @Override
    public Optional<AdmittedCreate> tryAdmit() {
        return limit.tryAdmit().map(Place::new);
    }

    /** One of the limit's places, held by one create until it has run or is given back. */
    private final class Place implements AdmittedCreate {

        private final AdmissionLimit.Admitted place;
        private final AtomicBoolean settled = new AtomicBoolean();

        Place(AdmissionLimit.Admitted place) {
            this.place = place;
        }

        @Override
        public Result<Payment, PaymentError> create(Optional<String> apiKey, Optional<String> idempotencyKey,
                                                    RequestBody body) {
            if (!settled.compareAndSet(false, true)) {
                throw new IllegalStateException("an admitted create runs once");
            }
            Result<Payment, PaymentError> outcome;
            try {
                outcome = admitted.create(apiKey, idempotencyKey, body);
            } catch (RuntimeException | Error failure) {
                place.dropped();
                throw failure;
            }
            tell(place, outcome);
            return outcome;
        }

        @Override
        public void giveBack() {
            if (settled.compareAndSet(false, true)) {
                place.ignored();
            }
        }
    }

    private static void tell(AdmissionLimit.Admitted place, Result<Payment, PaymentError> outcome) {
        switch (outcome) {
            case Result.Ok<Payment, PaymentError> ok -> place.completed();
            case Result.Err<Payment, PaymentError> err -> {
                switch (err.error()) {
                    case PaymentError.PaymentProviderUnavailable unavailable -> place.dropped();
                    case PaymentError.ControlPlaneUnavailable unavailable -> place.dropped();
                    default -> place.ignored();
                }
            }
        }
    }

    public int limit() {
        return limit.limit();
    }

    /** Creates being worked on right now. */
    public int inFlight() {
        return limit.inFlight();
    }
}
