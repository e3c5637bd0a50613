package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.RequestBody;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Small helpers the route classes share. */
final class Routes {

    private Routes() {
    }

    /** A route already named for the access log and the metrics. */
    static Route on(Router router, HttpMethod method, String path) {
        return router.route(method, path).handler(AccessLog.named(path));
    }

    static Optional<String> header(RoutingContext ctx, CharSequence name) {
        return Optional.ofNullable(ctx.request().getHeader(name));
    }

    /** The collected body as the domain reads it (see {@link RequestBodyReader}). */
    static RequestBody body(RoutingContext ctx) {
        BodyCollector.Collected collected = BodyCollector.of(ctx);
        return RequestBodyReader.read(header(ctx, HttpHeaders.CONTENT_TYPE), collected.bytes(), collected.tooLarge());
    }
}
