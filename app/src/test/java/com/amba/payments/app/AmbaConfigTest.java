package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration from the environment: dev needs nothing, production names everything it misses. */
class AmbaConfigTest {

    @Test
    void noVariablesAtAllIsDevModeOnPort8080WithTheSandbox() throws Exception {
        AmbaConfig config = AmbaConfig.fromEnvironment(Map.of());
        assertEquals(AmbaConfig.Mode.DEV, config.mode());
        assertEquals(8080, config.httpPort());
        assertTrue(config.usesSandbox());
        assertEquals(java.time.Duration.ofMinutes(10), config.reconcileAfter());
        assertEquals(java.time.Duration.ofSeconds(45),
                AmbaConfig.fromEnvironment(Map.of("AMBA_RECONCILE_AFTER_SECONDS", "45")).reconcileAfter());
    }

    @Test
    void productionNamesEachMissingVariable() {
        AmbaConfig.Invalid invalid = assertThrows(AmbaConfig.Invalid.class,
                () -> AmbaConfig.fromEnvironment(Map.of("AMBA_MODE", "production",
                        "AMBA_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/amba")));
        String problems = String.join("\n", invalid.problems());
        for (String name : new String[] {"AMBA_KAFKA_BOOTSTRAP_SERVERS", "AMBA_STRIPE_SECRET_KEY",
            "AMBA_STRIPE_WEBHOOK_SECRET", "AMBA_ADMIN_TOKEN"}) {
            assertTrue(problems.contains(name), () -> name + " missing from " + problems);
        }
        assertFalse(problems.contains("AMBA_DATABASE_URL"), "a variable that is set is not named");
        assertEquals(4, invalid.problems().size());
    }

    @Test
    void productionWithEverythingSetIsAccepted() throws Exception {
        AmbaConfig config = AmbaConfig.fromEnvironment(Map.of("AMBA_MODE", "production",
                "AMBA_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/amba",
                "AMBA_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092", "AMBA_STRIPE_SECRET_KEY", "sk_live_x",
                "AMBA_STRIPE_WEBHOOK_SECRET", "whsec_x", "AMBA_ADMIN_TOKEN", "t0ken", "AMBA_HTTP_PORT", "9000"));
        assertEquals(AmbaConfig.Mode.PRODUCTION, config.mode());
        assertEquals(9000, config.httpPort());
        assertFalse(config.toString().contains("sk_live_x"), "secrets never printed");
        assertFalse(config.toString().contains("t0ken"));
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        AmbaConfig.Invalid invalid = assertThrows(AmbaConfig.Invalid.class, () -> AmbaConfig.fromEnvironment(Map.of(
                "AMBA_MODE", "staging", "AMBA_HTTP_PORT", "eighty", "AMBA_DATABASE_URL", "mysql://x",
                "AMBA_STRIPE_API_BASE", "ftp://stripe", "AMBA_RECONCILE_AFTER_SECONDS", "-5",
                "AMBA_STRIPE_ONBOARDING_RETURN_URL", "/relative/page")));
        String problems = String.join("\n", invalid.problems());
        for (String name : new String[] {"AMBA_MODE", "AMBA_HTTP_PORT", "AMBA_DATABASE_URL", "AMBA_STRIPE_API_BASE",
            "AMBA_RECONCILE_AFTER_SECONDS", "AMBA_STRIPE_ONBOARDING_RETURN_URL"}) {
            assertTrue(problems.contains(name), () -> name + " missing from " + problems);
        }
    }

    @Test
    void capacityDefaultsToOneHttpInstancePerCoreAndCanBeSet() throws Exception {
        AmbaConfig.Capacity defaults = AmbaConfig.fromEnvironment(Map.of()).capacity();
        assertEquals(Runtime.getRuntime().availableProcessors(), defaults.httpInstances());
        assertEquals(AmbaConfig.Capacity.DEFAULT_MAX_CREATES_IN_FLIGHT, defaults.maxCreatesInFlight());
        AmbaConfig.Capacity set = AmbaConfig.fromEnvironment(Map.of("AMBA_HTTP_INSTANCES", "3",
                "AMBA_MAX_CREATES_IN_FLIGHT", "40")).capacity();
        assertEquals(new AmbaConfig.Capacity(3, 40), set);
        AmbaConfig.Invalid invalid = assertThrows(AmbaConfig.Invalid.class, () -> AmbaConfig.fromEnvironment(Map.of(
                "AMBA_HTTP_INSTANCES", "0", "AMBA_MAX_CREATES_IN_FLIGHT", "many")));
        String problems = String.join("\n", invalid.problems());
        assertTrue(problems.contains("AMBA_HTTP_INSTANCES"), problems);
        assertTrue(problems.contains("AMBA_MAX_CREATES_IN_FLIGHT"), problems);
    }

    @Test
    void admissionIsAdaptiveUnlessSetToFixed() throws Exception {
        assertEquals(AmbaConfig.Admission.ADAPTIVE, AmbaConfig.fromEnvironment(Map.of()).capacity().admission());
        assertEquals(AmbaConfig.Admission.FIXED, AmbaConfig.fromEnvironment(Map.of("AMBA_CREATE_ADMISSION", "fixed",
                "AMBA_MAX_CREATES_IN_FLIGHT", "2")).capacity().admission(), "a fixed limit may be as small as 1");
        String unknown = String.join("\n", assertThrows(AmbaConfig.Invalid.class, () -> AmbaConfig.fromEnvironment(
                Map.of("AMBA_CREATE_ADMISSION", "clever"))).problems());
        assertTrue(unknown.contains("AMBA_CREATE_ADMISSION must be adaptive or fixed"), unknown);
        String tooFew = String.join("\n", assertThrows(AmbaConfig.Invalid.class, () -> AmbaConfig.fromEnvironment(
                Map.of("AMBA_MAX_CREATES_IN_FLIGHT", "16"))).problems());
        assertTrue(tooFew.contains("AMBA_MAX_CREATES_IN_FLIGHT must be at least 32 with adaptive admission"), tooFew);
    }

    @Test
    void aDatabasePasswordOfItsOwnGoesIntoAUrlWithoutOneEncoded() throws AmbaConfig.Invalid {
        AmbaConfig config = AmbaConfig.fromEnvironment(Map.of("AMBA_DATABASE_URL",
                "postgresql://amba@db.internal:5432/amba?sslmode=verify-full", "AMBA_DATABASE_PASSWORD", "p@ss w:rd"));
        assertEquals("postgresql://amba:p%40ss%20w%3Ard@db.internal:5432/amba?sslmode=verify-full",
                config.databaseUrl().orElseThrow());
        assertFalse(config.toString().contains("p@ss"), config::toString);
        AmbaConfig inUrl = AmbaConfig.fromEnvironment(Map.of("AMBA_DATABASE_URL",
                "postgresql://amba:fromurl@db/amba", "AMBA_DATABASE_PASSWORD", "ignored"));
        assertEquals("postgresql://amba:fromurl@db/amba", inUrl.databaseUrl().orElseThrow(), "the URL's own wins");
        AmbaConfig.Invalid alone = assertThrows(AmbaConfig.Invalid.class,
                () -> AmbaConfig.fromEnvironment(Map.of("AMBA_DATABASE_PASSWORD", "secret")));
        assertTrue(alone.getMessage().contains("AMBA_DATABASE_URL is not"), alone::getMessage);
        assertFalse(alone.getMessage().contains("secret"));
    }

    @Test
    void kafkaSecuritySettingsPassThroughAndNothingElseDoes() throws AmbaConfig.Invalid {
        AmbaConfig config = AmbaConfig.fromEnvironment(Map.of("AMBA_KAFKA_BOOTSTRAP_SERVERS", "kafka:9093",
                "AMBA_KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "AMBA_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "AMBA_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"amba\" password=\"kafka-secret\";",
                "AMBA_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/amba/kafka.jks", "AMBA_KAFKA_ACKS", "1"));
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"amba\""
                        + " password=\"kafka-secret\";", "ssl.truststore.location", "/etc/amba/kafka.jks"),
                config.kafkaClientProperties());
        assertFalse(config.toString().contains("kafka-secret"), config::toString);
        AmbaConfig.Invalid orphan = assertThrows(AmbaConfig.Invalid.class,
                () -> AmbaConfig.fromEnvironment(Map.of("AMBA_KAFKA_SECURITY_PROTOCOL", "SSL")));
        assertTrue(orphan.getMessage().contains("security.protocol"), orphan::getMessage);
    }
}
