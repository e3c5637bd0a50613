package com.amba.payments.adapter.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an id: the caller's {@code X-Request-Id} when it is sane, else a fresh one. */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String KEY = "amba.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:/+=@-]{1,128}");

    private RequestIds() {
    }

    /** The first handler of every request: tags it and its response. */
    static void tag(RoutingContext ctx) {
        String id = chooseId(ctx.request().getHeader(HEADER));
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        ctx.next();
    }

    static String chooseId(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : "req_" + UUID.randomUUID();
    }

    static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "" : id;
    }
}
