package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.ProviderEvent;
import java.util.Optional;

/** Checks that a webhook really comes from the provider and reads it into Amba's words. */
public interface ProviderWebhooks {

    /** What a signed payload turned out to be. */
    sealed interface Verified {
        /** An event Amba acts on. */
        record Relevant(ProviderEvent event) implements Verified {}

        /** Genuine, but nothing for Amba: an unknown type, or the other mode (test vs live). Acknowledge it. */
        record Irrelevant(String why) implements Verified {}
    }

    /** Empty when the signature is missing, malformed, stale, from the future or does not match. */
    Optional<Verified> verify(byte[] rawBody, Optional<String> signatureHeader);
}
