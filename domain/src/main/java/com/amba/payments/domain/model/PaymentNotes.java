package com.amba.payments.domain.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller writes on a payment for their own use: metadata and a description. Amba stores them with the
 * payment, answers them on reads, passes them to the provider intent and tells them in the payment's events,
 * and never decides anything by them. Set at the create; never changed afterwards.
 */
public record PaymentNotes(Metadata metadata, Optional<Description> description) {

    public static final PaymentNotes NONE = new PaymentNotes(Metadata.NONE, Optional.empty());

    public PaymentNotes {
        Objects.requireNonNull(metadata);
        Objects.requireNonNull(description);
    }

    public static PaymentNotes of(Map<String, String> metadata, Optional<String> description) {
        return new PaymentNotes(Metadata.of(metadata), description.map(Description::new));
    }

    public boolean isEmpty() {
        return metadata.isEmpty() && description.isEmpty();
    }

    /**
     * A digest of the notes for a request fingerprint: equal notes give equal digests, and any change of a key,
     * a value or the description gives another. Each text is written with its length, so no choice of
     * characters can make two different sets of notes read alike.
     */
    public String digest() {
        StringBuilder canonical = new StringBuilder();
        metadata.entries().forEach((key, value) -> canonical.append(key.length()).append(':').append(key)
                .append(value.length()).append(':').append(value));
        canonical.append('|');
        description.ifPresent(d -> canonical.append(d.value().length()).append(':').append(d.value()));
        return java.util.HexFormat.of().formatHex(KeyHash.sha256(canonical.toString()));
    }
}
