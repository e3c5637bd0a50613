package com.amba.payments.adapter.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.DestinationRules;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.SendOutcome;
import com.amba.payments.domain.model.SigningSecret;
import com.amba.payments.domain.testing.Payments;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sender over real HTTP on loopback, and its SSRF protection. Production's refusals are decided before any
 * connection, on the resolved addresses: the test resolver names 10.x without a packet going there.
 */
class VertxWebhookSenderTest {

    private static final List<SigningSecret> SECRETS = List.of(SigningSecret.current("whsec_test_sender"));
    private static final PaymentEvent EVENT = Payments.createdEvent(Payments.aPayment().build());

    private static Vertx vertx;
    private static HttpServer server;
    private static final List<String> hits = new CopyOnWriteArrayList<>();
    private static final AtomicInteger answer = new AtomicInteger(200);

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            hits.add(exchange.getRequestURI().toString() + " " + exchange.getRequestHeaders().getFirst("Amba-Event-Id"));
            if (answer.get() == 302) {
                exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            }
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        vertx.close().await();
    }

    private static VertxWebhookSender sender(boolean production, HostResolver resolver, Duration timeout) {
        return new VertxWebhookSender(vertx, new DestinationRules(production), resolver, timeout, InstantSource.system());
    }

    private static String local(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Test
    void devModeDeliversToLocalhostWithTheEventIdAndAnswersTheStatus() {
        hits.clear();
        answer.set(204);
        SendOutcome outcome = sender(false, HostResolver.SYSTEM, Duration.ofSeconds(5))
                .send(URI.create(local("/hook?x=1")), EVENT, SECRETS);
        assertEquals(new SendOutcome.Answered(204), outcome);
        assertEquals(List.of("/hook?x=1 " + EVENT.id()), hits);
    }

    @Test
    void productionRefusesLoopbackMetadataPrivateNamesAndPlainHttpWithoutSending() {
        hits.clear();
        Map<String, String> names = Map.of("hooks.internal.example", "10.20.30.40",
                "metadata.example", "169.254.169.254", "loop.example", "127.0.0.1");
        HostResolver resolver = host -> List.of(InetAddress.getByName(names.getOrDefault(host, host)));
        VertxWebhookSender production = sender(true, resolver, Duration.ofSeconds(5));
        for (String url : List.of(local("/hook"), "http://169.254.169.254/latest/meta-data/",
                "https://127.0.0.1:" + server.getAddress().getPort() + "/hook", "https://169.254.169.254/",
                "https://hooks.internal.example/hook", "https://metadata.example/", "https://loop.example/")) {
            assertInstanceOf(SendOutcome.Refused.class, production.send(URI.create(url), EVENT, SECRETS), url);
        }
        assertEquals(List.of(), hits, "nothing was sent");
    }

    @Test
    void aRedirectIsAnAnswerNotAPlaceToGo() {
        hits.clear();
        answer.set(302);
        SendOutcome outcome = sender(false, HostResolver.SYSTEM, Duration.ofSeconds(5))
                .send(URI.create(local("/moved")), EVENT, SECRETS);
        answer.set(200);
        assertEquals(new SendOutcome.Answered(302), outcome);
        assertEquals(1, hits.size(), "one request, the Location was not followed");
    }

    @Test
    void aRefusedConnectionAndASilentEndpointAreNoAnswerWithinTheTimeout() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        VertxWebhookSender quick = sender(false, HostResolver.SYSTEM, Duration.ofMillis(800));
        assertInstanceOf(SendOutcome.NoAnswer.class,
                quick.send(URI.create("http://127.0.0.1:" + closedPort + "/"), EVENT, SECRETS));

        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accepting = Thread.ofVirtual().start(() -> {
                List<Socket> held = new CopyOnWriteArrayList<>();
                try {
                    while (true) {
                        held.add(blackHole.accept());
                    }
                } catch (Exception closed) {
                    held.forEach(socket -> {
                        try {
                            socket.close();
                        } catch (Exception ignored) {
                            // closing anyway
                        }
                    });
                }
            });
            long started = System.nanoTime();
            SendOutcome silent = quick.send(URI.create("http://127.0.0.1:" + blackHole.getLocalPort() + "/"), EVENT,
                    SECRETS);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertInstanceOf(SendOutcome.NoAnswer.class, silent);
            assertTrue(tookMillis >= 700 && tookMillis < 5_000, "gave up at the timeout: " + tookMillis + " ms");
            accepting.interrupt();
        }
    }
}
