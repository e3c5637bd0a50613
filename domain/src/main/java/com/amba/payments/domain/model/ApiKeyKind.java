package com.amba.payments.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** Server keys may move money; client keys may only read. */
public enum ApiKeyKind {
    SERVER("server", "amba_sk_"),
    CLIENT("client", "amba_pk_");

    private final String wireName;
    private final String prefix;

    ApiKeyKind(String wireName, String prefix) {
        this.wireName = wireName;
        this.prefix = prefix;
    }

    public String wireName() {
        return wireName;
    }

    /** Keys start with a prefix that says their kind, so a leaked key is easy to scan for. */
    public String prefix() {
        return prefix;
    }

    public static Optional<ApiKeyKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
    }
}
