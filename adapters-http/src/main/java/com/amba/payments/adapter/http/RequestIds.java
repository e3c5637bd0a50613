package com.amba.payments.adapter.http;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        return offered != null && SANE.matcher(offered).matches() ? offered : "req_" + freshUuid();
    }

    /**
     * A random (version 4) UUID from the thread's own generator. A request id needs to be unique, not secret, and
     * {@code UUID.randomUUID()} takes the JVM-wide SecureRandom's lock on the event loop: JFR showed an event loop
     * blocked 68 ms on it behind a use case's virtual thread making a payment id.
     */
    private static UUID freshUuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    static String of(RoutingContext ctx) {
        String id = ctx.get(KEY);
        return id == null ? "" : id;
    }
}
