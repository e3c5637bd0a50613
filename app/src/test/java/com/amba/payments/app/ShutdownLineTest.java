package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real entry point in its own process, stopped as Ctrl+C or an orchestrator would: it says it stopped. */
class ShutdownLineTest {

    @Test
    void aStoppedServiceWritesItsShutdownLine() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(MainProcess.command());
        builder.environment().keySet().removeIf(name -> name.startsWith("AMBA_"));
        builder.environment().put("AMBA_HTTP_PORT", "0");
        Path out = Files.createTempFile("amba-shutdown", ".out");
        Path err = Files.createTempFile("amba-shutdown", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            long giveUpAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // The banner goes to standard output at once; the log line, to standard error by the log's own writer
            // thread, a moment later: wait for both.
            while (!(Files.readString(out).contains("export BASE_URL=") && read(err).contains(" started in dev mode"))
                    && System.nanoTime() < giveUpAt) {
                assertTrue(process.isAlive(), () -> "exited before its banner: " + read(err));
                Thread.sleep(100);
            }
            assertTrue(Files.readString(out).contains("export BASE_URL="), () -> read(out));
            assertTrue(read(err).contains(" started in dev mode"), () -> read(err));
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stops within 30 s of SIGTERM");
            String log = read(err);
            assertTrue(log.lines().anyMatch(line -> line.contains("Amba Payments ") && line.contains(" stopped after ")
                    && line.contains("ledger memory, events in-process, provider sandbox")), log);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
