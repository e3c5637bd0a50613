package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.Result;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * A project sees only its own payments: another project's payment and a malformed id answer the same "not
 * found" as a missing one, so nothing tells a caller that someone else's payment exists (SPEC §5).
 */
final class OwnPayments {

    private OwnPayments() {
    }

    /**
     * @param lookUp    finds the payment, or what is read with it, by id
     * @param paymentOf the payment in what was found, whose project decides who may see it
     */
    static <T> Result<T, PaymentError> find(ApiKey key, String paymentId, Function<PaymentId, Optional<T>> lookUp,
                                            Function<T, Payment> paymentOf) {
        return visibleTo(key, PaymentId.parse(paymentId).flatMap(lookUp), paymentOf);
    }

    /** {@link #find}, with a look-up that answers later. */
    static <T> CompletionStage<Result<T, PaymentError>> findLater(
            ApiKey key, String paymentId, Function<PaymentId, CompletionStage<Optional<T>>> lookUp,
            Function<T, Payment> paymentOf) {
        return PaymentId.parse(paymentId)
                .map(lookUp)
                .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()))
                .thenApply(found -> visibleTo(key, found, paymentOf));
    }

    private static <T> Result<T, PaymentError> visibleTo(ApiKey key, Optional<T> found,
                                                         Function<T, Payment> paymentOf) {
        return found
                .filter(it -> paymentOf.apply(it).belongsTo(key.projectId()))
                .<Result<T, PaymentError>>map(Result::ok)
                .orElseGet(() -> Result.err(new PaymentError.PaymentNotFound()));
    }
}
