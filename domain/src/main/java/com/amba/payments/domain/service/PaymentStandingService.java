package com.amba.payments.domain.service;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.ReadPayment;
import com.amba.payments.domain.port.in.ReadPaymentStanding;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.util.Optional;

/** The payment read of SPEC §5 with §11's additions: amount refunded, refund state, dispute. */
public final class PaymentStandingService implements ReadPaymentStanding {

    private final ReadPayment payments;
    private final RefundLedger refunds;

    public PaymentStandingService(ReadPayment payments, RefundLedger refunds) {
        this.payments = payments;
        this.refunds = refunds;
    }

    @Override
    public Result<PaymentStanding, PaymentError> readStanding(Optional<String> apiKey, String paymentId) {
        try {
            return payments.read(apiKey, paymentId).map(refunds::standing);
        } catch (StoreUnavailable e) {
            return Result.err(new PaymentError.ControlPlaneUnavailable());
        }
    }
}
