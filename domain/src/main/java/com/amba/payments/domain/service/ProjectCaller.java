package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.Ledger;
import java.util.Optional;
import java.util.function.Function;

/**
 * The first checks of the money-back calls, in the create's order (SPEC §11): the key, a server key, the
 * platform switch; and, once the body has passed, the caller's own payment (another project's is not found).
 */
final class ProjectCaller {

    private final ControlPlane controlPlane;
    private final Ledger ledger;
    private final ApiKeyAuthentication authentication;

    ProjectCaller(ControlPlane controlPlane, Ledger ledger) {
        this.controlPlane = controlPlane;
        this.ledger = ledger;
        this.authentication = new ApiKeyAuthentication(controlPlane);
    }

    /** 401, 403, then 503 PAYMENTS_NOT_ENABLED. */
    Result<ApiKey, PaymentError> serverKeyWithPaymentsOn(Optional<String> apiKey) {
        return authentication.authenticate(apiKey).flatMap(key -> {
            if (key.kind() != ApiKeyKind.SERVER) {
                return Result.err(new PaymentError.ServerKeyRequired());
            }
            return controlPlane.platform().paymentsEnabled()
                    ? Result.ok(key) : Result.err(new PaymentError.PaymentsNotEnabled());
        });
    }

    /** Server or client key of the project. */
    Result<ApiKey, PaymentError> anyKey(Optional<String> apiKey) {
        return authentication.authenticate(apiKey);
    }

    Result<Payment, PaymentError> ownPayment(ApiKey key, String paymentId) {
        return OwnPayments.find(key, paymentId, ledger::find, Function.identity());
    }
}
