package com.amba.payments.adapter.stripe;

import com.amba.payments.domain.port.out.ProviderWebhooks;
import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Verifies Stripe's webhooks (SPEC §6) and reads them into Amba's words. One endpoint serves platform and
 * Connect events alike: both are signed with the endpoint's secret, and Connect events carry {@code account}.
 */
public final class StripeWebhooks implements ProviderWebhooks {

    private static final System.Logger LOG = System.getLogger(StripeWebhooks.class.getName());

    private final WebhookSignature signature;
    private final StripeEventReader reader;
    private final InstantSource clock;

    /**
     * @param mode the mode of the platform's secret key: events of the other mode are acknowledged and ignored
     */
    public StripeWebhooks(WebhookSigningSecret secret, StripeMode mode, InstantSource clock) {
        this.signature = new WebhookSignature(secret);
        this.reader = new StripeEventReader(mode);
        this.clock = clock;
    }

    @Override
    public Optional<Verified> verify(byte[] rawBody, Optional<String> signatureHeader) {
        Optional<String> problem = signature.problemWith(rawBody, signatureHeader, clock.instant());
        if (problem.isPresent()) {
            // Says why, never what the header or secret held: a forged request learns nothing it did not send.
            LOG.log(Level.INFO, "Stripe webhook rejected: {0}", problem.get());
            return Optional.empty();
        }
        Verified verified = reader.read(rawBody);
        if (verified instanceof Verified.Irrelevant irrelevant) {
            LOG.log(Level.DEBUG, "Stripe webhook acknowledged and ignored: {0}", irrelevant.why());
        }
        return Optional.of(verified);
    }
}
