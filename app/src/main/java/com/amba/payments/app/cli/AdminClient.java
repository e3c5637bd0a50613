package com.amba.payments.app.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The Admin API (SPEC §8) over HTTP. Every answer is either the {@code data} envelope, returned whole, or a
 * {@link CliFailure}. The token goes into the Authorization header and nowhere else: no message built here
 * mentions it.
 */
final class AdminClient implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Generous: a create may wait on Stripe, and the API answers 502 itself when Stripe is slow. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String base;
    private final String authorization;

    AdminClient(String base, String token) {
        this.base = base;
        this.authorization = "Bearer " + token;
    }

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The option every create takes; its value is sent as the Idempotency-Key header. */
    static final String IDEMPOTENCY_KEY_OPTION = "--idempotency-key";
    static final String IDEMPOTENCY_KEY_HELP = "Sent as the Idempotency-Key header: the same command again with the"
            + " same key answers what the first made (secrets are not shown again) instead of making another.";

    JsonObject get(String path) {
        return envelope(exchange("GET", path, null, JSON));
    }

    JsonObject post(String path, JsonObject body) {
        return post(path, body, null);
    }

    /**
     * A create with the caller's {@code Idempotency-Key} when one is given ({@code --idempotency-key}): sent again
     * after a lost answer, it answers what the first made instead of making a second.
     */
    JsonObject post(String path, JsonObject body, String idempotencyKey) {
        return envelope(exchange("POST", path, body, JSON, idempotencyKey));
    }

    JsonObject put(String path, JsonObject body) {
        return envelope(exchange("PUT", path, body, JSON));
    }

    JsonObject delete(String path) {
        return envelope(exchange("DELETE", path, null, JSON));
    }

    /** The body of a {@code text/csv} answer, exactly as sent; an error still arrives as the JSON envelope. */
    String csv(String path) {
        HttpResponse<String> response = exchange("GET", path, null, CSV);
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (response.statusCode() == 200 && type.startsWith(CSV)) {
            return response.body();
        }
        envelope(response);
        throw CliFailure.unexpectedAnswer("asked " + path + " for CSV, got " + (type.isEmpty() ? "no content type" : type));
    }

    /**
     * A long-lived {@code text/event-stream} answer, line by line (no answer timeout: it stays open). An error
     * still arrives as the JSON envelope and is thrown as the API's refusal.
     */
    java.io.BufferedReader stream(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", authorization)
                .header("Accept", "text/event-stream")
                .GET().build();
        HttpResponse<java.io.InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw CliFailure.unreachable(cannotReach(reason(e)));
        } catch (IOException e) {
            throw CliFailure.unreachable(cannotReach(reason(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.unreachable("interrupted while waiting for Amba at " + base);
        }
        java.io.BufferedReader lines = new java.io.BufferedReader(
                new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            String body = lines.lines().collect(java.util.stream.Collectors.joining("\n"));
            JsonObject json = parse(body);
            if (json != null && json.getValue("error") instanceof JsonObject error) {
                throw CliFailure.refused(error.getString("code", "HTTP_" + response.statusCode()),
                        error.getString("message", "(no message)"));
            }
            throw CliFailure.unexpectedAnswer("HTTP " + response.statusCode() + " from " + path);
        }
        return lines;
    }

    /** One path segment, escaped, so an id typed with a slash or space cannot address a different call. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query string from the parameters that are set; empty when none is. */
    static String query(Map<String, ?> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private HttpResponse<String> exchange(String method, String path, JsonObject body, String accept) {
        return exchange(method, path, body, accept, null);
    }

    private HttpResponse<String> exchange(String method, String path, JsonObject body, String accept,
                                          String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(ANSWER_TIMEOUT)
                .header("Authorization", authorization)
                .header("Accept", accept)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("Content-Type", JSON);
        }
        if (idempotencyKey != null) {
            request.header(IDEMPOTENCY_KEY, idempotencyKey);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw CliFailure.unreachable(cannotReach("no connection within " + CONNECT_TIMEOUT.toSeconds() + " s"));
        } catch (HttpTimeoutException e) {
            throw CliFailure.unreachable("Amba at " + base + " did not answer " + method + " " + path + " within "
                    + ANSWER_TIMEOUT.toSeconds() + " s; it may still have done it, so check before retrying"
                    + (idempotencyKey == null ? "" : " (or retry with the same --idempotency-key)"));
        } catch (ConnectException e) {
            throw CliFailure.unreachable(cannotReach(reason(e)));
        } catch (IOException e) {
            throw CliFailure.unreachable("lost the connection to Amba at " + base + " during " + method + " " + path
                    + " (" + reason(e) + "); it may still have done it, so check before retrying");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.unreachable("interrupted while waiting for Amba at " + base);
        }
    }

    private String cannotReach(String why) {
        return "cannot reach Amba at " + base + " (" + why + "). Is the service running? --url or AMBA_URL says where it is.";
    }

    /** The JDK's client often throws without a message; the cause's type is then the only clue. */
    private static String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    }

    private JsonObject envelope(HttpResponse<String> response) {
        JsonObject json = parse(response.body());
        if (json != null && json.getValue("error") instanceof JsonObject error) {
            throw CliFailure.refused(error.getString("code", "HTTP_" + response.statusCode()),
                    error.getString("message", "(no message)"));
        }
        if (json != null && response.statusCode() / 100 == 2 && json.containsKey("data")) {
            return json;
        }
        throw CliFailure.unexpectedAnswer("HTTP " + response.statusCode() + " from " + response.request().uri()
                + " is not an Amba answer; does --url point at Amba Payments?");
    }

    private static JsonObject parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return new JsonObject(body);
        } catch (DecodeException | ClassCastException notAnObject) {
            return null;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
