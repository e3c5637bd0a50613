package com.amba.payments.domain.service;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.ProviderFailure;
import java.lang.System.Logger.Level;

/** What a caller is told when the provider says no, and what the operator is told. */
final class ProviderFailures {

    private static final System.Logger LOG = System.getLogger(ProviderFailures.class.getName());

    private ProviderFailures() {
    }

    static PaymentError toPaymentError(ProviderFailure failure) {
        return switch (failure) {
            case ProviderFailure.AmountRejected rejected -> new PaymentError.InvalidAmount(
                    "the payment provider refused the amount: " + rejected.detail());
            case ProviderFailure.AccountNotReady ignored -> new PaymentError.PaymentsNotReady();
            case ProviderFailure.Unavailable unavailable -> {
                LOG.log(Level.WARNING, "payment provider unavailable: {0}", unavailable.detail());
                yield new PaymentError.PaymentProviderUnavailable();
            }
            case ProviderFailure.Misconfigured misconfigured -> {
                LOG.log(Level.ERROR, "CONFIGURATION PROBLEM: the payment provider refused Amba''s credentials"
                        + " (check AMBA_STRIPE_SECRET_KEY and the platform''s Connect settings): {0}",
                        misconfigured.detail());
                yield new PaymentError.PaymentProviderUnavailable();
            }
            case ProviderFailure.Refused refused -> {
                LOG.log(Level.ERROR, "payment provider refused Amba''s request (a bug in Amba), provider request id {0}: {1}",
                        refused.providerRequestId(), refused.detail());
                yield new PaymentError.PaymentProviderUnavailable();
            }
            case ProviderFailure.NotFound notFound -> {
                LOG.log(Level.ERROR, "payment provider does not know the object Amba asked about: {0}", notFound.detail());
                yield new PaymentError.PaymentProviderUnavailable();
            }
            case ProviderFailure.UnexpectedState state -> new PaymentError.UnexpectedPaymentState(state.detail());
        };
    }
}
