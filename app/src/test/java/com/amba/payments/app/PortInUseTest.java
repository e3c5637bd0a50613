package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real entry point, in its own process, on a port something else holds: one clear line, exit 1, no hang. */
class PortInUseTest {

    @Test
    void aTakenPortEndsTheProcessWithOneLineNamingThePort() throws IOException, InterruptedException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
            int port = taken.getLocalPort();
            ProcessBuilder builder = new ProcessBuilder(MainProcess.command());
            builder.environment().keySet().removeIf(name -> name.startsWith("AMBA_"));
            builder.environment().put("AMBA_HTTP_PORT", String.valueOf(port));
            // Files, not pipes: a process that hangs is killed, and what it wrote is still there to read.
            Path outFile = Files.createTempFile("amba-port-in-use", ".out");
            Path errFile = Files.createTempFile("amba-port-in-use", ".err");
            builder.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            Process process = builder.start();
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String out = Files.readString(outFile, StandardCharsets.UTF_8);
            String err = Files.readString(errFile, StandardCharsets.UTF_8);
            Files.delete(outFile);
            Files.delete(errFile);
            assertTrue(ended, "still running a minute after its port was found taken:\n" + err);
            assertEquals(1, process.exitValue(), err);
            assertFalse(out.contains("is running"), "no banner for a service that is not running:\n" + out);
            List<String> problems = err.lines().filter(line -> !line.startsWith("{")).toList();
            assertEquals(1, problems.size(), "one plain line (JSON log lines aside), no stack trace:\n" + err);
            String line = problems.get(0);
            assertTrue(line.startsWith("Amba Payments could not start: port " + port + " is already in use"), line);
            assertTrue(line.contains("AMBA_HTTP_PORT"), line);
            assertFalse(err.contains("\tat "), err);
        }
    }
}
