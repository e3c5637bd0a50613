package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import java.util.Optional;

/** A project's backend asks for a payment; gets one (new, or the same one again for a replay). */
public interface CreatePayment {

    /** With the caller's {@code Idempotency-Key} header as sent (empty when it sent none). */
    Result<Payment, PaymentError> create(Optional<String> apiKey, Optional<String> idempotencyKey, RequestBody body);

    /** A create without an {@code Idempotency-Key}. */
    default Result<Payment, PaymentError> create(Optional<String> apiKey, RequestBody body) {
        return create(apiKey, Optional.empty(), body);
    }
}
