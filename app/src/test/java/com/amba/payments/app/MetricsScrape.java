package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.app.http.Api;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One meter's value read off /metrics. */
final class MetricsScrape {

    private MetricsScrape() {
    }

    static double value(Api api, String name) {
        Api.Answer metrics = api.send("GET", "/metrics", Map.of(), null);
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics.body());
        assertTrue(value.find(), () -> name + " not on /metrics");
        return Double.parseDouble(value.group(1));
    }
}
