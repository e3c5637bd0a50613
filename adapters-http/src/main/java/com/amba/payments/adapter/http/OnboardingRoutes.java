package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.AccountSetup;
import com.amba.payments.domain.port.in.OnboardingPages;
import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Where Stripe's hosted onboarding sends the project owner's browser (the account link's {@code return_url} and
 * {@code refresh_url}, each with {@code ?account=acct_…}): the project's readiness as a page, and a fresh link.
 * No key: a browser arrives here from Stripe; only accounts a project holds are answered.
 */
final class OnboardingRoutes {

    static final String RETURN_PATH = "/onboarding/return";
    static final String REFRESH_PATH = "/onboarding/refresh";
    static final String ACCOUNT = "account";

    private final OnboardingPages pages;
    private final UseCaseThreads threads;

    OnboardingRoutes(OnboardingPages pages, UseCaseThreads threads) {
        this.pages = pages;
        this.threads = threads;
    }

    void register(Router router) {
        Routes.on(router, HttpMethod.GET, RETURN_PATH).handler(this::returned);
        Routes.on(router, HttpMethod.GET, REFRESH_PATH).handler(this::refresh);
    }

    static String returnPageOf(String accountId) {
        return RETURN_PATH + "?" + ACCOUNT + "=" + URLEncoder.encode(accountId, StandardCharsets.UTF_8);
    }

    private void returned(RoutingContext ctx) {
        String account = account(ctx);
        threads.call(() -> pages.returned(account)).onComplete(outcome -> answer(ctx, outcome, (Project project) -> {
            String name = HtmlPage.escape(project.name());
            String body = switch (project.readiness()) {
                case READY -> "<p><strong>" + name + "</strong> can take payments now: onboarding is complete.</p>";
                case ONBOARDING -> "<p><strong>" + name + "</strong> cannot take payments yet: Stripe still needs"
                        + " details, or is reviewing them.</p>\n<p><a href=\"" + HtmlPage.escape(REFRESH_PATH + "?"
                        + ACCOUNT + "=" + URLEncoder.encode(account, StandardCharsets.UTF_8))
                        + "\">Continue onboarding</a></p>";
                case NOT_SET_UP -> "<p><strong>" + name + "</strong> has no connected account.</p>";
            };
            HtmlPage.send(ctx, 200, "Payments: " + project.readiness().wireName().replace('_', ' '),
                    body + "\n<p data-readiness=\"" + project.readiness().wireName() + "\">Account "
                            + HtmlPage.escape(account) + "</p>");
        }));
    }

    /** Stripe's documented flow: the expired link's refresh URL asks for a new link and sends the browser on. */
    private void refresh(RoutingContext ctx) {
        String account = account(ctx);
        threads.call(() -> pages.refreshed(account)).onComplete(outcome -> answer(ctx, outcome, (AccountSetup setup) ->
                HtmlPage.redirect(ctx, 302, setup.onboarding().map(link -> link.url())
                        .orElse(returnPageOf(account)))));
    }

    private static String account(RoutingContext ctx) {
        String value = ctx.request().getParam(ACCOUNT);
        return value == null ? "" : value;
    }

    private static <T> void answer(RoutingContext ctx, AsyncResult<Result<T, PaymentError>> outcome,
                                   Consumer<T> onOk) {
        if (outcome.failed()) {
            Replies.internalError(ctx, outcome.cause());
            return;
        }
        switch (outcome.result()) {
            case Result.Ok<T, PaymentError> ok -> onOk.accept(ok.value());
            case Result.Err<T, PaymentError> err -> HtmlPage.send(ctx, ErrorResponses.status(err.error()),
                    err.error() instanceof PaymentError.AccountNotFound ? "Unknown account" : "Not available",
                    "<p>" + HtmlPage.escape(err.error().code() + ": " + err.error().message()) + "</p>");
        }
    }
}
