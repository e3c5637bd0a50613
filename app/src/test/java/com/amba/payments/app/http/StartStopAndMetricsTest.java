package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One log line at start and one at shutdown, naming the version and the parts; JVM and process metrics. */
class StartStopAndMetricsTest {

    @Test
    void startAndShutdownEachWriteOneLineWithTheVersionAndTheParts() {
        List<String> lines;
        String scrape;
        int port;
        try (LogCapture log = LogCapture.start()) {
            try (DevAmba amba = DevAmba.start()) {
                port = amba.running.port();
                scrape = amba.api.send("GET", "/metrics", Map.of(), null).body();
            }
            lines = log.lines();
        }
        List<String> started = lines.stream().filter(l -> l.contains("Amba Payments ") && l.contains(" started in "))
                .toList();
        List<String> stopped = lines.stream().filter(l -> l.contains("Amba Payments ") && l.contains(" stopped after "))
                .toList();
        assertEquals(1, started.size(), lines::toString);
        assertEquals(1, stopped.size(), lines::toString);
        String parts = "ledger " + (DevAmba.onPostgres() ? "postgresql" : "memory") + ", events in-process, provider "
                + (DevAmba.onStripe() ? "stripe" : "sandbox");
        assertTrue(started.get(0).contains("dev mode on port " + port) && started.get(0).contains(parts),
                started::toString);
        assertTrue(started.get(0).matches("(?s).*Amba Payments \\d+\\.\\d+\\.\\d+\\S* started.*"), started::toString);
        assertTrue(stopped.get(0).contains(parts), stopped::toString);

        for (String meter : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "process_cpu_usage", "process_uptime_seconds", "system_cpu_count")) {
            assertTrue(scrape.lines().anyMatch(line -> line.startsWith(meter)), () -> meter + " missing from /metrics");
        }
    }
}
