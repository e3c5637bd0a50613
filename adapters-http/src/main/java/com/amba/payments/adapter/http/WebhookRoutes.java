package com.amba.payments.adapter.http;

import com.amba.payments.domain.port.in.ReceiveProviderWebhook;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * Stripe's webhook endpoint: the raw bytes and the Stripe-Signature header go to the domain untouched (the
 * signature covers the exact bytes). 200 only once the event is handed off; 503 with Retry-After otherwise.
 */
final class WebhookRoutes {

    static final String SIGNATURE = "Stripe-Signature";
    /** Stripe's events are a few KiB; a megabyte is far beyond any genuine one. */
    static final int LIMIT_BYTES = 1024 * 1024;

    private final ReceiveProviderWebhook webhooks;
    private final UseCaseThreads threads;

    WebhookRoutes(ReceiveProviderWebhook webhooks, UseCaseThreads threads) {
        this.webhooks = webhooks;
        this.threads = threads;
    }

    void register(Router router) {
        BodyCollector bodies = new BodyCollector(LIMIT_BYTES);
        Routes.on(router, HttpMethod.POST, "/webhooks/stripe").handler(bodies::collect).handler(this::receive);
    }

    private void receive(RoutingContext ctx) {
        BodyCollector.Collected body = BodyCollector.of(ctx);
        if (body.tooLarge()) {
            ErrorResponses.send(ctx, 413, "BODY_TOO_LARGE", "a webhook body must be at most 1 MiB");
            return;
        }
        Optional<String> signature = Routes.header(ctx, SIGNATURE);
        threads.call(() -> webhooks.receive(body.bytes(), signature))
                .onComplete(outcome -> Replies.result(ctx, outcome,
                        acknowledgement -> new JsonObject()
                                .put("received", true)
                                .put("handled", acknowledgement == ReceiveProviderWebhook.Acknowledgement.HANDED_OFF)));
    }
}
