package com.amba.payments.adapter.http;

import com.amba.payments.domain.port.in.OperateSandbox;
import com.amba.payments.domain.port.in.OperateSandbox.IntentAction;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Dev mode only: move a sandbox intent or account along as a customer and Stripe would (SPEC §9). */
final class SandboxRoutes {

    private static final String ACTIONS = Arrays.stream(IntentAction.values())
            .map(IntentAction::wireName).collect(Collectors.joining(", "));

    private final OperateSandbox sandbox;
    private final UseCaseThreads threads;

    SandboxRoutes(OperateSandbox sandbox, UseCaseThreads threads) {
        this.sandbox = sandbox;
        this.threads = threads;
    }

    void register(Router router) {
        Routes.on(router, HttpMethod.POST, "/sandbox/payments/:payment_id/:action").handler(this::act);
        Routes.on(router, HttpMethod.POST, "/sandbox/accounts/:account_id/complete_onboarding")
                .handler(this::completeOnboarding);
    }

    private void act(RoutingContext ctx) {
        String paymentId = ctx.pathParam("payment_id");
        Optional<IntentAction> action = IntentAction.fromWireName(ctx.pathParam("action"));
        if (action.isEmpty()) {
            ErrorResponses.send(ctx, 404, "NOT_FOUND", "no such sandbox action; use one of " + ACTIONS);
            return;
        }
        threads.call(() -> sandbox.act(paymentId, action.get()))
                .onComplete(outcome -> Replies.result(ctx, outcome, AdminJson::intent));
    }

    private void completeOnboarding(RoutingContext ctx) {
        String accountId = ctx.pathParam("account_id");
        threads.call(() -> sandbox.completeOnboarding(accountId))
                .onComplete(outcome -> Replies.result(ctx, outcome, AdminJson::account));
    }
}
