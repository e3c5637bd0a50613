package com.amba.payments.app.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code amba webhooks …}: a project's webhook endpoints and their deliveries (SPEC §12). */
@Command(name = "webhooks", description = "Manage a project's webhook endpoints and look at their deliveries.")
final class WebhooksCommands {

    @ParentCommand
    private AmbaCli amba;

    private static String endpoints(String project) {
        return "/admin/projects/" + AdminClient.segment(project) + "/webhook-endpoints";
    }

    private static String endpoint(String project, String endpointId) {
        return endpoints(project) + "/" + AdminClient.segment(endpointId);
    }

    @Command(name = "create", description = "Adds an endpoint. Its signing secret is shown this once.")
    void create(@Parameters(index = "0", paramLabel = "PROJECT", description = "The project's id (proj_…).") String project,
                @Parameters(index = "1", paramLabel = "URL",
                        description = "Where to POST events: https:// (dev mode also http://).") String url,
                @Option(names = "--events", split = ",", defaultValue = "*", paramLabel = "TYPE[,TYPE…]",
                        description = "Event types, or * for all (default).") List<String> events,
                @Option(names = AdminClient.IDEMPOTENCY_KEY_OPTION, paramLabel = "KEY",
                        description = AdminClient.IDEMPOTENCY_KEY_HELP) String idempotencyKey) {
        JsonObject data = amba.admin().post(endpoints(project),
                new JsonObject().put("url", url).put("events", new JsonArray(events)), idempotencyKey)
                .getJsonObject("data");
        amba.show(data, out -> {
            out.println("endpoint id:     " + data.getString("endpoint_id"));
            out.println("url:             " + data.getString("url"));
            out.println("events:          " + String.join(",", data.getJsonArray("events").stream().map(String::valueOf).toList()));
            if (data.getString("signing_secret") == null) {
                out.println("signing secret:  not shown again (this answers an earlier create with the same idempotency key)");
                out.println();
                out.println("If that first answer was lost: amba webhooks rotate-secret " + project + " "
                        + data.getString("endpoint_id") + " gives a new one.");
                return;
            }
            out.println("signing secret:  " + data.getString("signing_secret"));
            out.println();
            out.println("The signing secret is shown only this once: store it to verify Amba-Signature.");
        });
    }

    @Command(name = "list", description = "Lists a project's endpoints (never their secrets).")
    void list(@Parameters(paramLabel = "PROJECT", description = "The project's id (proj_…).") String project) {
        JsonArray data = amba.admin().get(endpoints(project)).getJsonArray("data");
        amba.show(data, out -> {
            Table table = new Table("ENDPOINT", "URL", "EVENTS", "CREATED");
            data.forEach(item -> {
                JsonObject e = (JsonObject) item;
                table.row(e.getString("endpoint_id"), e.getString("url"),
                        String.join(",", e.getJsonArray("events").stream().map(String::valueOf).toList()),
                        e.getString("created_at"));
            });
            table.print(out);
        });
    }

    @Command(name = "delete", description = "Removes an endpoint and its pending deliveries.")
    void delete(@Parameters(index = "0", paramLabel = "PROJECT") String project,
                @Parameters(index = "1", paramLabel = "ENDPOINT_ID") String endpointId) {
        JsonObject data = amba.admin().delete(endpoint(project, endpointId)).getJsonObject("data");
        amba.show(data, out -> out.println("deleted endpoint " + data.getString("endpoint_id")));
    }

    @Command(name = "rotate-secret",
            description = "A new signing secret (shown this once); the old one keeps signing beside it for 24 h.")
    void rotate(@Parameters(index = "0", paramLabel = "PROJECT") String project,
                @Parameters(index = "1", paramLabel = "ENDPOINT_ID") String endpointId) {
        JsonObject data = amba.admin().post(endpoint(project, endpointId) + "/rotate-secret", null)
                .getJsonObject("data");
        amba.show(data, out -> {
            out.println("endpoint id:         " + data.getString("endpoint_id"));
            out.println("new signing secret:  " + data.getString("signing_secret"));
            out.println("old secret signs until " + data.getString("rotation_ends_at"));
        });
    }

    @Command(name = "deliveries", description = "The endpoint's deliveries log, newest first.")
    void deliveries(@Parameters(index = "0", paramLabel = "PROJECT") String project,
                    @Parameters(index = "1", paramLabel = "ENDPOINT_ID") String endpointId) {
        JsonArray data = amba.admin().get(endpoint(project, endpointId) + "/deliveries").getJsonArray("data");
        amba.show(data, out -> {
            Table table = new Table("DELIVERY", "EVENT", "PAYMENT", "STATUS", "ATTEMPTS", "LAST", "NEXT");
            data.forEach(item -> {
                JsonObject d = (JsonObject) item;
                Object last = d.getValue("last_response_code") != null ? d.getValue("last_response_code")
                        : d.getString("last_error");
                table.row(d.getString("delivery_id"), d.getString("event_type"), d.getString("payment_id"),
                        d.getString("status"), d.getInteger("attempts"), last, d.getString("next_attempt_at"));
            });
            table.print(out);
        });
    }

    @Command(name = "retry", description = "Tries a delivery again now, whatever its state.")
    void retry(@Parameters(index = "0", paramLabel = "PROJECT") String project,
               @Parameters(index = "1", paramLabel = "ENDPOINT_ID") String endpointId,
               @Parameters(index = "2", paramLabel = "DELIVERY_ID") String deliveryId) {
        JsonObject data = amba.admin().post(endpoint(project, endpointId) + "/deliveries/"
                + AdminClient.segment(deliveryId) + "/retry", null).getJsonObject("data");
        amba.show(data, out -> out.println("delivery " + data.getString("delivery_id") + " is due again ("
                + data.getString("status") + ")"));
    }

    @Command(name = "listen",
            description = "Forwards the project's events, live, to a local URL as signed POSTs (for development).")
    void listen(@Parameters(paramLabel = "PROJECT", description = "The project's id (proj_…).") String project,
                @Option(names = "--forward-to", required = true, paramLabel = "URL",
                        description = "Where to POST each event, e.g. http://localhost:3000/hook.") String forwardTo,
                @Option(names = "--max-events", defaultValue = "0", paramLabel = "N",
                        description = "Stop after N events (default 0: until interrupted).") int maxEvents) {
        URI target;
        try {
            target = new URI(forwardTo);
        } catch (URISyntaxException e) {
            throw CliFailure.misconfigured("--forward-to is not a URL: " + e.getReason());
        }
        if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
            throw CliFailure.misconfigured("--forward-to must be an http:// or https:// URL");
        }
        new ListenCommand(amba.admin(), target, amba.out()).run(project, maxEvents);
    }
}
