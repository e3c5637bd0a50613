package com.amba.payments.domain.model;

import java.util.Objects;

/** The public handle of an API key, used to revoke it. Not a secret. */
public record ApiKeyId(String value) {
    public ApiKeyId {
        Objects.requireNonNull(value, "key id");
    }

    @Override
    public String toString() {
        return value;
    }
}
