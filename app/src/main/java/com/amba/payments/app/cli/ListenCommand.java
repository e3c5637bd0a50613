package com.amba.payments.app.cli;

import com.amba.payments.domain.model.AmbaSignature;
import com.amba.payments.domain.model.SigningSecret;
import com.amba.payments.domain.service.SecureRandomIds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code amba webhooks listen}: reads the project's live event stream (Server-Sent Events from the Admin API) and
 * forwards each event to a local URL as a signed POST, the way Amba would deliver it, with a signing secret of this
 * session's. For development: nothing is retried or replayed.
 */
final class ListenCommand {

    static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);

    private final AdminClient admin;
    private final URI forwardTo;
    private final PrintWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final List<SigningSecret> secret;

    ListenCommand(AdminClient admin, URI forwardTo, PrintWriter out) {
        this.admin = admin;
        this.forwardTo = forwardTo;
        this.out = out;
        this.secret = List.of(SigningSecret.current("whsec_listen_" + new SecureRandomIds().alphanumeric(24)));
    }

    /** Forwards until the stream ends or {@code maxEvents} (0: no limit) were forwarded; answers how many. */
    int run(String project, int maxEvents) {
        out.println("Forwarding the events of " + project + " to " + forwardTo);
        out.println("This session's signing secret (verify Amba-Signature with it): " + secret.get(0).value());
        out.flush();
        int forwarded = 0;
        try (BufferedReader events = admin.stream("/admin/projects/" + AdminClient.segment(project) + "/webhook-events")) {
            String id = null;
            String type = null;
            StringBuilder data = new StringBuilder();
            for (String line = events.readLine(); line != null; line = events.readLine()) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    type = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                } else if (line.isEmpty() && id != null && !data.isEmpty()) {
                    forward(id, type, data.toString());
                    forwarded++;
                    id = null;
                    type = null;
                    data.setLength(0);
                    if (maxEvents > 0 && forwarded >= maxEvents) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw CliFailure.unreachable("the event stream from Amba ended: " + e.getMessage());
        }
        return forwarded;
    }

    private void forward(String id, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(forwardTo)
                .timeout(FORWARD_TIMEOUT)
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header(AmbaSignature.EVENT_ID_HEADER, id)
                .header(AmbaSignature.HEADER, AmbaSignature.header(Instant.now().getEpochSecond(), bytes, secret))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        String answer;
        try {
            answer = Integer.toString(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException e) {
            answer = "no answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = "interrupted";
        }
        out.println(Instant.now() + "  " + type + "  " + id + "  -> " + answer);
        out.flush();
    }
}
