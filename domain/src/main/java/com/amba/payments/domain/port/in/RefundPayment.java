package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Refund;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import java.util.List;
import java.util.Optional;

/** A project's backend gives money back on a succeeded payment; anyone of the project lists the refunds. */
public interface RefundPayment {

    Result<Refund, PaymentError> refund(Optional<String> apiKey, String paymentId, RequestBody body);

    /** Server or client key; oldest first. */
    Result<List<Refund>, PaymentError> refunds(Optional<String> apiKey, String paymentId);
}
