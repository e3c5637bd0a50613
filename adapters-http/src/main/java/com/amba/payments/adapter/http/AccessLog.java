package com.amba.payments.adapter.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One JSON line per request (method, path, route, status, duration, request id) and its metrics. Never the
 * headers, the query string or a body: keys, tokens and client secrets travel there.
 */
final class AccessLog {

    static final String UNMATCHED = "unmatched";
    private static final String ROUTE_KEY = "amba.route";
    private static final System.Logger LOG = System.getLogger("com.amba.payments.adapter.http.access");

    private final HttpMetrics metrics;

    AccessLog(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Among the first handlers of every request: watches for the end of its answer. An answer counts once its last
     * byte is written; "aborted" is only a connection that closed before that. (Over HTTP/2, which the JDK's client
     * asks for with an h2c upgrade, the end handler fires only when the connection closes, and as a failure, so it
     * cannot be the only signal.)
     */
    void watch(RoutingContext ctx) {
        long started = System.nanoTime();
        AtomicBoolean counted = new AtomicBoolean();
        ctx.addBodyEndHandler(written -> {
            if (counted.compareAndSet(false, true)) {
                finished(ctx, started, true);
            }
        });
        ctx.addEndHandler(ended -> {
            if (counted.compareAndSet(false, true)) {
                finished(ctx, started, ended.succeeded() || ctx.response().ended());
            }
        });
        ctx.next();
    }

    /** The first handler of a route: names the route for the log and the metrics. */
    static Handler<RoutingContext> named(String template) {
        return ctx -> {
            ctx.put(ROUTE_KEY, template);
            ctx.next();
        };
    }

    private void finished(RoutingContext ctx, long started, boolean completed) {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String route = ctx.get(ROUTE_KEY) instanceof String template ? template : UNMATCHED;
        String method = ctx.request().method().name();
        int status = ctx.response().getStatusCode();
        String outcome = completed ? String.valueOf(status) : "aborted";
        metrics.record(method, route, outcome, took);
        if (LOG.isLoggable(System.Logger.Level.INFO)) {
            // The fields travel as they are: the service's JSON formatter puts them on its line without parsing a
            // string back; any other formatter fills in "{0}" with the object's JSON text.
            LOG.log(System.Logger.Level.INFO, STRUCTURED,
                    fields(method, ctx.request().path(), route, outcome, took, RequestIds.of(ctx)));
        }
    }

    /** The message of a structured event: its one parameter is the event's fields, a JsonObject. */
    static final String STRUCTURED = "{0}";

    static String line(String method, String path, String route, String status, Duration took, String requestId) {
        return fields(method, path, route, status, took, requestId).encode();
    }

    static JsonObject fields(String method, String path, String route, String status, Duration took,
                             String requestId) {
        return new JsonObject()
                .put("event", "http_request")
                .put("method", method)
                .put("path", path)
                .put("route", route)
                .put("status", status)
                .put("duration_ms", took.toNanos() / 1_000_000.0)
                .put("request_id", requestId);
    }
}
