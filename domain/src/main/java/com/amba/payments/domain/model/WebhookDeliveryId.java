package com.amba.payments.domain.model;

import java.util.Objects;

/** One event on its way to one endpoint ({@code wd_…}). Not a secret. */
public record WebhookDeliveryId(String value) {
    public WebhookDeliveryId {
        Objects.requireNonNull(value, "delivery id");
    }

    @Override
    public String toString() {
        return value;
    }
}
