package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.IdempotencyKey;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.ManageWebhookEndpoints;
import com.amba.payments.domain.port.in.WatchProjectEvents;
import io.vertx.core.Context;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;

/** A project's webhook endpoints and their deliveries, in the Admin API (SPEC §12); behind the admin gate. */
final class WebhookEndpointRoutes {

    static final String ENDPOINTS = "/admin/projects/:id/webhook-endpoints";
    static final String ENDPOINT = ENDPOINTS + "/:endpoint_id";

    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final ManageWebhookEndpoints manage;
    private final WatchProjectEvents watch;
    private final UseCaseThreads threads;

    WebhookEndpointRoutes(OutgoingWebhooksApi api, UseCaseThreads threads) {
        this.manage = api.manage();
        this.watch = api.watch();
        this.threads = threads;
    }

    void register(Router router, BodyCollector bodies) {
        Routes.on(router, HttpMethod.POST, ENDPOINTS).handler(bodies::collect).handler(this::create);
        Routes.on(router, HttpMethod.GET, ENDPOINTS).handler(this::list);
        Routes.on(router, HttpMethod.DELETE, ENDPOINT).handler(this::delete);
        Routes.on(router, HttpMethod.POST, ENDPOINT + "/rotate-secret").handler(this::rotate);
        Routes.on(router, HttpMethod.GET, ENDPOINT + "/deliveries").handler(this::deliveries);
        Routes.on(router, HttpMethod.POST, ENDPOINT + "/deliveries/:delivery_id/retry").handler(this::retry);
        Routes.on(router, HttpMethod.GET, EVENTS).handler(this::stream);
    }

    static final String EVENTS = "/admin/projects/:id/webhook-events";

    /**
     * Server-Sent Events: each of the project's events as it is fanned out ({@code id}, {@code event} = type,
     * {@code data} = the CloudEvents JSON a webhook carries), and a comment line as a heartbeat. For
     * {@code amba webhooks listen}; live only, not replayed.
     */
    private void stream(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        Context context = ctx.vertx().getOrCreateContext();
        HttpServerResponse response = ctx.response();
        threads.call(() -> watch.watch(projectId, event -> context.runOnContext(ignored -> {
            // An event in the instant before the stream's head is written is not shown: the stream is live only.
            if (response.headWritten() && !response.ended() && !response.closed()) {
                response.write("id: " + event.id() + "\nevent: " + event.type().wireName() + "\ndata: "
                        + new JsonObject(event.asCloudEvent()).encode() + "\n\n");
            }
        }))).onComplete(outcome -> {
            if (outcome.failed() || outcome.result() instanceof Result.Err) {
                Replies.result(ctx, outcome.map(result -> result.map(watching -> {
                    watching.close();
                    return new JsonObject();
                })), data -> data);
                return;
            }
            WatchProjectEvents.Watch watching = ((Result.Ok<WatchProjectEvents.Watch, PaymentError>) outcome.result())
                    .value();
            long heartbeat = ctx.vertx().setPeriodic(HEARTBEAT.toMillis(), id -> {
                if (!response.ended() && !response.closed()) {
                    response.write(": still here\n\n");
                }
            });
            response.closeHandler(closed -> {
                watching.close();
                ctx.vertx().cancelTimer(heartbeat);
            });
            response.setChunked(true).setStatusCode(200)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                    .write(": watching " + projectId + "\n\n");
        });
    }

    private void create(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        Optional<String> idempotencyKey = Routes.header(ctx, IdempotencyKey.HEADER);
        RequestBody body = Routes.body(ctx);
        threads.call(() -> manage.create(projectId, idempotencyKey, body))
                .onComplete(outcome -> Replies.result(ctx, outcome, WebhookJson::withSecret));
    }

    private void list(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        threads.call(() -> manage.list(projectId)).onComplete(outcome -> Replies.envelope(ctx, outcome, endpoints -> {
            JsonArray items = new JsonArray();
            endpoints.forEach(endpoint -> items.add(WebhookJson.endpoint(endpoint)));
            return new JsonObject().put("data", items);
        }));
    }

    private void delete(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        String endpointId = ctx.pathParam("endpoint_id");
        threads.call(() -> manage.delete(projectId, endpointId)).onComplete(outcome -> Replies.result(ctx, outcome,
                ignored -> new JsonObject().put("endpoint_id", endpointId).put("deleted", true)));
    }

    private void rotate(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        String endpointId = ctx.pathParam("endpoint_id");
        threads.call(() -> manage.rotateSecret(projectId, endpointId))
                .onComplete(outcome -> Replies.result(ctx, outcome, WebhookJson::withSecret));
    }

    private void deliveries(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        String endpointId = ctx.pathParam("endpoint_id");
        threads.call(() -> manage.deliveries(projectId, endpointId))
                .onComplete(outcome -> Replies.envelope(ctx, outcome, deliveries -> {
                    JsonArray items = new JsonArray();
                    deliveries.forEach(delivery -> items.add(WebhookJson.delivery(delivery)));
                    return new JsonObject().put("data", items);
                }));
    }

    private void retry(RoutingContext ctx) {
        String projectId = ctx.pathParam("id");
        String endpointId = ctx.pathParam("endpoint_id");
        String deliveryId = ctx.pathParam("delivery_id");
        threads.call(() -> manage.retry(projectId, endpointId, deliveryId))
                .onComplete(outcome -> Replies.result(ctx, outcome, WebhookJson::delivery));
    }
}
