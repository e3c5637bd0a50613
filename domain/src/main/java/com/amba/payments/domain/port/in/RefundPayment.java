package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Refund;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import java.util.List;
import java.util.Optional;

/** A project's backend gives money back on a succeeded payment; anyone of the project lists the refunds. */
public interface RefundPayment {

    /** With the caller's {@code Idempotency-Key} header as sent (empty when it sent none). */
    Result<Refund, PaymentError> refund(Optional<String> apiKey, Optional<String> idempotencyKey, String paymentId,
                                        RequestBody body);

    /** A refund without an {@code Idempotency-Key}. */
    default Result<Refund, PaymentError> refund(Optional<String> apiKey, String paymentId, RequestBody body) {
        return refund(apiKey, Optional.empty(), paymentId, body);
    }

    /** Server or client key; oldest first. */
    Result<List<Refund>, PaymentError> refunds(Optional<String> apiKey, String paymentId);
}
