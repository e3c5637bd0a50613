package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.IdempotencyKey;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.port.in.CreatePayment;
import com.amba.payments.domain.port.in.ReadPaymentStanding;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The client API a project's backend (and, for reads, its app) calls with {@code X-Api-Key}. The key, its kind,
 * the platform switch and the body are all judged by the domain, in that order (SPEC §4): this class only hands
 * over what arrived.
 */
final class ClientRoutes {

    static final String API_KEY = "X-Api-Key";

    private final CreatePayment createPayment;
    private final ReadPaymentStanding readPayment;
    private final UseCaseThreads threads;

    ClientRoutes(CreatePayment createPayment, ReadPaymentStanding readPayment, UseCaseThreads threads) {
        this.createPayment = createPayment;
        this.readPayment = readPayment;
        this.threads = threads;
    }

    void register(Router router, BodyCollector bodies) {
        Routes.on(router, HttpMethod.POST, "/client/payments/intents").handler(bodies::collect).handler(this::create);
        Routes.on(router, HttpMethod.GET, "/client/payments/intents/:id").handler(this::read);
    }

    private void create(RoutingContext ctx) {
        Optional<String> apiKey = Routes.header(ctx, API_KEY);
        Optional<String> idempotencyKey = Routes.header(ctx, IdempotencyKey.HEADER);
        RequestBody body = Routes.body(ctx);
        threads.call(() -> createPayment.create(apiKey, idempotencyKey, body))
                .onComplete(outcome -> Replies.result(ctx, outcome, PaymentJson::created));
    }

    private void read(RoutingContext ctx) {
        Optional<String> apiKey = Routes.header(ctx, API_KEY);
        String paymentId = ctx.pathParam("id");
        threads.call(() -> readPayment.readStanding(apiKey, paymentId))
                .onComplete(outcome -> Replies.result(ctx, outcome, PaymentJson::standing));
    }
}
