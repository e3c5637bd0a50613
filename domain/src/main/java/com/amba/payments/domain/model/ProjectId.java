package com.amba.payments.domain.model;

import java.util.Objects;

/** A project: an app built on Amba, the seller of its payments. */
public record ProjectId(String value) {
    public ProjectId {
        Objects.requireNonNull(value, "project id");
    }

    @Override
    public String toString() {
        return value;
    }
}
