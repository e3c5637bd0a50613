package com.amba.payments.adapter.http;

import com.amba.payments.adapter.http.openapi.ApiDocument;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The API described (SPEC §13): {@code /openapi.json}, and {@code /docs} rendering it with Swagger UI from its
 * WebJar inside the service's jar, so the page needs nothing from the internet.
 */
final class DocsRoutes {

    static final String ASSETS = "/docs/assets/*";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String PAGE = "amba-docs/index.html";

    private final String document = ApiDocument.json().encodePrettily();
    private final String page = resource(PAGE);

    void register(Router router) {
        Routes.on(router, HttpMethod.GET, "/openapi.json").handler(this::document);
        Routes.on(router, HttpMethod.GET, "/docs").handler(this::page);
        router.route(HttpMethod.GET, ASSETS).handler(AccessLog.named(ASSETS))
                .handler(StaticHandler.create(WEBJAR + swaggerUiVersion()).setCachingEnabled(false));
    }

    private void document(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8").end(document);
    }

    private void page(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(page);
    }

    /** The WebJar's own record of its version, so upgrading it is a change to the POM alone. */
    static String swaggerUiVersion() {
        Properties properties = new Properties();
        try (InputStream in = stream(WEBJAR_PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = DocsRoutes.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }
}
