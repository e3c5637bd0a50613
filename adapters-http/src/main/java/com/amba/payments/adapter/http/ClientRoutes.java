package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.IdempotencyKey;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.AdmitCreate;
import com.amba.payments.domain.port.in.ReadPaymentStanding;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The client API a project's backend (and, for reads, its app) calls with {@code X-Api-Key}. The key, its kind,
 * the platform switch and the body are all judged by the domain, in that order (SPEC §4): this class only hands
 * over what arrived. The first of a create's checks, whether this instance takes on one more, is asked here on the
 * event loop, so a refusal is answered at once instead of after a thread has been found for it. A read whose key
 * this instance already holds is answered from the event loop too: it only waits for the ledger, without blocking.
 */
final class ClientRoutes {

    static final String API_KEY = "X-Api-Key";

    private final AdmitCreate creates;
    private final ReadPaymentStanding readPayment;
    private final UseCaseThreads threads;

    ClientRoutes(AdmitCreate creates, ReadPaymentStanding readPayment, UseCaseThreads threads) {
        this.creates = creates;
        this.readPayment = readPayment;
        this.threads = threads;
    }

    void register(Router router, BodyCollector bodies) {
        Routes.on(router, HttpMethod.POST, "/client/payments/intents").handler(bodies::collect).handler(this::create);
        Routes.on(router, HttpMethod.GET, "/client/payments/intents/:id").handler(this::read);
    }

    private void create(RoutingContext ctx) {
        Optional<AdmitCreate.AdmittedCreate> admitted = creates.tryAdmit();
        if (admitted.isEmpty()) {
            ErrorResponses.send(ctx, new PaymentError.Overloaded());
            return;
        }
        AdmitCreate.AdmittedCreate create = admitted.get();
        Optional<String> apiKey = Routes.header(ctx, API_KEY);
        Optional<String> idempotencyKey = Routes.header(ctx, IdempotencyKey.HEADER);
        RequestBody body = Routes.body(ctx);
        threads.call(() -> create.create(apiKey, idempotencyKey, body))
                .onFailure(notRunOrFailed -> create.giveBack())
                .onComplete(outcome -> Replies.result(ctx, outcome, PaymentJson::created));
    }

    /**
     * On the event loop when the key is at hand (nothing is then left to wait for but the ledger); otherwise on a
     * thread that may wait.
     */
    private void read(RoutingContext ctx) {
        Optional<String> apiKey = Routes.header(ctx, API_KEY);
        String paymentId = ctx.pathParam("id");
        readWithoutWaiting(apiKey, paymentId)
                .orElseGet(() -> threads.call(() -> readPayment.readStanding(apiKey, paymentId)))
                .onComplete(outcome -> Replies.result(ctx, outcome, PaymentJson::standing));
    }

    private Optional<Future<Result<PaymentStanding, PaymentError>>> readWithoutWaiting(
            Optional<String> apiKey, String paymentId) {
        try {
            return readPayment.readStandingWithoutWaiting(apiKey, paymentId)
                    .map(answer -> Future.fromCompletionStage(answer, Vertx.currentContext()));
        } catch (RuntimeException failed) {
            return Optional.of(Future.failedFuture(failed));
        }
    }
}
