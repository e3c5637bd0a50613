package com.amba.payments.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the benchmark starts the service process with arrives there whole; keys never ride the command line. */
class HostArgumentsTest {

    @Test
    void theServiceProcessReadsBackWhatTheBenchmarkGaveIt() {
        HostArguments given = new HostArguments(true, Duration.ofMillis(120), 3, 64, 10, 4,
                Optional.of(new HostArguments.Stripe("sk_test_local", "http://127.0.0.1:4242/", "whsec_local")));

        HostArguments read = HostArguments.parse(given.toArguments().toArray(String[]::new), given.environment());

        assertEquals(given, read);
        assertEquals(10, read.postgresSettings().transactionalConnections());
        assertEquals(4, read.postgresSettings().pipelinedConnections());
        assertFalse(String.join(" ", given.toArguments()).contains("sk_test_local"));
    }

    @Test
    void aMissingSettingIsNamed() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> HostArguments.parse(new String[] {"store=memory"}, Map.of()));
        assertEquals("the service process needs provider-latency-ms", missing.getMessage());
    }

    @Test
    void theBenchmarkOptionsSizeTheBaselineLikeTheServicePools() {
        BenchOptions options = BenchOptions.parse(List.of("--db-transactional", "12", "--db-pipelined", "3"));
        assertEquals(15, options.postgresConnections());
        assertEquals(14, BenchOptions.defaults().postgresConnections());
    }
}
