package com.amba.payments.domain.model;

/** A freshly made key: the only moment the secret exists outside the caller's hands. */
public record IssuedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[" + key.id() + ", " + key.kind() + "]";
    }
}
