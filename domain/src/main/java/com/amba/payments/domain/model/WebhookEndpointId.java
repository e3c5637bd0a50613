package com.amba.payments.domain.model;

import java.util.Objects;

/** A project's webhook endpoint ({@code we_…}). Not a secret. */
public record WebhookEndpointId(String value) {
    public WebhookEndpointId {
        Objects.requireNonNull(value, "endpoint id");
    }

    @Override
    public String toString() {
        return value;
    }
}
