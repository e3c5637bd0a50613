package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.CancellationReason;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.ProviderRefund;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.Result;
import java.util.Optional;

/** Giving money back at the payment processor: refunds of a succeeded intent, and canceling one not yet paid. */
public interface ProviderRefunds {

    /** A refund on the connected account; the same idempotency key always reaches the same refund. */
    Result<ProviderRefund, ProviderFailure> createRefund(RefundRequest request);

    Result<ProviderRefund, ProviderFailure> retrieveRefund(ConnectedAccountId account, RefundId id);

    /** Cancels the intent on the connected account, telling the provider why when the caller said. */
    Result<ProviderIntent, ProviderFailure> cancelIntent(ConnectedAccountId account, PaymentId id,
                                                         Optional<CancellationReason> reason);
}
