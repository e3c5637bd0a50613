package com.amba.payments.app.bench;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two calls a project's backend makes most, over real HTTP on loopback: create a payment (a unique
 * {@code client_reference} each, so every call is a new payment, never an idempotent replay) and read one back.
 * Created ids are kept so the read scenario reads payments that exist.
 *
 * <p>A create answered anything but 200 or 503 OVERLOADED (which promises that nothing was done) may or may not have
 * made its payment: a 503 from the store can come after the commit, a timeout after the work. Its body is kept, and
 * {@link #retryUnanswered()} sends it again, as a backend would, so the run can count what the ledger holds against
 * what its callers were told, not against what was answered the first time.
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
    private final Queue<String> unanswered = new ConcurrentLinkedQueue<>();
    private final Queue<String> createdOnRetry = new ConcurrentLinkedQueue<>();
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
            String answer;
            try {
                answer = send("POST", "/client/payments/intents", serverKey, body);
            } catch (Operation.Failed refused) {
                if (!refused.getMessage().equals(OverloadRun.REFUSED)) {
                    unanswered.add(body);
                }
                throw refused;
            } catch (Exception noAnswer) {
                unanswered.add(body);
                throw noAnswer;
            }
            created.add(paymentIdIn(answer));
        };
    }

    /**
     * Sends every create that had no clear answer again, with its own {@code client_reference}, one at a time, and
     * keeps the payment each comes back with: the one made the first time, or a new one if the first made none.
     *
     * @return how many were retried
     * @throws Operation.Failed if a retry is not answered 200 either: the run stops there, unresolved
     */
    int retryUnanswered() throws Exception {
        int retried = 0;
        for (String body = unanswered.poll(); body != null; body = unanswered.poll()) {
            createdOnRetry.add(paymentIdIn(send("POST", "/client/payments/intents", serverKey, body)));
            retried++;
        }
        return retried;
    }

    private static String paymentIdIn(String answer) {
        return new JsonObject(answer).getJsonObject("data").getString("payment_id");
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

    /** Every payment a create was answered 200 with, so far (warm-ups too), and after {@link #retryUnanswered()}. */
    List<String> createdIds() {
        List<String> ids = new ArrayList<>(created);
        ids.addAll(createdOnRetry);
        return ids;
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
