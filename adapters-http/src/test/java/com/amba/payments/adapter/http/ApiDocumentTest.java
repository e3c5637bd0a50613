package com.amba.payments.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.http.openapi.ApiDocument;
import com.amba.payments.adapter.http.openapi.ErrorCodes;
import com.amba.payments.adapter.http.openapi.Operation;
import com.amba.payments.domain.model.PaymentError;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /openapi.json describes exactly the routes the router serves, validly, with SPEC's error codes. */
class ApiDocumentTest {

    /**
     * The error codes SPEC.md names for each route (§2, §4, §5, §6, §8, §9, §11, §12), transcribed: the document may
     * list more, never fewer.
     */
    private static final Map<String, Set<String>> SPEC_CODES = Map.ofEntries(
            Map.entry("POST /client/payments/intents", Set.of("INVALID_API_KEY", "SERVER_KEY_REQUIRED",
                    "PAYMENTS_NOT_ENABLED", "INVALID_BODY", "INVALID_AMOUNT", "INVALID_CURRENCY", "INVALID_FEE",
                    "PAYMENTS_NOT_SET_UP", "PAYMENTS_NOT_READY", "NO_PLATFORM_FEE", "FEE_EXCEEDS_AMOUNT",
                    "CLIENT_REFERENCE_CONFLICT", "PAYMENT_PROVIDER_UNAVAILABLE", "CONTROL_PLANE_UNAVAILABLE")),
            Map.entry("GET /client/payments/intents/:id", Set.of("INVALID_API_KEY", "PAYMENT_NOT_FOUND",
                    "CONTROL_PLANE_UNAVAILABLE")),
            Map.entry("POST /client/payments/intents/:id/cancel", Set.of("INVALID_API_KEY", "SERVER_KEY_REQUIRED",
                    "PAYMENTS_NOT_ENABLED", "INVALID_BODY", "PAYMENT_NOT_FOUND", "PAYMENT_NOT_CANCELABLE")),
            Map.entry("POST /client/payments/intents/:id/refunds", Set.of("INVALID_API_KEY", "SERVER_KEY_REQUIRED",
                    "PAYMENTS_NOT_ENABLED", "INVALID_BODY", "INVALID_AMOUNT", "PAYMENT_NOT_FOUND",
                    "PAYMENT_NOT_REFUNDABLE", "REFUND_EXCEEDS_AMOUNT", "CLIENT_REFERENCE_CONFLICT",
                    "PAYMENT_PROVIDER_UNAVAILABLE")),
            Map.entry("GET /client/payments/intents/:id/refunds", Set.of("INVALID_API_KEY", "PAYMENT_NOT_FOUND")),
            Map.entry("POST /webhooks/stripe", Set.of("INVALID_SIGNATURE")),
            Map.entry("GET /admin/payments/status", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("POST /admin/payments/enable", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("POST /admin/payments/disable", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("PUT /admin/payments/config", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("GET /admin/payments/report", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("POST /admin/projects", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("POST /admin/projects/:id/api-keys", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("DELETE /admin/projects/:id/api-keys/:key_id", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("POST /admin/projects/:id/payments/account", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("PUT /admin/projects/:id/payments/config", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("GET /admin/projects/:id/payments", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("POST /admin/projects/:id/webhook-endpoints", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("GET /admin/projects/:id/webhook-endpoints", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("DELETE /admin/projects/:id/webhook-endpoints/:endpoint_id", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("POST /admin/projects/:id/webhook-endpoints/:endpoint_id/rotate-secret",
                    Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("GET /admin/projects/:id/webhook-endpoints/:endpoint_id/deliveries", Set.of("INVALID_ADMIN_TOKEN")),
            Map.entry("POST /admin/projects/:id/webhook-endpoints/:endpoint_id/deliveries/:delivery_id/retry",
                    Set.of("INVALID_ADMIN_TOKEN")));

    /** Served for the /docs page itself, not part of the API. */
    private static final Set<String> NOT_API = Set.of("GET " + DocsRoutes.ASSETS.replace("*", ""));

    private static Vertx vertx;
    private static AmbaHttpServer server;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        server = new AmbaHttpServer(AmbaHttpServerTest.everyRoute());
        vertx.deployVerticle(server).await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIParser().readContents(ApiDocument.json().encode(), null, options);
        assertNotNull(parsed.getOpenAPI(), "unparseable: " + parsed.getMessages());
        assertEquals(List.of(), parsed.getMessages(), "the validator's complaints");
        assertEquals("3.1.0", parsed.getOpenAPI().getOpenapi());
        assertEquals(Set.of("apiKey", "adminToken"), parsed.getOpenAPI().getComponents().getSecuritySchemes().keySet());
        assertEquals(Set.of("amba.payment.created", "amba.payment.status_changed", "amba.payment.dispute_changed",
                        "amba.refund.created", "amba.refund.status_changed"),
                parsed.getOpenAPI().getWebhooks().keySet(), "what a project's endpoint receives");
    }

    @Test
    void theValidatorNoticesABrokenDocument() {
        JsonObject broken = ApiDocument.json();
        broken.getJsonObject("info").remove("title");
        broken.getJsonObject("paths").getJsonObject("/client/payments/intents/{id}").getJsonObject("get")
                .put("responses", "none");
        SwaggerParseResult parsed = new OpenAPIParser().readContents(broken.encode(), null, new ParseOptions());
        assertTrue(parsed.getMessages().size() >= 2, "a missing title and malformed responses: " + parsed.getMessages());
    }

    @Test
    void everyServedRouteIsDescribedAndEveryDescribedRouteIsServed() {
        Set<String> served = new TreeSet<>(servedRoutes(server.router()));
        served.removeAll(NOT_API);
        Set<String> described = new TreeSet<>();
        for (Operation operation : ApiDocument.operations()) {
            described.add(operation.method() + " " + operation.routerPath());
        }
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(described);
        Set<String> unserved = new TreeSet<>(described);
        unserved.removeAll(served);
        assertEquals(Set.of(), undocumented, "served but missing from /openapi.json");
        assertEquals(Set.of(), unserved, "in /openapi.json but not served");
    }

    @Test
    void everyErrorCodeSpecNamesForARouteIsInItsResponses() {
        JsonObject paths = ApiDocument.json().getJsonObject("paths");
        for (Map.Entry<String, Set<String>> route : SPEC_CODES.entrySet()) {
            String[] parts = route.getKey().split(" ", 2);
            String openApiPath = parts[1].replaceAll(":([A-Za-z_]+)", "{$1}");
            JsonObject operation = paths.getJsonObject(openApiPath).getJsonObject(parts[0].toLowerCase());
            assertNotNull(operation, route.getKey());
            Set<String> documented = new TreeSet<>();
            JsonObject responses = operation.getJsonObject("responses");
            for (String status : responses.fieldNames()) {
                JsonObject examples = responses.getJsonObject(status).getJsonObject("content")
                        .getJsonObject("application/json", new JsonObject()).getJsonObject("examples", new JsonObject());
                for (String code : examples.fieldNames()) {
                    assertEquals(Integer.toString(ErrorCodes.statusOf(code)), status, code + " on " + route.getKey());
                    documented.add(code);
                }
            }
            Set<String> missing = new TreeSet<>(route.getValue());
            missing.removeAll(documented);
            assertEquals(Set.of(), missing, "error codes SPEC lists for " + route.getKey());
        }
    }

    @Test
    void theDocumentedStatusOfEveryDomainErrorIsTheOneTheApiAnswers() throws Exception {
        for (Class<?> kind : PaymentError.class.getPermittedSubclasses()) {
            PaymentError error = anInstanceOf(kind);
            assertEquals(ErrorResponses.status(error), ErrorCodes.statusOf(error.code()), error.code());
        }
    }

    @Test
    void theServiceServesTheDocumentAndTheDocsPageFromItsJar() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> document = get(http, "/openapi.json");
        assertEquals(200, document.statusCode());
        assertEquals(ApiDocument.json(), new JsonObject(document.body()));

        HttpResponse<String> page = get(http, "/docs");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        Matcher assets = Pattern.compile("(?:src|href)=\"(/docs/assets/[^\"]+)\"").matcher(page.body());
        List<String> linked = new ArrayList<>();
        while (assets.find()) {
            linked.add(assets.group(1));
        }
        assertEquals(List.of("/docs/assets/swagger-ui.css", "/docs/assets/swagger-ui-bundle.js"), linked);
        for (String asset : linked) {
            HttpResponse<String> served = get(http, asset);
            assertEquals(200, served.statusCode(), asset);
            assertTrue(served.body().length() > 10_000, asset + " looks empty");
        }
        assertTrue(page.body().contains("\"/openapi.json\""), "the page renders this service's document");
    }

    private static HttpResponse<String> get(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** "METHOD /path" for every route with a method; the catch-all filters (no method) are not routes. */
    static List<String> servedRoutes(Router router) {
        List<String> routes = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            if (route.methods() == null || route.methods().isEmpty() || route.getPath() == null) {
                continue;
            }
            route.methods().forEach(method -> routes.add(method.name() + " " + route.getPath()));
        }
        return routes;
    }

    private static PaymentError anInstanceOf(Class<?> kind) throws Exception {
        Constructor<?> constructor = kind.getDeclaredConstructors()[0];
        RecordComponent[] components = kind.getRecordComponents();
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            Class<?> type = components[i].getType();
            arguments[i] = type == long.class ? 1L : type == int.class ? 1 : type == String.class ? "x" : null;
        }
        return (PaymentError) constructor.newInstance(arguments);
    }
}
