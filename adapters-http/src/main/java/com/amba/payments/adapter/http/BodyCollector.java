package com.amba.payments.adapter.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a request body into memory up to a limit, and no further: past the limit the rest is discarded as it
 * arrives and the route goes on at once, told that the body was too large. Unlike Vert.x's BodyHandler it never
 * answers on its own (an oversized create must still fail the key checks first, SPEC §4).
 */
final class BodyCollector {

    /** What a route got: up to the limit's worth of bytes, and whether there was more. */
    record Collected(byte[] bytes, boolean tooLarge) {}

    private static final String KEY = "amba.body";

    private final int limitBytes;

    BodyCollector(int limitBytes) {
        this.limitBytes = limitBytes;
    }

    void collect(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.isEnded()) {
            proceed(ctx, new Collected(new byte[0], false));
            return;
        }
        if (declaredLength(request) > limitBytes) {
            request.handler(ignored -> { });
            request.endHandler(ignored -> { });
            proceed(ctx, new Collected(new byte[0], true));
            return;
        }
        Buffer body = Buffer.buffer();
        boolean[] overflowed = {false};
        request.handler(chunk -> {
            if (overflowed[0]) {
                return;
            }
            if (body.length() + chunk.length() > limitBytes) {
                overflowed[0] = true;
                proceed(ctx, new Collected(new byte[0], true));
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ignored -> {
            if (!overflowed[0]) {
                proceed(ctx, new Collected(body.getBytes(), false));
            }
        });
        request.resume();
    }

    static Collected of(RoutingContext ctx) {
        Collected collected = ctx.get(KEY);
        return collected == null ? new Collected(new byte[0], false) : collected;
    }

    private static void proceed(RoutingContext ctx, Collected collected) {
        ctx.put(KEY, collected);
        ctx.next();
    }

    private static long declaredLength(HttpServerRequest request) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
