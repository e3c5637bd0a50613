package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.ReadPaymentStanding;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * The payment read of SPEC §5 with §11's additions: amount refunded, refund state, dispute. The payment and what
 * went back on it are read together, so a read costs the ledger one look, as a plain payment read does. With a key
 * this instance already holds, the read can also be had without waiting: nothing is left to ask but the ledger.
 */
public final class PaymentStandingService implements ReadPaymentStanding {

    private final ApiKeyAuthentication authentication;
    private final RefundLedger refunds;

    public PaymentStandingService(ControlPlane controlPlane, RefundLedger refunds) {
        this.authentication = new ApiKeyAuthentication(controlPlane);
        this.refunds = refunds;
    }

    @Override
    public Result<PaymentStanding, PaymentError> readStanding(Optional<String> apiKey, String paymentId) {
        try {
            return authentication.authenticate(apiKey)
                    .flatMap(key -> OwnPayments.find(key, paymentId, refunds::standing, PaymentStanding::payment));
        } catch (StoreUnavailable e) {
            return unavailable();
        }
    }

    @Override
    public Optional<CompletionStage<Result<PaymentStanding, PaymentError>>> readStandingWithoutWaiting(
            Optional<String> apiKey, String paymentId) {
        try {
            return authentication.authenticateWithoutWaiting(apiKey).map(caller -> switch (caller) {
                case Result.Ok<ApiKey, PaymentError> key -> OwnPayments
                        .findLater(key.value(), paymentId, refunds::standingWithoutWaiting, PaymentStanding::payment)
                        .exceptionally(PaymentStandingService::unavailableOnly);
                case Result.Err<ApiKey, PaymentError> refused -> answered(Result.err(refused.error()));
            });
        } catch (StoreUnavailable e) {
            return Optional.of(answered(unavailable()));
        }
    }

    /** A store that could not answer is a 503 to retry, as on the waiting path; anything else stays a failure. */
    private static Result<PaymentStanding, PaymentError> unavailableOnly(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof StoreUnavailable) {
            return unavailable();
        }
        throw new CompletionException(cause);
    }

    private static Result<PaymentStanding, PaymentError> unavailable() {
        return Result.err(new PaymentError.ControlPlaneUnavailable());
    }

    private static CompletionStage<Result<PaymentStanding, PaymentError>> answered(
            Result<PaymentStanding, PaymentError> result) {
        return CompletableFuture.completedFuture(result);
    }
}
