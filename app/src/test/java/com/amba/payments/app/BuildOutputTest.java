package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What {@code scripts/run} shows of a build: plain text, so nothing runs into the service's first log line. */
class BuildOutputTest {

    private static final Path SCRIPTS = Path.of("..", "scripts");

    @Test
    void mavensColourResetsAndTheJdksUnsafeWarningsAreFilteredOut() throws IOException, InterruptedException {
        // What Maven 3.8 on JDK 25 writes for a quiet build that succeeds, byte for byte.
        String maven = "\u001b[0m\u001b[0mWARNING: A terminally deprecated method in sun.misc.Unsafe has been called\n"
                + "WARNING: sun.misc.Unsafe::objectFieldOffset has been called by com.google.common.util.concurrent."
                + "AbstractFuture$UnsafeAtomicHelper (file:/usr/share/maven/lib/guava.jar)\n"
                + "WARNING: Please consider reporting this to the maintainers of class com.google.common.util.concurrent."
                + "AbstractFuture$UnsafeAtomicHelper\n"
                + "WARNING: sun.misc.Unsafe::objectFieldOffset will be removed in a future release\n"
                + "\u001b[1;31m[ERROR]\u001b[m a real problem stays\n\u001b[0m\u001b[0m";
        Process filter = new ProcessBuilder(SCRIPTS.resolve("plain-output").toString()).start();
        filter.getOutputStream().write(maven.getBytes(StandardCharsets.UTF_8));
        filter.getOutputStream().close();
        String plain = new String(filter.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(filter.waitFor(10, TimeUnit.SECONDS));
        assertEquals("[ERROR] a real problem stays\n", plain);
    }

    @Test
    void runAndTheCliBuildThroughTheFilter() throws IOException {
        String build = Files.readString(SCRIPTS.resolve("build-if-changed"));
        assertTrue(build.contains("| scripts/plain-output"), build);
        assertTrue(Files.readString(SCRIPTS.resolve("run")).contains("scripts/build-if-changed"));
        assertTrue(Files.readString(SCRIPTS.resolve("amba")).contains("scripts/build-if-changed"));
    }
}
