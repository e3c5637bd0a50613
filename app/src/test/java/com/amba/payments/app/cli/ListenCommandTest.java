package com.amba.payments.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.app.http.DevAmba;
import com.amba.payments.app.webhooks.AmbaWebhookVerifier;
import com.amba.payments.app.webhooks.TestReceiver;
import com.amba.payments.app.webhooks.WebhookFixture;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code amba webhooks listen --forward-to URL}: the CLI holds the service's event stream open and forwards the
 * project's events to a local receiver as signed POSTs, which verify with the session secret it printed.
 */
class ListenCommandTest {

    @Test
    void listenForwardsTheProjectsEventsAsSignedPostsToTheLocalUrl() throws Exception {
        try (DevAmba amba = WebhookFixture.start(); TestReceiver receiver = TestReceiver.start()) {
            String url = "http://127.0.0.1:" + amba.running.port();
            String project = amba.demo.projectId().value();
            CompletableFuture<CliRun> listening = CompletableFuture.supplyAsync(() -> CliRun.of(
                    Map.of(AmbaCli.TOKEN_VARIABLE, amba.adminToken()),
                    new String[] {"--url", url, "webhooks", "listen", project, "--forward-to", receiver.url(),
                        "--max-events", "2"}, amba.adminToken()));

            // The stream is live only: payments keep coming until the listener has forwarded two of them.
            List<String> paid = new CopyOnWriteArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!listening.isDone() && System.nanoTime() < deadline) {
                paid.add(WebhookFixture.pay(amba, 1000 + paid.size()));
                Thread.sleep(300);
            }
            CliRun run = listening.get(10, TimeUnit.SECONDS);
            assertEquals(0, run.exitCode(), run::toString);
            String secret = run.find("signing secret \\(verify Amba-Signature with it\\): (whsec_\\S+)$");

            List<TestReceiver.Received> forwarded = receiver.received();
            assertEquals(2, forwarded.size(), run::toString);
            Set<String> subjects = forwarded.stream().map(r -> new JsonObject(r.text()).getString("subject"))
                    .collect(Collectors.toSet());
            assertTrue(paid.containsAll(subjects), "the project's own payments: " + subjects);
            for (TestReceiver.Received request : forwarded) {
                JsonObject event = new JsonObject(request.text());
                assertEquals("amba.payment.created", event.getString("type"));
                assertEquals(event.getString("id"), request.header("Amba-Event-Id"));
                assertTrue(AmbaWebhookVerifier.verify(request.header("Amba-Signature"), request.body(), secret,
                        Instant.now().getEpochSecond()), "signed with the session's secret");
                assertTrue(run.out().contains(event.getString("id") + "  -> 200"), run::toString);
            }
        }
    }

    @Test
    void listeningToAnUnknownProjectIsTheApisRefusal() {
        try (DevAmba amba = DevAmba.start()) {
            CliRun run = CliRun.of(Map.of(AmbaCli.TOKEN_VARIABLE, amba.adminToken()), new String[] {"--url",
                "http://127.0.0.1:" + amba.running.port(), "webhooks", "listen", "proj_nobody", "--forward-to",
                "http://127.0.0.1:9/hook"}, amba.adminToken());
            assertEquals(1, run.exitCode(), run::toString);
            assertTrue(run.err().contains("PROJECT_NOT_FOUND"), run::toString);
        }
    }
}
