package com.amba.payments.adapter.stripe;

import com.amba.payments.domain.port.out.IntentRequest;
import com.stripe.param.PaymentIntentCreateParams;

/**
 * The body of a direct charge. Metadata ties the intent back to Amba for anyone reading it in Stripe's
 * dashboard; it holds identifiers only, never a key or secret.
 */
final class IntentParams {

    static final String PROJECT_METADATA = "amba_project_id";
    static final String REFERENCE_METADATA = "amba_client_reference";

    private IntentParams() {
    }

    static PaymentIntentCreateParams of(IntentRequest request) {
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().minor())
                .setCurrency(request.amount().currency().code())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build())
                .putMetadata(PROJECT_METADATA, request.projectId().value());
        // A fee of 0 is no fee: Stripe would accept application_fee_amount=0, but SPEC §4 says it is not sent.
        if (request.applicationFee() > 0) {
            params.setApplicationFeeAmount(request.applicationFee());
        }
        request.clientReference().ifPresent(reference -> params.putMetadata(REFERENCE_METADATA, reference.value()));
        return params.build();
    }
}
