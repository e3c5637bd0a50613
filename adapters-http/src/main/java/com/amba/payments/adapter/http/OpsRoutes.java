package com.amba.payments.adapter.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Liveness, readiness and metrics: what an orchestrator and Prometheus ask. */
final class OpsRoutes {

    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final List<ReadinessCheck> checks;
    private final HttpMetrics metrics;
    private final UseCaseThreads threads;

    OpsRoutes(List<ReadinessCheck> checks, HttpMetrics metrics, UseCaseThreads threads) {
        this.checks = List.copyOf(checks);
        this.metrics = metrics;
        this.threads = threads;
    }

    void register(Router router) {
        Routes.on(router, HttpMethod.GET, "/health/live").handler(this::live);
        Routes.on(router, HttpMethod.GET, "/health/ready").handler(this::ready);
        Routes.on(router, HttpMethod.GET, "/metrics").handler(this::metrics);
    }

    /** Answers on the event loop, touching nothing else: 200 for as long as the process can answer at all. */
    private void live(RoutingContext ctx) {
        Replies.json(ctx, 200, new JsonObject().put("data", new JsonObject().put("status", "live")));
    }

    private void ready(RoutingContext ctx) {
        threads.call(this::failedChecks).onComplete(outcome -> {
            if (outcome.failed()) {
                Replies.internalError(ctx, outcome.cause());
                return;
            }
            List<String> failed = outcome.result();
            JsonArray names = new JsonArray();
            checks.forEach(check -> names.add(check.name()));
            if (failed.isEmpty()) {
                Replies.json(ctx, 200, new JsonObject().put("data",
                        new JsonObject().put("status", "ready").put("checks", names)));
            } else {
                JsonObject envelope = ErrorResponses.envelope("NOT_READY", "not ready: " + String.join(", ", failed));
                envelope.getJsonObject("error").put("failed_checks", new JsonArray(new ArrayList<>(failed)));
                ErrorResponses.send(ctx, 503, envelope);
            }
        });
    }

    /** Every check at once, each on its own virtual thread; one that throws or hangs counts as not ready. */
    List<String> failedChecks() {
        List<CompletableFuture<Boolean>> answers = checks.stream().map(OpsRoutes::probe).toList();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            if (!answers.get(i).join()) {
                failed.add(checks.get(i).name());
            }
        }
        return failed;
    }

    private static CompletableFuture<Boolean> probe(ReadinessCheck check) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("amba-ready-probe").start(() -> {
            try {
                answer.complete(check.isReady());
            } catch (RuntimeException | Error failure) {
                answer.complete(false);
            }
        });
        return answer.completeOnTimeout(false, CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void metrics(RoutingContext ctx) {
        ctx.response()
                .setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, HttpMetrics.PROMETHEUS_CONTENT_TYPE)
                .end(metrics.scrape());
    }
}
