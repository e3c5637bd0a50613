package com.amba.payments.adapter.stripe;

import com.amba.payments.domain.port.out.IntentRequest;
import com.stripe.param.PaymentIntentCreateParams;

/**
 * The body of a direct charge. Amba's metadata ties the intent back to Amba for anyone reading it in Stripe's
 * dashboard (and the orphan sweep); it holds identifiers only, never a key or secret. The caller's metadata and
 * description go beside it: the domain refuses caller keys in Amba's {@code amba_} namespace, and Amba's keys
 * are put last, so no caller key could overwrite them.
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
                .putAllMetadata(request.notes().metadata().entries())
                .putMetadata(PROJECT_METADATA, request.projectId().value());
        request.notes().description().ifPresent(description -> params.setDescription(description.value()));
        // A fee of 0 is no fee: Stripe would accept application_fee_amount=0, but SPEC §4 says it is not sent.
        if (request.applicationFee() > 0) {
            params.setApplicationFeeAmount(request.applicationFee());
        }
        request.clientReference().ifPresent(reference -> params.putMetadata(REFERENCE_METADATA, reference.value()));
        return params.build();
    }
}
