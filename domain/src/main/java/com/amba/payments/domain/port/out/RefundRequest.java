package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import com.amba.payments.domain.model.RefundReason;
import java.util.Optional;

/**
 * What a provider needs to refund part of an intent. {@code projectId} and {@code attemptId} travel as metadata,
 * so the provider's events about the refund can be matched to Amba's attempt.
 */
public record RefundRequest(ConnectedAccountId account, PaymentId paymentId, long amount,
                            Optional<RefundReason> reason, boolean refundApplicationFee, ProjectId projectId,
                            String attemptId, ProviderIdempotencyKey idempotencyKey) {
}
