package com.amba.payments.adapter.http.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAPI 3.1 document of every route the service answers (SPEC §13). Each area's routes are described in
 * its own {@code *Operations} class; a new route is one more {@link Operation} there. A test walks the router and
 * fails when a served route is missing here, or a described one is not served.
 */
public final class ApiDocument {

    private ApiDocument() {
    }

    /** Every described operation, in the document's order. */
    public static List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        all.addAll(ClientOperations.all());
        all.addAll(AdminOperations.all());
        all.addAll(WebhookEndpointOperations.all());
        all.addAll(ProviderWebhookOperations.all());
        all.addAll(OnboardingOperations.all());
        all.addAll(MoneyBackOperations.all());
        all.addAll(SandboxOperations.all());
        all.addAll(OpsOperations.all());
        return all;
    }

    public static JsonObject json() {
        JsonObject paths = new JsonObject();
        for (Operation operation : operations()) {
            JsonObject item = paths.getJsonObject(operation.openApiPath());
            if (item == null) {
                item = new JsonObject();
                paths.put(operation.openApiPath(), item);
            }
            if (item.containsKey(operation.methodKey())) {
                throw new IllegalStateException("described twice: " + operation.method() + " " + operation.routerPath());
            }
            item.put(operation.methodKey(), operation.toJson());
        }
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject()
                        .put("title", "Amba Payments")
                        .put("version", "0.1.0")
                        .put("summary", "Payments for projects built on Amba, on Stripe Connect")
                        .put("description", """
                                Success answers are {"data": …} (lists carry has_more and next_cursor beside data); \
                                errors are {"error": {"code", "message"}}. Every answer carries X-Request-Id (the \
                                caller's, when it sent one). 502 and 503 answers carry Retry-After. Money is integers \
                                in the currency's minor unit."""))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("tags", new JsonArray()
                        .add(tag(ClientOperations.TAG, "A project's backend (server key) and app (client key)"))
                        .add(tag(AdminOperations.TAG, "The platform owner, with the admin bearer token"))
                        .add(tag(WebhookEndpointOperations.TAG, "Amba telling a project's backend: endpoints, deliveries"))
                        .add(tag(ProviderWebhookOperations.TAG, "Stripe telling Amba"))
                        .add(tag(OnboardingOperations.TAG, "Where Stripe's hosted onboarding sends a browser back"))
                        .add(tag(SandboxOperations.TAG, "Dev mode's sandbox provider; 404 with a Stripe key"))
                        .add(tag(OpsOperations.TAG, "Health, metrics, this document")))
                .put("paths", paths)
                .put("webhooks", WebhookEndpointOperations.outgoing())
                .put("components", new JsonObject()
                        .put("schemas", Schemas.components()
                                .put("PaymentCloudEvent", WebhookEndpointOperations.cloudEventSchema()))
                        .put("securitySchemes", new JsonObject()
                                .put(Access.API_KEY_SCHEME, new JsonObject().put("type", "apiKey").put("in", "header")
                                        .put("name", "X-Api-Key")
                                        .put("description", "a project's key: amba_sk_… (server) or amba_pk_… (client)"))
                                .put(Access.ADMIN_SCHEME, new JsonObject().put("type", "http").put("scheme", "bearer")
                                        .put("description", "the platform owner's admin token")))
                        .put("parameters", new JsonObject().put("RequestId", new JsonObject()
                                .put("name", "X-Request-Id").put("in", "header").put("required", false)
                                .put("description", "echoed back; one is made up when absent")
                                .put("schema", new JsonObject().put("type", "string"))))
                        .put("headers", new JsonObject().put("RequestId", new JsonObject()
                                .put("description", "the request's id, the caller's when it sent one")
                                .put("schema", new JsonObject().put("type", "string")))));
    }

    private static JsonObject tag(String name, String description) {
        return new JsonObject().put("name", name).put("description", description);
    }
}
