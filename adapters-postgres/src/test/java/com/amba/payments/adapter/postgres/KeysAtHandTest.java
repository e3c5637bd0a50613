package com.amba.payments.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.KeyHash;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the cached control plane hands out without asking the database (a read answered from the event loop relies
 * on it): only a key it read while listening, since the last change it heard, and younger than its age bound.
 */
class KeysAtHandTest {

    private static final Duration MAX_AGE = Duration.ofMillis(300);

    private static OpenStore open;
    private static StoreFixture fixture;

    @BeforeAll
    static void openStore() {
        open = OpenStore.open();
        fixture = StoreFixture.readyProject(open.store().controlPlane());
    }

    @AfterAll
    static void closeStore() {
        open.close();
    }

    @Test
    void aKeyIsAtHandOnlyOnceReadWhileListening() {
        CachedControlPlane cache = new CachedControlPlane(open.store().controlPlane(), MAX_AGE);
        KeyHash hash = KeyHash.of(fixture.serverKey());

        cache.apiKeyByHash(hash);
        assertEquals(Optional.empty(), cache.apiKeyAtHand(hash), "read while not listening: not kept");

        cache.listening(true);
        assertEquals(Optional.empty(), cache.apiKeyAtHand(hash), "not read since");
        ApiKey read = cache.apiKeyByHash(hash).orElseThrow();
        assertEquals(Optional.of(read), cache.apiKeyAtHand(hash));
        assertEquals(Optional.empty(), cache.apiKeyAtHand(KeyHash.of("amba_sk_never_issued")));
    }

    @Test
    void aChangeHeardOrAConnectionLostOrTheAgeBoundPassedPutsItOutOfHand() throws InterruptedException {
        CachedControlPlane cache = new CachedControlPlane(open.store().controlPlane(), MAX_AGE);
        KeyHash hash = KeyHash.of(fixture.serverKey());
        cache.listening(true);

        cache.apiKeyByHash(hash);
        cache.changed();
        assertEquals(Optional.empty(), cache.apiKeyAtHand(hash), "after a change heard");

        cache.apiKeyByHash(hash);
        cache.listening(false);
        assertEquals(Optional.empty(), cache.apiKeyAtHand(hash), "while not listening");

        cache.listening(true);
        cache.apiKeyByHash(hash);
        Thread.sleep(MAX_AGE.toMillis() + 50);
        assertFalse(cache.apiKeyAtHand(hash).isPresent(), "older than the age bound");
    }
}
