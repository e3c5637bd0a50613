package com.amba.payments.domain.model;

import java.util.Objects;

/** The credential an app confirms a payment with. Printing it never shows it. */
public record ClientSecret(String value) {
    public ClientSecret {
        Objects.requireNonNull(value, "client secret");
    }

    @Override
    public String toString() {
        return "ClientSecret[redacted]";
    }
}
