package com.amba.payments.app.bench;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two calls a project's backend makes most, over real HTTP/1.1 on loopback: create a payment (a unique
 * {@code client_reference} each, so every call is a new payment, never an idempotent replay) and read one back.
 * Created ids are kept so the read scenario reads payments that exist.
 *
 * <p>The client is Vert.x's (one event loop of its own, pooled keep-alive connections), awaited from each
 * request's virtual thread: it costs the shared CPU much less per request than the JDK's HttpClient, whose
 * connection bookkeeping showed at the top of the benchmark's profile, so more of the two cores is left to the
 * service being measured.
 */
final class PaymentsApiCalls implements AutoCloseable {

    static final long AMOUNT = 1999;
    static final String CURRENCY = "usd";
    /** Longer than the service's own bounds (2 s store budget, Stripe's 5 s read timeout), so it answers first. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Enough keep-alive connections for the most requests in flight the load allows. */
    private static final int CONNECTIONS = 1_000;

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient http;
    private final String serverKey;
    private final String clientKey;
    private final String referencePrefix;
    private final Queue<String> created = new ConcurrentLinkedQueue<>();
    /** References never repeat, across every scenario and search step of the run. */
    private final AtomicLong sequence = new AtomicLong();
    private final int port;
    private volatile List<String> readable = List.of();

    PaymentsApiCalls(int port, String serverKey, String clientKey, String runId) {
        this.port = port;
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                        .setConnectTimeout(2_000).setIdleTimeout(30).setIdleTimeoutUnit(TimeUnit.SECONDS),
                new PoolOptions().setHttp1MaxSize(CONNECTIONS).setMaxWaitQueueSize(-1));
        this.serverKey = serverKey;
        this.clientKey = clientKey;
        this.referencePrefix = "bench-" + runId + "-";
    }

    Operation create() {
        return index -> {
            String body = new JsonObject().put("amount", AMOUNT).put("currency", CURRENCY)
                    .put("client_reference", referencePrefix + sequence.incrementAndGet()).encode();
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("X-Api-Key", serverKey)
                    .add("Content-Type", "application/json");
            String answer = send(HttpMethod.POST, "/client/payments/intents", headers, Buffer.buffer(body));
            created.add(new JsonObject(answer).getJsonObject("data").getString("payment_id"));
        };
    }

    /** Reads the payments created so far, round robin; call after the create scenario. */
    Operation read() {
        readable = List.copyOf(created);
        if (readable.isEmpty()) {
            throw new IllegalStateException("no payment was created, so there is none to read");
        }
        return index -> {
            String id = readable.get((int) (index % readable.size()));
            send(HttpMethod.GET, "/client/payments/intents/" + id,
                    MultiMap.caseInsensitiveMultiMap().add("X-Api-Key", clientKey), null);
        };
    }

    /** Every payment a create was answered 200 with, so far (warm-ups too). */
    List<String> createdIds() {
        return List.copyOf(created);
    }

    private String send(HttpMethod method, String path, MultiMap headers, Buffer body) throws Exception {
        RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
                .setURI(path).setHeaders(headers).setTimeout(REQUEST_TIMEOUT.toMillis());
        Future<Answer> answered = http.request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> response.body().map(bytes -> new Answer(response.statusCode(), bytes.toString())));
        Answer answer;
        try {
            answer = answered.await(REQUEST_TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new Operation.Failed("timeout");
        }
        if (answer.status() != 200) {
            throw new Operation.Failed("HTTP " + answer.status() + errorCodeIn(answer.body()));
        }
        return answer.body();
    }

    private record Answer(int status, String body) {}

    /** The error envelope's code (503 alone does not say whether the store or the provider gave up). */
    private static String errorCodeIn(String body) {
        try {
            JsonObject error = new JsonObject(body).getJsonObject("error");
            return error == null ? "" : " " + error.getString("code");
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    @Override
    public void close() {
        http.close().await();
        vertx.close().await();
    }
}
