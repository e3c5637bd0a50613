package com.amba.payments.adapter.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per route, method and status: how many answers, and how long they took. Scraped at /metrics. */
final class HttpMetrics {

    static final String RESPONSES = "amba.http.responses";
    static final String DURATION = "amba.http.request.duration";
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The two meters of one (method, route, status), registered once and then reused on every answer. */
    private record Meters(Counter responses, Timer duration) {}

    private record Key(String method, String route, String status) {}

    private final PrometheusMeterRegistry registry;
    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

    HttpMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void record(String method, String route, String status, Duration took) {
        Meters found = meters.computeIfAbsent(new Key(method, route, status), this::register);
        found.responses().increment();
        found.duration().record(took);
    }

    private Meters register(Key key) {
        return new Meters(Counter.builder(RESPONSES)
                .description("HTTP answers by route and status")
                .tags("method", key.method(), "route", key.route(), "status", key.status())
                .register(registry),
                Timer.builder(DURATION)
                        .description("Time from request to the end of the answer")
                        .tags("method", key.method(), "route", key.route(), "status", key.status())
                        .register(registry));
    }

    String scrape() {
        return registry.scrape();
    }
}
