package com.amba.payments.adapter.stripe;

import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import com.amba.payments.domain.model.RequestFingerprint;
import com.amba.payments.domain.port.out.IntentRequest;
import java.time.Duration;
import java.util.Optional;

/** Intent requests as the domain builds them, and providers pointed at a local server. */
final class Requests {

    static final ProjectId PROJECT = new ProjectId("proj_wire");

    private Requests() {
    }

    /** A create with a client reference, its idempotency key derived the way the domain derives it. */
    static IntentRequest withReference(ConnectedAccountId account, long amount, String currency, long fee,
                                       String reference) {
        ClientReference clientReference = new ClientReference(reference);
        RequestFingerprint fingerprint = RequestFingerprint.of(amount, currency, null, null);
        return new IntentRequest(account, Money.of(amount, currency), fee, PROJECT, Optional.of(clientReference),
                ProviderIdempotencyKey.derivedFrom(PROJECT, clientReference, fingerprint));
    }

    static IntentRequest withReference(ConnectedAccountId account, long amount, long fee, String reference) {
        return withReference(account, amount, "usd", fee, reference);
    }

    static StripePaymentProvider provider(LocalStripe stripe, Duration readTimeout, int retries) {
        return provider(stripe.secretKey(), stripe, readTimeout, retries);
    }

    static StripePaymentProvider provider(String secretKey, LocalStripe stripe, Duration readTimeout, int retries) {
        return new StripePaymentProvider(StripeSettings.of(new StripeSecretKey(secretKey))
                .withApiBase(stripe.apiBase())
                .withTimeouts(Duration.ofSeconds(1), readTimeout)
                .withMaxNetworkRetries(retries));
    }
}
