package com.amba.payments.adapter.http.openapi;

import static com.amba.payments.adapter.http.openapi.Schemas.arrayOf;
import static com.amba.payments.adapter.http.openapi.Schemas.closedObject;
import static com.amba.payments.adapter.http.openapi.Schemas.string;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Health, metrics and the description itself. */
final class OpsOperations {

    static final String TAG = "Operations";

    private OpsOperations() {
    }

    static List<Operation> all() {
        return List.of(
                Operation.get("/health/live")
                        .summary("live", "Liveness", TAG)
                        .description("200 for as long as the process can answer at all; touches nothing else.")
                        .ok("alive", closedObject(new JsonObject().put("status", string("live")), "status"),
                                new JsonObject().put("status", "live")),
                Operation.get("/health/ready")
                        .summary("ready", "Readiness", TAG)
                        .description("The database and Kafka are reachable (when configured).")
                        .ok("ready", closedObject(new JsonObject().put("status", string("ready"))
                                        .put("checks", arrayOf(string("a check that passed"))), "status", "checks"),
                                new JsonObject().put("status", "ready").put("checks", new JsonArray().add("database")))
                        .errors("NOT_READY"),
                Operation.get("/metrics")
                        .summary("metrics", "Prometheus metrics", TAG)
                        .answers(200, "the Prometheus text exposition format", "text/plain",
                                string("Prometheus text format 0.0.4"), "amba_provider_events_total{outcome=\"applied\"} 3.0\n"),
                Operation.get("/openapi.json")
                        .summary("openapi", "This document", TAG)
                        .answers(200, "the OpenAPI 3.1 document of every route", "application/json",
                                new JsonObject().put("type", "object"), null),
                Operation.get("/docs")
                        .summary("docs", "The document, rendered for a person", TAG)
                        .description("Swagger UI, served from the service's own jar; nothing comes from the internet.")
                        .answers(200, "an HTML page", "text/html", string("HTML"), null));
    }
}
