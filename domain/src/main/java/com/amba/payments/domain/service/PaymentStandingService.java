package com.amba.payments.domain.service;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.ReadPaymentStanding;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.util.Optional;

/**
 * The payment read of SPEC §5 with §11's additions: amount refunded, refund state, dispute. The payment and what
 * went back on it are read together, so a read costs the ledger one look, as a plain payment read does.
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
            return Result.err(new PaymentError.ControlPlaneUnavailable());
        }
    }
}
