package com.amba.payments.domain.model;

import java.util.Objects;

/** The provider's id of one event ({@code evt_…}); the same id twice is the same event. */
public record ProviderEventId(String value) {
    public ProviderEventId {
        Objects.requireNonNull(value, "event id");
    }

    @Override
    public String toString() {
        return value;
    }
}
