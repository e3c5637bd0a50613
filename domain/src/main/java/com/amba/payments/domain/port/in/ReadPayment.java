package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Result;
import java.util.Optional;

/** A project reads one of its payments from Amba's ledger (never from the provider). */
public interface ReadPayment {

    Result<Payment, PaymentError> read(Optional<String> apiKey, String paymentId);
}
