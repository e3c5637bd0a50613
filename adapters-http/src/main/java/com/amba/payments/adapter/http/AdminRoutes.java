package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.AdminToken;
import com.amba.payments.domain.model.IdempotencyKey;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Report;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.AdministerPayments;
import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The platform owner's API (SPEC §8). The bearer token is checked before anything else under /admin. */
final class AdminRoutes {

    private static final String BEARER = "bearer ";

    private final AdministerPayments admin;
    private final AdminToken token;
    private final UseCaseThreads threads;

    AdminRoutes(AdministerPayments admin, AdminToken token, UseCaseThreads threads) {
        this.admin = admin;
        this.token = token;
        this.threads = threads;
    }

    void register(Router router, BodyCollector bodies) {
        router.route("/admin/*").handler(AccessLog.named("/admin/*")).handler(this::gate);
        Routes.on(router, HttpMethod.GET, "/admin/payments/status").handler(this::status);
        Routes.on(router, HttpMethod.POST, "/admin/payments/enable").handler(this::enable);
        Routes.on(router, HttpMethod.POST, "/admin/payments/disable").handler(this::disable);
        Routes.on(router, HttpMethod.PUT, "/admin/payments/config").handler(bodies::collect).handler(this::configurePlatform);
        Routes.on(router, HttpMethod.GET, "/admin/payments/report").handler(this::report);
        Routes.on(router, HttpMethod.POST, "/admin/projects").handler(bodies::collect).handler(this::createProject);
        Routes.on(router, HttpMethod.POST, "/admin/projects/:id/api-keys").handler(bodies::collect).handler(this::issueKey);
        Routes.on(router, HttpMethod.DELETE, "/admin/projects/:id/api-keys/:key_id").handler(this::revokeKey);
        Routes.on(router, HttpMethod.POST, "/admin/projects/:id/payments/account").handler(bodies::collect)
                .handler(this::setUpAccount);
        Routes.on(router, HttpMethod.PUT, "/admin/projects/:id/payments/config").handler(bodies::collect)
                .handler(this::configureProject);
        Routes.on(router, HttpMethod.GET, "/admin/projects/:id/payments").handler(this::listPayments);
    }

    private void gate(RoutingContext ctx) {
        if (token.admits(bearerToken(ctx.request().getHeader(HttpHeaders.AUTHORIZATION)))) {
            ctx.next();
        } else {
            ErrorResponses.send(ctx, new PaymentError.InvalidAdminToken());
        }
    }

    static Optional<String> bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(BEARER.length()).strip());
    }

    private void status(RoutingContext ctx) {
        threads.call(admin::status).onComplete(outcome -> Replies.result(ctx, outcome, AdminJson::status));
    }

    private void enable(RoutingContext ctx) {
        threads.call(() -> admin.setPaymentsEnabled(true))
                .onComplete(outcome -> Replies.result(ctx, outcome, AdminJson::settings));
    }

    private void disable(RoutingContext ctx) {
        threads.call(() -> admin.setPaymentsEnabled(false))
                .onComplete(outcome -> Replies.result(ctx, outcome, AdminJson::settings));
    }

    private void configurePlatform(RoutingContext ctx) {
        RequestBody body = Routes.body(ctx);
        threads.call(() -> admin.configurePlatform(body))
                .onComplete(outcome -> Replies.result(ctx, outcome, AdminJson::settings));
    }

    private void createProject(RoutingContext ctx) {
        Optional<String> idempotencyKey = Routes.header(ctx, IdempotencyKey.HEADER);
        RequestBody body = Routes.body(ctx);
        threads.call(() -> admin.createProject(idempotencyKey, body))
                .onComplete(outcome -> Replies.result(ctx, outcome, AdminJson::project));
    }

    private void issueKey(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        Optional<String> idempotencyKey = Routes.header(ctx, IdempotencyKey.HEADER);
        RequestBody body = Routes.body(ctx);
        threads.call(() -> admin.issueApiKey(projectId, idempotencyKey, body))
                .onComplete(outcome -> Replies.result(ctx, outcome, AdminJson::issuedKey));
    }

    private void revokeKey(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        String keyId = ctx.pathParam("key_id");
        threads.call(() -> admin.revokeApiKey(projectId, keyId))
                .onComplete(outcome -> Replies.result(ctx, outcome, ignored -> AdminJson.revokedKey(keyId)));
    }

    private void setUpAccount(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        Optional<String> idempotencyKey = Routes.header(ctx, IdempotencyKey.HEADER);
        RequestBody body = Routes.body(ctx);
        threads.call(() -> admin.setUpAccount(projectId, idempotencyKey, body))
                .onComplete(outcome -> Replies.result(ctx, outcome, AdminJson::accountSetup));
    }

    private void configureProject(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        RequestBody body = Routes.body(ctx);
        threads.call(() -> admin.configureProject(projectId, body))
                .onComplete(outcome -> Replies.result(ctx, outcome, AdminJson::project));
    }

    private void listPayments(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        Result<Map<String, String>, PaymentError> query = query(ctx);
        threads.call(() -> query.flatMap(parameters -> admin.listPayments(projectId, parameters)))
                .onComplete(outcome -> Replies.envelope(ctx, outcome, PaymentJson::page));
    }

    /** The query string as one value per name; a name given twice is ambiguous, so it is refused. */
    static Result<Map<String, String>, PaymentError> query(RoutingContext ctx) {
        MultiMap parameters;
        try {
            parameters = ctx.queryParams();
        } catch (RuntimeException malformed) {
            return Result.err(new PaymentError.InvalidQuery("the query string is malformed"));
        }
        Map<String, String> single = new LinkedHashMap<>();
        for (String name : parameters.names()) {
            if (parameters.getAll(name).size() > 1) {
                return Result.err(new PaymentError.InvalidQuery(name + " is given more than once"));
            }
            single.put(name, parameters.get(name));
        }
        return Result.ok(single);
    }

    private void report(RoutingContext ctx) {
        boolean csv = Routes.header(ctx, HttpHeaders.ACCEPT)
                .map(accept -> accept.toLowerCase(Locale.ROOT).contains("text/csv")).orElse(false);
        threads.call(admin::report).onComplete(outcome -> {
            if (csv) {
                reportCsv(ctx, outcome);
            } else {
                Replies.result(ctx, outcome, AdminJson::report);
            }
        });
    }

    private static void reportCsv(RoutingContext ctx, AsyncResult<Result<Report, PaymentError>> outcome) {
        if (outcome.failed()) {
            Replies.internalError(ctx, outcome.cause());
            return;
        }
        switch (outcome.result()) {
            case Result.Ok<Report, PaymentError> ok -> ctx.response()
                    .setStatusCode(200)
                    .putHeader(HttpHeaders.CONTENT_TYPE, ReportCsv.CONTENT_TYPE)
                    .end(ReportCsv.render(ok.value()));
            case Result.Err<Report, PaymentError> err -> ErrorResponses.send(ctx, err.error());
        }
    }
}
