package com.amba.payments.app.webhooks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.DevAmba;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A dead endpoint (connection refused) and a black-holed one (accepts, never answers) of project A, with a backlog
 * of deliveries, do not move project B's delivery latency or the client API's by more than 100 ms at p99
 * (SPEC §12: a slow or dead endpoint never delays other projects' deliveries or the client API).
 */
class WebhookIsolationTest {

    private static final int SAMPLES = 100;
    private static final long BOUND_MILLIS = 100;
    private static final int BACKLOG = 60;

    private static DevAmba amba;
    private static TestReceiver receiverB;
    private static ServerSocket blackHole;
    private static final List<Socket> held = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        amba = WebhookFixture.start();
        receiverB = TestReceiver.start();
        WebhookFixture.endpoint(amba, receiverB.url(), "amba.payment.created");
        blackHole = new ServerSocket(0, 1000, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    held.add(blackHole.accept());
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
    }

    @AfterAll
    static void stop() throws Exception {
        amba.close();
        receiverB.close();
        blackHole.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    private record Sample(long createMillis, long deliveryMillis) {
    }

    /** B creates payments one after another; each is timed to its answer, and to its webhook's arrival. */
    private static List<Sample> measureB() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            int before = receiverB.received().size();
            long started = System.nanoTime();
            WebhookFixture.pay(amba, 1000 + i);
            long answered = System.nanoTime();
            TestReceiver.await(Duration.ofSeconds(20), "B's delivery", () -> receiverB.received().size() > before);
            long delivered = System.nanoTime();
            samples.add(new Sample((answered - started) / 1_000_000, (delivered - started) / 1_000_000));
        }
        return samples;
    }

    private static long p99(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
    }

    /** Project A: a dead and a black-holed endpoint, and a backlog of payments for them. Answers the endpoint ids. */
    private static List<String> projectAWithBadEndpoints(String projectA, String keyA) throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        List<String> ids = new ArrayList<>();
        for (String url : List.of("http://127.0.0.1:" + closedPort + "/dead",
                "http://127.0.0.1:" + blackHole.getLocalPort() + "/black-hole")) {
            Api.Answer created = amba.admin("POST", "/admin/projects/" + projectA + "/webhook-endpoints",
                    new JsonObject().put("url", url).put("events", new JsonArray().add("*")).encode());
            assertTrue(created.status() == 200, created.toString());
            ids.add(created.data().getString("endpoint_id"));
        }
        for (int i = 0; i < BACKLOG; i++) {
            Api.Answer paid = amba.api.createPayment(keyA, new JsonObject().put("amount", 5000 + i)
                    .put("currency", "usd").encode());
            assertTrue(paid.status() == 200, paid.toString());
        }
        return ids;
    }

    /**
     * A round measures B alone, then beside A's bad endpoints, then removes them. The machine is shared and noisy
     * (a stray GC or a neighbour's build shows as a single slow sample), so up to three rounds are run and one
     * within the bound passes; a real lack of isolation (B's deliveries queued behind A's 10 s timeouts, or the
     * API's threads held) would delay every round by seconds, not one sample by a hundred milliseconds.
     */
    @Test
    void deadAndBlackHoledEndpointsOfOneProjectDoNotDelayAnotherProjectOrTheClientApi() throws Exception {
        measureB(); // warm-up: JIT, connections
        String projectA = amba.newProject("Shop A");
        String keyA = amba.newKey(projectA, "server");
        amba.completeOnboarding(amba.newAccount(projectA));
        List<String> rounds = new ArrayList<>();
        boolean within = false;
        for (int round = 1; round <= 3 && !within; round++) {
            List<Sample> alone = measureB();
            int heldBefore = held.size();
            List<String> endpointsOfA = projectAWithBadEndpoints(projectA, keyA);
            TestReceiver.await(Duration.ofSeconds(20), "the black hole to hold connections",
                    () -> held.size() >= heldBefore + 4);
            List<Sample> besideA = measureB();
            JsonArray deadLog = WebhookFixture.deliveriesOf(amba, projectA, endpointsOfA.get(0));
            assertTrue(deadLog.stream().map(JsonObject.class::cast).anyMatch(d -> d.getInteger("attempts") > 0
                    && "connection refused".equals(d.getString("last_error"))), "A's dead endpoint was tried: " + deadLog);
            endpointsOfA.forEach(id -> amba.admin("DELETE", "/admin/projects/" + projectA + "/webhook-endpoints/" + id, null));

            long deliveryAlone = p99(alone.stream().map(Sample::deliveryMillis).toList());
            long deliveryBeside = p99(besideA.stream().map(Sample::deliveryMillis).toList());
            long createAlone = p99(alone.stream().map(Sample::createMillis).toList());
            long createBeside = p99(besideA.stream().map(Sample::createMillis).toList());
            rounds.add("round " + round + ": B's delivery p99 " + deliveryAlone + " ms alone, " + deliveryBeside
                    + " ms beside A; create p99 " + createAlone + " ms alone, " + createBeside + " ms beside A");
            within = deliveryBeside - deliveryAlone <= BOUND_MILLIS && createBeside - createAlone <= BOUND_MILLIS;
        }
        System.out.println("webhook isolation: " + String.join("; ", rounds));
        assertTrue(within, String.join("; ", rounds));
    }
}
