package com.amba.payments.app.webhooks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * A project's backend in a test: a real HTTP server on 127.0.0.1 that records every POST (headers, raw body, when)
 * and answers with the scripted status codes, then 200.
 */
public final class TestReceiver implements AutoCloseable {

    /** One request as it arrived. */
    public record Received(Instant at, Map<String, List<String>> headers, byte[] body, int answered) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> script = new ConcurrentLinkedQueue<>();

    private TestReceiver(HttpServer server) {
        this.server = server;
    }

    public static TestReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestReceiver receiver = new TestReceiver(server);
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Integer scripted = receiver.script.poll();
                int status = receiver.failing ? 503 : scripted == null ? 200 : scripted;
                receiver.received.add(new Received(Instant.now(), Map.copyOf(exchange.getRequestHeaders()), body, status));
                if (status >= 300 && status < 400) {
                    exchange.getResponseHeaders().add("Location", receiver.redirectTo);
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private volatile boolean failing;

    /** While failing, every request is answered 503 (the backend is down). */
    public TestReceiver failing(boolean down) {
        this.failing = down;
        return this;
    }

    private volatile String redirectTo = "http://169.254.169.254/latest/meta-data/";

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next requests are answered with these codes, in order; then 200. */
    public TestReceiver answer(Integer... codes) {
        script.addAll(List.of(codes));
        return this;
    }

    /** Where a scripted 3xx points. */
    public TestReceiver redirectingTo(String location) {
        this.redirectTo = location;
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until the condition holds, failing with {@code what} after {@code within}. */
    public static void await(Duration within, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + within.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
