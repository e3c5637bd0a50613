package com.amba.payments.adapter.stripe.localstripe;

import com.google.gson.JsonObject;

/**
 * What the API answers to one request. {@code saved} says whether Stripe would keep it for the request's
 * idempotency key: only once an endpoint started executing, never for a request that failed validation.
 */
record Answer(int status, JsonObject body, boolean saved) {

    static Answer ok(JsonObject object) {
        return new Answer(200, object, true);
    }

    /** An error raised while executing: saved, so replaying the key replays the error (as Stripe does). */
    static Answer executedError(int status, String type, String code, String message, String param) {
        return new Answer(status, errorBody(type, code, message, param), true);
    }

    /** A request refused before any endpoint ran: not saved, the same key may be used again. */
    static Answer rejected(int status, String type, String code, String message, String param) {
        return new Answer(status, errorBody(type, code, message, param), false);
    }

    static JsonObject errorBody(String type, String code, String message, String param) {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        if (code != null) {
            error.addProperty("code", code);
            error.addProperty("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.addProperty("message", message);
        if (param != null) {
            error.addProperty("param", param);
        }
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body;
    }
}
