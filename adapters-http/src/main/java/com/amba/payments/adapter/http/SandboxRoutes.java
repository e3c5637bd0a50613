package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.OperateSandbox;
import com.amba.payments.domain.model.DisputeStatus;
import com.amba.payments.domain.model.InputValue;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.port.in.OperateSandbox.IntentAction;
import com.amba.payments.domain.port.in.OperateSandbox.RefundAction;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Dev mode only: move a sandbox intent or account along as a customer and Stripe would (SPEC §9). */
final class SandboxRoutes {

    static final String ONBOARDING_PAGE = "/sandbox/accounts/:account_id/onboarding";
    private static final String ACTIONS = Arrays.stream(IntentAction.values())
            .map(IntentAction::wireName).collect(Collectors.joining(", "));

    private final OperateSandbox sandbox;
    private final UseCaseThreads threads;

    SandboxRoutes(OperateSandbox sandbox, UseCaseThreads threads) {
        this.sandbox = sandbox;
        this.threads = threads;
    }

    void register(Router router, BodyCollector bodies) {
        // Before the intent actions, so that "dispute" is not taken for one of them.
        Routes.on(router, HttpMethod.POST, "/sandbox/payments/:payment_id/dispute").handler(bodies::collect)
                .handler(this::dispute);
        Routes.on(router, HttpMethod.POST, "/sandbox/payments/:payment_id/:action").handler(this::act);
        Routes.on(router, HttpMethod.POST, "/sandbox/refunds/:refund_id/:action").handler(this::moveRefund);
        Routes.on(router, HttpMethod.POST, "/sandbox/accounts/:account_id/complete_onboarding")
                .handler(this::completeOnboarding);
        Routes.on(router, HttpMethod.GET, ONBOARDING_PAGE).handler(this::onboardingPage);
        Routes.on(router, HttpMethod.POST, ONBOARDING_PAGE).handler(this::finishOnboardingFromThePage);
    }

    /** Like Stripe's test-mode onboarding: a page with one button, so the link the Admin API gives can be opened. */
    private void onboardingPage(RoutingContext ctx) {
        String accountId = ctx.pathParam("account_id");
        threads.call(() -> sandbox.isAccount(accountId)).onComplete(known -> {
            if (known.failed()) {
                Replies.internalError(ctx, known.cause());
            } else if (!known.result()) {
                HtmlPage.send(ctx, 404, "Unknown account", "<p>The sandbox has no account "
                        + HtmlPage.escape(accountId) + ".</p>");
            } else {
                HtmlPage.send(ctx, 200, "Sandbox onboarding", "<p>Account <code>" + HtmlPage.escape(accountId)
                        + "</code>. In the sandbox there are no details to fill in: finishing sets charges_enabled and"
                        + " sends account.updated, as Stripe would.</p>\n<form method=\"post\"><button type=\"submit\">"
                        + "Finish onboarding</button></form>");
            }
        });
    }

    /** The page's button: finish onboarding, then go where Stripe would, the platform's return page. */
    private void finishOnboardingFromThePage(RoutingContext ctx) {
        String accountId = ctx.pathParam("account_id");
        threads.call(() -> sandbox.completeOnboarding(accountId)).onComplete(outcome -> {
            if (outcome.failed()) {
                Replies.internalError(ctx, outcome.cause());
                return;
            }
            switch (outcome.result()) {
                case Result.Ok<ConnectedAccount, PaymentError> ok ->
                        HtmlPage.redirect(ctx, 303, OnboardingRoutes.returnPageOf(ok.value().id().value()));
                case Result.Err<ConnectedAccount, PaymentError> err -> HtmlPage.send(ctx,
                        ErrorResponses.status(err.error()), "Not finished",
                        "<p>" + HtmlPage.escape(err.error().code() + ": " + err.error().message()) + "</p>");
            }
        });
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

    /** Body optional: {@code {"status": "needs_response"|"under_review"|"won"|"lost"}}, needs_response if absent. */
    private void dispute(RoutingContext ctx) {
        String paymentId = ctx.pathParam("payment_id");
        Optional<DisputeStatus> status = disputeStatusOf(Routes.body(ctx));
        if (status.isEmpty() || status.get() == DisputeStatus.NONE) {
            ErrorResponses.send(ctx, 400, "INVALID_BODY",
                    "send no body, or {\"status\": \"needs_response\"|\"under_review\"|\"won\"|\"lost\"}");
            return;
        }
        threads.call(() -> sandbox.dispute(paymentId, status.get()))
                .onComplete(outcome -> Replies.result(ctx, outcome,
                        moved -> new JsonObject().put("payment_id", paymentId).put("dispute_status", moved.wireName())));
    }

    private static Optional<DisputeStatus> disputeStatusOf(RequestBody body) {
        return switch (body) {
            case RequestBody.Empty empty -> Optional.of(DisputeStatus.NEEDS_RESPONSE);
            case RequestBody.Unreadable unreadable -> Optional.empty();
            case RequestBody.Fields fields -> fields.values().size() == 1
                    && fields.values().get("status") instanceof InputValue.Text text
                    ? DisputeStatus.fromWireName(text.value()) : Optional.empty();
        };
    }

    private void moveRefund(RoutingContext ctx) {
        String refundId = ctx.pathParam("refund_id");
        Optional<RefundAction> action = RefundAction.fromWireName(ctx.pathParam("action"));
        if (action.isEmpty()) {
            ErrorResponses.send(ctx, 404, "NOT_FOUND", "no such sandbox refund action; use succeed or fail");
            return;
        }
        threads.call(() -> sandbox.moveRefund(refundId, action.get()))
                .onComplete(outcome -> Replies.result(ctx, outcome, refund -> new JsonObject()
                        .put("refund_id", refund.id().value()).put("payment_id", refund.paymentId().value())
                        .put("status", refund.status().wireName()).put("amount", refund.amount().minor())));
    }

    private void completeOnboarding(RoutingContext ctx) {
        String accountId = ctx.pathParam("account_id");
        threads.call(() -> sandbox.completeOnboarding(accountId))
                .onComplete(outcome -> Replies.result(ctx, outcome, AdminJson::account));
    }
}
