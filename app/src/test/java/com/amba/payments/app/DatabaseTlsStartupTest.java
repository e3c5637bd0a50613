package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amba.payments.adapter.postgres.ScratchDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code sslmode} in {@code AMBA_DATABASE_URL}, against the test server, which speaks no TLS (the machine's
 * PostgreSQL is not reconfigured for this): {@code require} ends the real entry point with one clear line and a
 * non-zero exit, {@code disable} and {@code prefer} (libpq's default) start and connect.
 */
class DatabaseTlsStartupTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = ScratchDatabase.create();
        assumeTrue(database.count("SELECT CASE WHEN current_setting('ssl') = 'on' THEN 1 ELSE 0 END") == 0,
                "the test server offers TLS, so it cannot show a refusal");
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private record Run(Process process, Path out, Path err) {
        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        String stderr() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        void cleanUp() throws IOException, InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Run start(String sslMode) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(MainProcess.command());
        builder.environment().keySet().removeIf(name -> name.startsWith("AMBA_"));
        builder.environment().put("AMBA_HTTP_PORT", "0");
        builder.environment().put("AMBA_DATABASE_URL", database.urlText() + "?sslmode=" + sslMode);
        Path out = Files.createTempFile("amba-sslmode", ".out");
        Path err = Files.createTempFile("amba-sslmode", ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        return new Run(builder.start(), out, err);
    }

    @Test
    void requireAgainstAServerWithoutTlsEndsStartUpWithOneLineAndExitOne() throws Exception {
        Run run = start("require");
        try {
            boolean ended = run.process().waitFor(60, TimeUnit.SECONDS);
            String err = run.stderr();
            assertTrue(ended, "still running a minute after the database refused TLS:\n" + err);
            assertEquals(1, run.process().exitValue(), err);
            assertFalse(run.stdout().contains("is running"), run.stdout());
            List<String> problems = err.lines().filter(line -> !line.startsWith("{")).toList();
            assertEquals(1, problems.size(), "one plain line (JSON log lines aside), no stack trace:\n" + err);
            assertTrue(problems.get(0).startsWith("Amba Payments could not start: "), problems.get(0));
            assertTrue(problems.get(0).startsWith("Amba Payments could not start: could not connect to postgresql://"),
                    problems.get(0));
            assertTrue(problems.get(0).contains("sslmode=require") && problems.get(0).contains("does not support SSL"),
                    "says which setting the server cannot meet: " + problems.get(0));
            assertFalse(err.contains("\tat "), err);
        } finally {
            run.cleanUp();
        }
    }

    @Test
    void disableAndPreferConnectToAServerWithoutTls() throws Exception {
        for (String mode : List.of("disable", "prefer")) {
            Run run = start(mode);
            try {
                Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
                while (!run.stdout().contains("is running") && run.process().isAlive() && Instant.now().isBefore(giveUp)) {
                    Thread.sleep(100);
                }
                assertTrue(run.stdout().contains("is running"), "sslmode=" + mode + " did not start:\n" + run.stderr());
                assertTrue(run.process().isAlive(), run.stderr());
            } finally {
                run.cleanUp();
            }
        }
    }
}
