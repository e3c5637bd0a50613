package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.postgres.PostgresSettings;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What /metrics says about payments: creates by outcome and currency, provider calls, reconciler sweeps. */
class BusinessMetricsTest {

    private static DevAmba amba;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
    }

    @AfterAll
    static void stop() {
        if (amba != null) {
            amba.close();
        }
    }

    private static double value(String scrape, String meter, String... labels) {
        return scrape.lines().filter(line -> line.startsWith(meter + "{") || line.startsWith(meter + " "))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void createsAreCountedByOutcomeAndCurrencyAndProviderCallsAreTimedByOperation() {
        String before = amba.api.send("GET", "/metrics", Map.of(), null).body();
        assertEquals(200, amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 2000, \"currency\": \"eur\"}")
                .status());
        assertEquals(400, amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 0, \"currency\": \"eur\"}")
                .status());
        String after = amba.api.send("GET", "/metrics", Map.of(), null).body();

        assertEquals(1.0, value(after, "amba_payment_creates_total", "outcome=\"created\"", "currency=\"eur\"")
                - value(before, "amba_payment_creates_total", "outcome=\"created\"", "currency=\"eur\""), after);
        assertEquals(1.0, value(after, "amba_payment_creates_total", "outcome=\"invalid_amount\"", "currency=\"none\"")
                - value(before, "amba_payment_creates_total", "outcome=\"invalid_amount\"", "currency=\"none\""));
        assertEquals(1.0, value(after, "amba_provider_call_seconds_count", "operation=\"create_intent\"",
                "outcome=\"ok\"") - value(before, "amba_provider_call_seconds_count", "operation=\"create_intent\"",
                "outcome=\"ok\""), after);
        assertTrue(after.lines().anyMatch(line -> line.startsWith("amba_reconciler_runs_total")), after);
        assertTrue(after.lines().anyMatch(line -> line.startsWith("amba_reconciler_fixes_total")), after);
    }

    /**
     * On PostgreSQL the pool behind writes and transactions shows on /metrics: after a create it has opened a
     * connection, holds no more than its maximum (the configured one), and nobody waits on an idle service.
     * In memory there is no pool, and no such meter.
     */
    @Test
    void theDatabasePoolsUsageShowsOnPostgresql() {
        assertEquals(200, amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 700, \"currency\": \"usd\"}")
                .status());
        String scrape = amba.api.send("GET", "/metrics", Map.of(), null).body();
        String pool = "pool=\"transactional\"";
        if (!DevAmba.onPostgres()) {
            assertTrue(scrape.lines().noneMatch(line -> line.startsWith("amba_db_pool_")), scrape);
            return;
        }
        double max = value(scrape, "amba_db_pool_max", pool);
        double inUse = value(scrape, "amba_db_pool_in_use", pool);
        double idle = value(scrape, "amba_db_pool_idle", pool);
        assertEquals(PostgresSettings.defaults().transactionalConnections(), max, scrape);
        assertTrue(inUse >= 0 && idle >= 0 && inUse + idle >= 1 && inUse + idle <= max,
                "in use " + inUse + ", idle " + idle + ", max " + max);
        assertTrue(scrape.lines().anyMatch(line -> line.startsWith("amba_db_pool_waiting{") && line.contains(pool)),
                scrape);
        assertTrue(value(scrape, "amba_db_pool_waiting", pool) <= max, scrape);
    }
}
