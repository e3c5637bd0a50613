package com.amba.payments.app.stripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.stripe.StripePaymentProvider;
import com.amba.payments.adapter.stripe.StripeSecretKey;
import com.amba.payments.adapter.stripe.StripeSettings;
import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.Parts;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.DevAmba;
import com.amba.payments.app.http.LogCapture;
import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Stripe refusing Amba's own key is a configuration problem: 502 to the caller, a loud log line, never the key. */
class MisconfiguredStripeTest {

    @Test
    void aKeyStripeRefusesAnswers502AndLogsTheConfigurationProblemWithoutTheKey() {
        try (LogCapture log = LogCapture.start(); LocalStripe stripe = LocalStripe.start()) {
            AmbaConfig config = new AmbaConfig(AmbaConfig.Mode.PRODUCTION, 0, Optional.of("admin-token-misconfigured"),
                    Optional.empty(), Optional.empty(), Optional.of(stripe.restrictedKey()),
                    Optional.of(stripe.apiBase().toString()), Optional.of(stripe.webhookSecret()),
                    AmbaConfig.DEFAULT_RECONCILE_AFTER, AmbaConfig.DEFAULT_ORPHAN_GRACE, Optional.empty(), Optional.empty(),
                    AmbaConfig.Capacity.defaults(), java.util.Map.of());
            Parts parts = DevAmba.partsFor(config);
            StripeSettings refused = StripeSettings.of(new StripeSecretKey(stripe.restrictedKey()))
                    .withApiBase(stripe.apiBase());
            parts = parts.withProvider(new StripePaymentProvider(refused), Optional.empty());
            String serverKey = readyProject(parts, stripe.createReadyAccount());
            try (RunningAmba amba = Amba.start(config, parts)) {
                Api api = new Api(amba.port());
                Api.Answer create = api.createPayment(serverKey, "{\"amount\": 1999, \"currency\": \"usd\"}");
                assertEquals(502, create.status(), create::toString);
                assertEquals("PAYMENT_PROVIDER_UNAVAILABLE", create.errorCode());
                assertTrue(create.header("Retry-After").isPresent());
            }
            List<String> lines = log.lines();
            assertTrue(lines.stream().anyMatch(line -> line.contains("CONFIGURATION PROBLEM")),
                    () -> "a loud line naming the problem, in:\n" + String.join("", lines));
            List<String> leaks = lines.stream().filter(line -> line.contains(stripe.restrictedKey())).toList();
            assertTrue(leaks.isEmpty(), () -> "never the key, but:\n" + String.join("", leaks));
        }
    }

    /** A project set up straight in the control plane: the Admin API would need Stripe, which refuses us. */
    private static String readyProject(Parts parts, String account) {
        ProjectId id = new ProjectId("proj_misconfigured");
        parts.controlPlane().setPaymentsEnabled(true);
        parts.controlPlane().addProject(new Project(id, "Shop", Optional.empty(),
                Optional.of(new ConnectedAccount(new ConnectedAccountId(account), true)), Instant.now()));
        String secret = ApiKeyKind.SERVER.prefix() + "misconfiguredStripeKeyTest000001";
        parts.controlPlane().addApiKey(new ApiKey(new ApiKeyId("key_misconfigured"), id, ApiKeyKind.SERVER,
                KeyHash.of(secret), Instant.now(), Optional.empty()));
        parts.controlPlane().setPlatformDefaultFee(Optional.of(new com.amba.payments.domain.model.BasisPoints(100)));
        return secret;
    }
}
