package com.amba.payments.adapter.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keys pick the mode, fail fast when mistyped, and never print themselves. */
class StripeConfigurationTest {

    private static final String LIVE = "sk_live_" + "L".repeat(24);
    private static final String TEST = "sk_test_" + "T".repeat(24);

    @Test
    void theKeyPrefixDecidesTheMode() {
        assertEquals(StripeMode.LIVE, new StripeSecretKey(LIVE).mode());
        assertEquals(StripeMode.TEST, new StripeSecretKey(TEST).mode());
        assertEquals(StripeMode.LIVE, new StripeSecretKey("rk_live_abc").mode());
    }

    @Test
    void somethingThatIsNotASecretKeyIsRefusedWithoutRepeatingIt() {
        for (String wrong : new String[] {"pk_live_Abc123Secret", "sk_prod_Abc123Secret", "whsec_Abc123Secret",
                "Abc123Secret"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StripeSecretKey(wrong));
            assertFalse(e.getMessage().contains("Abc123Secret"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new StripeSecretKey("sk_live_"), "a prefix alone");
    }

    @Test
    void printingSettingsNeverShowsTheKeyOrTheSigningSecret() {
        StripeSettings settings = StripeSettings.of(new StripeSecretKey(LIVE));
        WebhookSigningSecret secret = new WebhookSigningSecret("whsec_" + "S".repeat(32));

        assertFalse(settings.toString().contains("LLLL"), settings.toString());
        assertFalse(secret.toString().contains("SSSS"), secret.toString());
    }

    @Test
    void defaultsTalkToStripeWithBoundedTimeoutsAndAFewRetries() {
        StripeSettings settings = StripeSettings.of(new StripeSecretKey(TEST));

        assertEquals(URI.create("https://api.stripe.com"), settings.apiBase());
        assertEquals(Duration.ofSeconds(2), settings.connectTimeout());
        assertEquals(Duration.ofSeconds(5), settings.readTimeout());
        assertEquals(2, settings.maxNetworkRetries());
    }

    @Test
    void theApiBaseMustBeAnAbsoluteHttpUrl() {
        StripeSettings settings = StripeSettings.of(new StripeSecretKey(TEST));

        assertThrows(IllegalArgumentException.class, () -> settings.withApiBase(URI.create("localhost:12111")));
        assertEquals("http://127.0.0.1:12111",
                settings.withApiBase(URI.create("http://127.0.0.1:12111/")).apiBaseWithoutTrailingSlash());
    }

    @Test
    void failureDetailsHaveKeysAndSecretsBlankedOut() {
        String redacted = SecretRedaction.redact("Invalid API Key provided: " + LIVE
                + " secret pi_123_secret_abc whsec_xyz");

        assertFalse(redacted.contains("LLLL"), redacted);
        assertFalse(redacted.contains("secret_abc"), redacted);
        assertFalse(redacted.contains("whsec_xyz"), redacted);
    }
}
