package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.IdempotencyKey;
import com.amba.payments.domain.model.RequestBody;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The client API of SPEC §11: cancel a payment, refund it, list its refunds. As with the create, the domain
 * judges the key, its kind, the switch and the body in the contract's order; this class only hands over.
 */
final class MoneyBackRoutes {

    private final MoneyBackCalls calls;
    private final UseCaseThreads threads;

    MoneyBackRoutes(MoneyBackCalls calls, UseCaseThreads threads) {
        this.calls = calls;
        this.threads = threads;
    }

    void register(Router router, BodyCollector bodies) {
        Routes.on(router, HttpMethod.POST, "/client/payments/intents/:id/cancel").handler(bodies::collect)
                .handler(this::cancel);
        Routes.on(router, HttpMethod.POST, "/client/payments/intents/:id/refunds").handler(bodies::collect)
                .handler(this::refund);
        Routes.on(router, HttpMethod.GET, "/client/payments/intents/:id/refunds").handler(this::list);
    }

    private void cancel(RoutingContext ctx) {
        Optional<String> apiKey = Routes.header(ctx, ClientRoutes.API_KEY);
        String paymentId = ctx.pathParam("id");
        RequestBody body = Routes.body(ctx);
        threads.call(() -> calls.cancel().cancel(apiKey, paymentId, body))
                .onComplete(outcome -> Replies.result(ctx, outcome, PaymentJson::standing));
    }

    private void refund(RoutingContext ctx) {
        Optional<String> apiKey = Routes.header(ctx, ClientRoutes.API_KEY);
        String paymentId = ctx.pathParam("id");
        Optional<String> idempotencyKey = Routes.header(ctx, IdempotencyKey.HEADER);
        RequestBody body = Routes.body(ctx);
        threads.call(() -> calls.refunds().refund(apiKey, idempotencyKey, paymentId, body))
                .onComplete(outcome -> Replies.result(ctx, outcome, RefundJson::refund));
    }

    private void list(RoutingContext ctx) {
        Optional<String> apiKey = Routes.header(ctx, ClientRoutes.API_KEY);
        String paymentId = ctx.pathParam("id");
        threads.call(() -> calls.refunds().refunds(apiKey, paymentId))
                .onComplete(outcome -> Replies.envelope(ctx, outcome, RefundJson::list));
    }
}
