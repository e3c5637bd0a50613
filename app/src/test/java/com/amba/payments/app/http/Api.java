package com.amba.payments.app.http;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A caller of the running service over real HTTP: what a project's backend or the platform owner does. */
public final class Api {

    /** One HTTP answer. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonObject json() {
            return new JsonObject(body);
        }

        public JsonObject data() {
            return json().getJsonObject("data");
        }

        public String errorCode() {
            JsonObject error = json().getJsonObject("error");
            return error == null ? null : error.getString("code");
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public Answer send(String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer createPayment(String apiKey, String body) {
        return send("POST", "/client/payments/intents", apiKey == null ? Map.of() : Map.of("X-Api-Key", apiKey), body);
    }

    public Answer readPayment(String apiKey, String paymentId) {
        return send("GET", "/client/payments/intents/" + paymentId,
                apiKey == null ? Map.of() : Map.of("X-Api-Key", apiKey), null);
    }

    public Answer cancel(String apiKey, String paymentId, String body) {
        return send("POST", "/client/payments/intents/" + paymentId + "/cancel", keyHeader(apiKey), body);
    }

    public Answer refund(String apiKey, String paymentId, String body) {
        return send("POST", "/client/payments/intents/" + paymentId + "/refunds", keyHeader(apiKey), body);
    }

    public Answer refunds(String apiKey, String paymentId) {
        return send("GET", "/client/payments/intents/" + paymentId + "/refunds", keyHeader(apiKey), null);
    }

    private static Map<String, String> keyHeader(String apiKey) {
        return apiKey == null ? Map.of() : Map.of("X-Api-Key", apiKey);
    }

    public Answer admin(String method, String path, String token, String body) {
        return send(method, path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), body);
    }

    public Answer sandbox(String paymentId, String action) {
        return send("POST", "/sandbox/payments/" + paymentId + "/" + action, Map.of(), null);
    }
}
