package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import java.util.Optional;

/** A project's backend calls off a payment that has not been paid; canceling twice answers the same. */
public interface CancelPayment {

    Result<PaymentStanding, PaymentError> cancel(Optional<String> apiKey, String paymentId, RequestBody body);
}
