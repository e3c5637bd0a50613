package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import java.util.Optional;

/** A project's backend asks for a payment; gets one (new, or the same one again for a replay). */
public interface CreatePayment {

    Result<Payment, PaymentError> create(Optional<String> apiKey, RequestBody body);

    /**
     * The same, with the caller's {@code Idempotency-Key} header as sent. Every service that creates payments
     * overrides this; one that does not refuses a key rather than silently ignoring it.
     */
    default Result<Payment, PaymentError> create(Optional<String> apiKey, Optional<String> idempotencyKey,
                                                 RequestBody body) {
        if (idempotencyKey.isPresent()) {
            throw new UnsupportedOperationException(getClass().getName() + " does not honour Idempotency-Key");
        }
        return create(apiKey, body);
    }
}
