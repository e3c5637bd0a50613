package com.amba.payments.adapter.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Amba's HTTP API on Vert.x 5: client payments, Admin API, sandbox, webhooks, health and metrics.
 *
 * <p>Deploy one instance per event loop that should serve requests, all on one port: {@code
 * vertx.deployVerticle(() -> new AmbaHttpServer(dependencies), new DeploymentOptions().setInstances(n))} (with
 * {@link HttpDependencies#SHARED_FREE_PORT} they share one free port).
 * Routing runs on the event loop; every use case runs on a virtual thread of its own ({@link UseCaseThreads}),
 * so a slow database or provider never stalls other requests or {@code /health/live}. Deploying with
 * {@code ThreadingModel.VIRTUAL_THREAD} works the same way.
 */
public final class AmbaHttpServer extends VerticleBase {

    private final HttpDependencies dependencies;
    private final UseCaseThreads threads = new UseCaseThreads();
    private volatile int port = -1;

    public AmbaHttpServer(HttpDependencies dependencies) {
        this.dependencies = dependencies;
    }

    @Override
    public Future<?> start() {
        Router router = router();
        return vertx.createHttpServer(new HttpServerOptions().setPort(dependencies.port()))
                .requestHandler(router)
                .listen()
                .onSuccess(this::listening);
    }

    @Override
    public Future<?> stop() {
        threads.close();
        return Future.succeededFuture();
    }

    /** The port it listens on once started (useful with port 0); -1 before. */
    public int port() {
        return port;
    }

    private void listening(HttpServer server) {
        port = server.actualPort();
    }

    Router router() {
        Router router = Router.router(vertx);
        HttpMetrics metrics = new HttpMetrics(dependencies.metrics());
        AccessLog accessLog = new AccessLog(metrics);
        BodyCollector bodies = new BodyCollector(RequestBodyReader.LIMIT_BYTES);

        router.route().handler(RequestIds::tag).handler(accessLog::watch).handler(AmbaHttpServer::commonHeaders);
        new OpsRoutes(dependencies.readinessChecks(), metrics, threads).register(router);
        new ClientRoutes(dependencies.creates(), dependencies.readPayment(), threads).register(router, bodies);
        new MoneyBackRoutes(dependencies.moneyBack(), threads).register(router, bodies);
        new AdminRoutes(dependencies.administerPayments(), dependencies.adminToken(), threads).register(router, bodies);
        new ProjectRoutes(dependencies.readProjects(), threads).register(router);
        new OnboardingRoutes(dependencies.onboardingPages(), threads).register(router);
        dependencies.webhookEndpoints()
                .ifPresent(api -> new WebhookEndpointRoutes(api, threads).register(router, bodies));
        dependencies.webhooks().ifPresent(webhooks -> new WebhookRoutes(webhooks, threads).register(router));
        dependencies.sandbox().ifPresent(sandbox -> new SandboxRoutes(sandbox, threads).register(router, bodies));
        new DocsRoutes().register(router);

        router.errorHandler(404, AmbaHttpServer::notFound);
        router.errorHandler(405, ctx -> methodNotAllowed(router, ctx));
        router.errorHandler(500, AmbaHttpServer::failed);
        return router;
    }

    private static void commonHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Content-Type-Options", "nosniff");
        ctx.next();
    }

    private static void notFound(RoutingContext ctx) {
        ErrorResponses.send(ctx, 404, "NOT_FOUND", "no route " + ctx.request().method().name() + " "
                + ctx.request().path());
    }

    /** RFC 9110: a 405 names the methods the path does answer. */
    private static void methodNotAllowed(Router router, RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.ALLOW, AllowedMethods.of(router, ctx.request().path()));
        ErrorResponses.send(ctx, 405, "METHOD_NOT_ALLOWED", ctx.request().method().name() + " is not allowed on "
                + ctx.request().path());
    }

    private static void failed(RoutingContext ctx) {
        Throwable cause = ctx.failure() == null ? new IllegalStateException("route failed") : ctx.failure();
        Replies.internalError(ctx, cause);
    }
}
