package com.amba.payments.adapter.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.domain.contract.PaymentProviderContract;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.port.out.PaymentProvider;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider-port contract, passed by the Stripe adapter over real HTTP against the local Stripe server. */
class StripePaymentProviderTest extends PaymentProviderContract {

    private static LocalStripe stripe;
    private static StripePaymentProvider provider;
    private static ConnectedAccountId ready;
    private static ConnectedAccountId notReady;

    @BeforeAll
    static void startStripe() {
        stripe = LocalStripe.start();
        provider = new StripePaymentProvider(StripeSettings.of(new StripeSecretKey(stripe.secretKey()))
                .withApiBase(stripe.apiBase())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        ready = new ConnectedAccountId(stripe.createReadyAccount());
        notReady = new ConnectedAccountId(stripe.createAccount());
    }

    @AfterAll
    static void stopStripe() {
        stripe.close();
    }

    @Override
    protected PaymentProvider provider() {
        return provider;
    }

    @Override
    protected ConnectedAccountId readyAccount() {
        return ready;
    }

    @Override
    protected ConnectedAccountId notReadyAccount() {
        return notReady;
    }

    @Test
    void aReReadIsDatedByTheDateOfStripesAnswerNotByAmbasClock() {
        var created = created(1_500);

        java.time.Instant asOf = provider.retrieveIntent(ready, created.id()).orElseThrow().asOf();

        assertEquals(0, asOf.getNano(), "the Date header is to the second; Amba's clock would not be");
    }
}
