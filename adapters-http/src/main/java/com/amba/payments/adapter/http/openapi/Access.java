package com.amba.payments.adapter.http.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Who may call an operation, as OpenAPI security requirements. */
public enum Access {
    /** No credential: health, metrics, the description itself, provider webhooks (signed instead). */
    PUBLIC,
    /** A server key of the project ({@code amba_sk_…}). */
    SERVER_KEY,
    /** A server or a client key of the project. */
    ANY_KEY,
    /** The platform owner's bearer token. */
    ADMIN;

    static final String API_KEY_SCHEME = "apiKey";
    static final String ADMIN_SCHEME = "adminToken";

    JsonArray requirement() {
        return switch (this) {
            case PUBLIC -> new JsonArray();
            case SERVER_KEY, ANY_KEY -> new JsonArray().add(new JsonObject().put(API_KEY_SCHEME, new JsonArray()));
            case ADMIN -> new JsonArray().add(new JsonObject().put(ADMIN_SCHEME, new JsonArray()));
        };
    }
}
