package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.StoreUnavailable;
import io.vertx.core.AsyncResult;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Writes answers: a use case's result in the success or error envelope, or a failure as a 500. */
final class Replies {

    private static final System.Logger LOG = System.getLogger(Replies.class.getName());

    private Replies() {
    }

    /** {@code {"data": render(value)}} on success; the error envelope otherwise. */
    static <T> void result(RoutingContext ctx, AsyncResult<Result<T, PaymentError>> outcome,
                           Function<T, JsonObject> render) {
        envelope(ctx, outcome, value -> new JsonObject().put("data", render.apply(value)));
    }

    /** The whole envelope is built by {@code render} (lists carry has_more beside data). */
    static <T> void envelope(RoutingContext ctx, AsyncResult<Result<T, PaymentError>> outcome,
                             Function<T, JsonObject> render) {
        if (outcome.failed()) {
            internalError(ctx, outcome.cause());
            return;
        }
        try {
            switch (outcome.result()) {
                case Result.Ok<T, PaymentError> ok -> json(ctx, 200, render.apply(ok.value()));
                case Result.Err<T, PaymentError> err -> ErrorResponses.send(ctx, err.error());
            }
        } catch (RuntimeException e) {
            internalError(ctx, e);
        }
    }

    static void json(RoutingContext ctx, int status, JsonObject body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.encode());
    }

    /** A store outage that escaped a use case is still only an outage: 503, retry. Anything else is a bug. */
    static void internalError(RoutingContext ctx, Throwable cause) {
        if (cause instanceof StoreUnavailable) {
            LOG.log(System.Logger.Level.WARNING, "request " + RequestIds.of(ctx) + ": a store was unavailable");
            ErrorResponses.send(ctx, new PaymentError.ControlPlaneUnavailable());
            return;
        }
        LOG.log(System.Logger.Level.ERROR, "request " + RequestIds.of(ctx) + " failed: " + cause.getClass().getName(),
                cause);
        ErrorResponses.send(ctx, 500, "INTERNAL_ERROR", "something went wrong on our side; the request id names it");
    }
}
