package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.Result;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** A project reads one of its payments with what went back on it (refunds, dispute), from the ledger only. */
public interface ReadPaymentStanding {

    Result<PaymentStanding, PaymentError> readStanding(Optional<String> apiKey, String paymentId);

    /**
     * The same read, with the same answers, for a caller whose thread must not wait: the stage completes when
     * the ledger answers. Empty when the read cannot be done so (the key is not one this instance already holds,
     * and looking it up would wait); then {@link #readStanding} is the way, from a thread that may wait.
     */
    default Optional<CompletionStage<Result<PaymentStanding, PaymentError>>> readStandingWithoutWaiting(
            Optional<String> apiKey, String paymentId) {
        return Optional.empty();
    }
}
