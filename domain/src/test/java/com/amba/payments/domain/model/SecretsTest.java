package com.amba.payments.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Keys, tokens and client secrets: compared safely, never printed. */
class SecretsTest {

    private static final String KEY = "amba_sk_abcdefghijklmnopqrstuvwxyz012345";

    @Test
    void aKeyHashIsTheSha256OfTheKeyInHex() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", KeyHash.of("").hex());
        assertEquals(64, KeyHash.of(KEY).hex().length());
    }

    @Test
    void theSameKeyHashesTheSameAndAnotherKeyDoesNot() {
        assertTrue(KeyHash.of(KEY).matches(KeyHash.of(KEY)));
        assertEquals(KeyHash.of(KEY), KeyHash.of(KEY));
        assertFalse(KeyHash.of(KEY).matches(KeyHash.of(KEY + "x")));
        assertNotEquals(KeyHash.of(KEY), KeyHash.of(KEY + "x"));
    }

    @Test
    void aKeyHashPrintsOnlyAPrefix() {
        KeyHash hash = KeyHash.of(KEY);

        assertFalse(hash.toString().contains(hash.hex()));
    }

    @Test
    void aKeyHashHasSixtyFourDigits() {
        assertThrows(IllegalArgumentException.class, () -> new KeyHash("abc"));
    }

    @Test
    void theAdminTokenAdmitsOnlyItself() {
        AdminToken token = new AdminToken("s3cret-token");

        assertTrue(token.admits(Optional.of("s3cret-token")));
        assertFalse(token.admits(Optional.of("s3cret-token ")));
        assertFalse(token.admits(Optional.of("")));
        assertFalse(token.admits(Optional.empty()));
    }

    @Test
    void anEmptyAdminTokenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AdminToken(" "));
        assertThrows(IllegalArgumentException.class, () -> new AdminToken(null));
    }

    @Test
    void secretsNeverPrint() {
        assertFalse(new AdminToken("s3cret-token").toString().contains("s3cret"));
        assertFalse(new ClientSecret("pi_1_secret_abc").toString().contains("secret_abc"));
        IssuedApiKey issued = new IssuedApiKey(new ApiKey(new ApiKeyId("key_1"), new ProjectId("proj_1"),
                ApiKeyKind.SERVER, KeyHash.of(KEY), java.time.Instant.EPOCH, Optional.empty()), KEY);
        assertFalse(issued.toString().contains(KEY));
    }

    @Test
    void revokingKeepsTheFirstTime() {
        ApiKey key = new ApiKey(new ApiKeyId("key_1"), new ProjectId("proj_1"), ApiKeyKind.CLIENT, KeyHash.of(KEY),
                java.time.Instant.EPOCH, Optional.empty());

        ApiKey twice = key.revoked(java.time.Instant.ofEpochSecond(10)).revoked(java.time.Instant.ofEpochSecond(20));

        assertEquals(Optional.of(java.time.Instant.ofEpochSecond(10)), twice.revokedAt());
        assertFalse(twice.isActive());
    }
}
