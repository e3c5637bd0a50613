package com.amba.payments.app.bench;

import com.amba.payments.adapter.stripe.StripeSettings;
import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.stripe.StripeClient;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;

/**
 * The floor under the service's Stripe numbers: stripe-java creating a PaymentIntent directly against the same
 * local Stripe server, with the body, {@code Stripe-Account}, idempotency key, timeouts and retry budget the
 * service's adapter uses, on a connected account that can take charges. No HTTP in front, no ledger.
 */
final class StripeBaseline {

    /** What the service's fee resolution makes of the demo's 250 bps on 1999: (1999 x 250 + 5000) / 10000. */
    private static final long APPLICATION_FEE = 50;

    private final StripeClient client;
    private final String account;
    private final String keyPrefix;

    StripeBaseline(LocalStripe stripe, String runId) {
        String base = stripe.apiBase().toString().replaceAll("/$", "");
        this.client = StripeClient.builder()
                .setApiKey(stripe.secretKey())
                .setApiBase(base)
                .setConnectBase(base)
                .setConnectTimeout(Math.toIntExact(StripeSettings.DEFAULT_CONNECT_TIMEOUT.toMillis()))
                .setReadTimeout(Math.toIntExact(StripeSettings.DEFAULT_READ_TIMEOUT.toMillis()))
                .setMaxNetworkRetries(StripeSettings.DEFAULT_MAX_NETWORK_RETRIES)
                .build();
        this.account = stripe.createReadyAccount();
        this.keyPrefix = "bench-" + runId + "-direct-";
    }

    Operation createIntent() {
        return index -> {
            PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                    .setAmount(PaymentsApiCalls.AMOUNT)
                    .setCurrency(PaymentsApiCalls.CURRENCY)
                    .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                            .setEnabled(true).build())
                    .setApplicationFeeAmount(APPLICATION_FEE)
                    .putMetadata("amba_project_id", "prj_bench")
                    .putMetadata("amba_client_reference", keyPrefix + index)
                    .build();
            RequestOptions options = RequestOptions.builder()
                    .setStripeAccount(account)
                    .setIdempotencyKey(keyPrefix + index)
                    .build();
            client.v1().paymentIntents().create(params, options);
        };
    }
}
