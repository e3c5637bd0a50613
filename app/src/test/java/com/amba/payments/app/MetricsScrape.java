package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.app.http.Api;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One meter's value read off /metrics, and waiting (at most 15 s) for what a scrape should come to show. */
final class MetricsScrape {

    private MetricsScrape() {
    }

    static double value(Api api, String name) {
        Api.Answer metrics = api.send("GET", "/metrics", Map.of(), null);
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics.body());
        assertTrue(value.find(), () -> name + " not on /metrics");
        return Double.parseDouble(value.group(1));
    }

    static void eventually(java.util.function.BooleanSupplier condition, String what) {
        Eventually.within(Duration.ofSeconds(15), condition, what);
    }
}
