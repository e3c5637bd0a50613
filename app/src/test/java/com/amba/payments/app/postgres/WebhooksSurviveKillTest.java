package com.amba.payments.app.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.postgres.ScratchDatabase;
import com.amba.payments.app.http.Api;
import com.amba.payments.app.webhooks.TestReceiver;
import com.amba.payments.app.webhooks.TestReceiver.Received;
import com.amba.payments.app.webhooks.WebhookServiceProcess;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outgoing webhooks are durable: the service is killed with SIGKILL (kill -9) while 200 deliveries are pending,
 * started again on the same database, and every one of them is delivered; none is lost.
 */
class WebhooksSurviveKillTest {

    private static final int DELIVERIES = 200;
    private static final String ADMIN_TOKEN = "amba_admin_kill_test_token_0123456789";

    @TempDir
    Path logs;

    /** A service JVM, its log, and what it printed about itself. */
    private record Service(Process process, Map<String, String> printed) {
        Api api() {
            return new Api(Integer.parseInt(printed.get("PORT")));
        }
    }

    private Service start(String databaseUrl, String name) throws Exception {
        Path log = logs.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                WebhookServiceProcess.class.getName(), databaseUrl, ADMIN_TOKEN)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.readAllLines(log);
            if (lines.contains("READY")) {
                Map<String, String> printed = lines.stream().filter(l -> l.matches("[A-Z_]+=.*"))
                        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
                                (a, b) -> b));
                return new Service(process, printed);
            }
            if (!process.isAlive()) {
                throw new AssertionError("the service did not start:\n" + String.join("\n", lines));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("the service did not start within 90 s");
    }

    @Test
    void killedWith200DeliveriesPendingEveryOneIsDeliveredAfterARestart() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create(); TestReceiver receiver = TestReceiver.start()) {
            receiver.failing(true);
            Service first = start(database.urlText(), "first");
            try {
                Api api = first.api();
                Api.Answer endpoint = api.admin("POST", "/admin/projects/" + first.printed().get("PROJECT")
                                + "/webhook-endpoints", ADMIN_TOKEN,
                        new JsonObject().put("url", receiver.url()).put("events", new JsonArray().add("*")).encode());
                assertEquals(200, endpoint.status(), endpoint.toString());
                for (int i = 0; i < DELIVERIES; i++) {
                    Api.Answer paid = api.createPayment(first.printed().get("SERVER_KEY"),
                            new JsonObject().put("amount", 1000 + i).put("currency", "usd").encode());
                    assertEquals(200, paid.status(), paid.toString());
                }
                TestReceiver.await(Duration.ofSeconds(60), "200 pending deliveries",
                        () -> database.count("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'")
                                == DELIVERIES);
            } finally {
                first.process().destroyForcibly(); // SIGKILL: no shutdown hook, no goodbye
                assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
            }
            assertEquals(137, first.process().exitValue(), "killed by SIGKILL");
            assertEquals(DELIVERIES, database.count("SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'"));

            receiver.failing(false);
            Service second = start(database.urlText(), "second");
            try {
                TestReceiver.await(Duration.ofSeconds(120), "every delivery after the restart", () -> database.count(
                        "SELECT count(*) FROM webhook_deliveries WHERE status = 'delivered'") == DELIVERIES);
            } finally {
                second.process().destroy();
                second.process().waitFor(30, TimeUnit.SECONDS);
                second.process().destroyForcibly();
            }
            Set<String> delivered = receiver.received().stream().filter(r -> r.answered() == 200)
                    .map(Received::text).map(body -> new JsonObject(body).getString("id")).collect(Collectors.toSet());
            assertEquals(DELIVERIES, database.count("SELECT count(*) FROM outbox"));
            assertEquals(DELIVERIES, delivered.size(), "every recorded event reached the receiver with a 2xx");
            assertEquals(0, database.count("SELECT count(*) FROM webhook_deliveries WHERE status <> 'delivered'"));
        }
    }
}
