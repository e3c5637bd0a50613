package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real entry point, in its own process: production without its parts refuses to start and says why. */
class ProductionRefusalTest {

    @Test
    void productionWithoutItsVariablesExitsNamingEachOne() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(MainProcess.command());
        builder.environment().keySet().removeIf(name -> name.startsWith("AMBA_"));
        builder.environment().put("AMBA_MODE", "production");
        builder.environment().put("AMBA_ADMIN_TOKEN", "set-but-alone");
        builder.redirectErrorStream(true);
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "refuses at once instead of starting");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("refuses to start"), output);
        for (String name : new String[] {"AMBA_DATABASE_URL", "AMBA_KAFKA_BOOTSTRAP_SERVERS", "AMBA_STRIPE_SECRET_KEY",
            "AMBA_STRIPE_WEBHOOK_SECRET"}) {
            assertTrue(output.contains(name), () -> name + " not named in:\n" + output);
        }
        assertTrue(!output.contains("AMBA_ADMIN_TOKEN is not set"), "what is set is not named");
        assertTrue(!output.contains("set-but-alone"), "the token itself is never printed");
    }
}
