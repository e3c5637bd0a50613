package com.amba.payments.app.bench;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two calls a project's backend makes most, over real HTTP on loopback: create a payment (a unique
 * {@code client_reference} each, so every call is a new payment, never an idempotent replay) and read one back.
 * Created ids are kept so the read scenario reads payments that exist.
 */
final class PaymentsApiCalls implements AutoCloseable {

    static final long AMOUNT = 1999;
    static final String CURRENCY = "usd";
    /** Longer than the service's own bounds (2 s store budget, Stripe's 5 s read timeout), so it answers first. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** HTTP/1.1 keep-alive connections, as a typical backend's pooled client speaks it. */
    private final LoopbackHttp http;
    private final String serverKey;
    private final String clientKey;
    private final String referencePrefix;
    private final Queue<String> created = new ConcurrentLinkedQueue<>();
    /** References never repeat, across every scenario and search step of the run. */
    private final AtomicLong sequence = new AtomicLong();
    private volatile List<String> readable = List.of();

    PaymentsApiCalls(int port, String serverKey, String clientKey, String runId) {
        this.http = new LoopbackHttp(port, REQUEST_TIMEOUT);
        this.serverKey = serverKey;
        this.clientKey = clientKey;
        this.referencePrefix = "bench-" + runId + "-";
    }

    Operation create() {
        return index -> {
            String body = new JsonObject().put("amount", AMOUNT).put("currency", CURRENCY)
                    .put("client_reference", referencePrefix + sequence.incrementAndGet()).encode();
            String answer = send("POST", "/client/payments/intents", serverKey, body);
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
            send("GET", "/client/payments/intents/" + id, clientKey, null);
        };
    }

    /** Every payment a create was answered 200 with, so far (warm-ups too). */
    List<String> createdIds() {
        return List.copyOf(created);
    }

    private String send(String method, String path, String apiKey, String jsonBody) throws Exception {
        LoopbackHttp.Response response = http.send(method, path, apiKey, jsonBody);
        if (response.status() != 200) {
            throw new Operation.Failed("HTTP " + response.status() + errorCodeIn(response.body()));
        }
        return response.body();
    }

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
        http.close();
    }
}
