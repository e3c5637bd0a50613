package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.Result;
import java.util.Optional;

/** A project reads one of its payments with what went back on it (refunds, dispute), from the ledger only. */
public interface ReadPaymentStanding {

    Result<PaymentStanding, PaymentError> readStanding(Optional<String> apiKey, String paymentId);
}
