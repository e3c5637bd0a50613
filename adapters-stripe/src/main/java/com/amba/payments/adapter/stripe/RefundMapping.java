package com.amba.payments.adapter.stripe;

import com.amba.payments.domain.model.Currency;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderRefund;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.RefundReason;
import com.amba.payments.domain.model.RefundStatus;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.RefundRequest;
import com.stripe.model.Refund;
import com.stripe.param.RefundCreateParams;
import java.time.Instant;
import java.util.Optional;

/** Refunds to and from stripe-java; nothing of stripe-java leaves here. */
final class RefundMapping {

    /** Amba's id of the refund request, so that Stripe's refund events find Amba's attempt. */
    static final String ATTEMPT_METADATA = "amba_refund_attempt";
    static final String PAYMENT_METADATA = "amba_payment_id";

    private RefundMapping() {
    }

    /** {@code POST /v1/refunds}: the intent, the amount, why, the platform's fee back or not, Amba's ids. */
    static RefundCreateParams paramsOf(RefundRequest request) {
        RefundCreateParams.Builder params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentId().value())
                .setAmount(request.amount())
                .setRefundApplicationFee(request.refundApplicationFee())
                .putMetadata(IntentParams.PROJECT_METADATA, request.projectId().value())
                .putMetadata(PAYMENT_METADATA, request.paymentId().value())
                .putMetadata(ATTEMPT_METADATA, request.attemptId());
        request.reason().ifPresent(reason -> params.setReason(switch (reason) {
            case DUPLICATE -> RefundCreateParams.Reason.DUPLICATE;
            case FRAUDULENT -> RefundCreateParams.Reason.FRAUDULENT;
            case REQUESTED_BY_CUSTOMER -> RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER;
        }));
        return params.build();
    }

    static Result<ProviderRefund, ProviderFailure> toProviderRefund(Refund refund) {
        Optional<RefundId> id = RefundId.parse(refund.getId());
        Optional<PaymentId> payment = PaymentId.parse(refund.getPaymentIntent());
        Optional<RefundStatus> status = Optional.ofNullable(refund.getStatus()).flatMap(RefundStatus::fromWireName);
        Optional<Currency> currency = Currency.of(refund.getCurrency());
        if (id.isEmpty() || payment.isEmpty() || status.isEmpty() || currency.isEmpty() || refund.getAmount() == null
                || refund.getAmount() < 1 || refund.getAmount() > Money.MAXIMUM_MINOR || refund.getCreated() == null) {
            return Result.err(new ProviderFailure.Refused(
                    refund.getLastResponse() == null ? "none" : refund.getLastResponse().requestId(),
                    "unreadable Refund " + refund.getId() + " (status " + refund.getStatus() + ")"));
        }
        Optional<RefundReason> reason = Optional.ofNullable(refund.getReason()).flatMap(RefundReason::fromWireName);
        return Result.ok(new ProviderRefund(id.get(), payment.get(), status.get(),
                new Money(refund.getAmount(), currency.get()), reason, Instant.ofEpochSecond(refund.getCreated())));
    }
}
