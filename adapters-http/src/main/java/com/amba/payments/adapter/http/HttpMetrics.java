package com.amba.payments.adapter.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;

/** Per route, method and status: how many answers, and how long they took. Scraped at /metrics. */
final class HttpMetrics {

    static final String RESPONSES = "amba.http.responses";
    static final String DURATION = "amba.http.request.duration";
    static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    HttpMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void record(String method, String route, String status, Duration took) {
        Counter.builder(RESPONSES)
                .description("HTTP answers by route and status")
                .tags("method", method, "route", route, "status", status)
                .register(registry)
                .increment();
        Timer.builder(DURATION)
                .description("Time from request to the end of the answer")
                .tags("method", method, "route", route, "status", status)
                .register(registry)
                .record(took);
    }

    String scrape() {
        return registry.scrape();
    }
}
