package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class AsyncLogHandlerTest {

    private static final Formatter MESSAGE_ONLY = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return record.getLevel() + " " + record.getMessage() + "\n";
        }
    };

    @Test
    void everyLineIsWrittenInOrderByTheTimeFlushReturns() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsyncLogHandler handler = new AsyncLogHandler(out, MESSAGE_ONLY, 1024);
        for (int i = 0; i < 500; i++) {
            handler.publish(new LogRecord(Level.INFO, "line " + i));
        }
        handler.flush();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(500, lines.size());
        for (int i = 0; i < 500; i++) {
            assertEquals("INFO line " + i, lines.get(i));
        }
        handler.close();
    }

    @Test
    void aFullQueueDropsAndCountsInfoLinesButWaitsForRoomForAWarning() throws Exception {
        StalledStream out = new StalledStream();
        AsyncLogHandler handler = new AsyncLogHandler(out, MESSAGE_ONLY, 4);
        handler.publish(new LogRecord(Level.INFO, "first"));
        assertTrue(out.writing.await(5, TimeUnit.SECONDS), "the writer reached the stalled stream");
        for (int i = 0; i < 4; i++) {
            handler.publish(new LogRecord(Level.INFO, "queued " + i));
        }
        handler.publish(new LogRecord(Level.INFO, "dropped"));
        assertEquals(1, handler.dropped());

        Thread warning = Thread.ofPlatform().start(() -> handler.publish(new LogRecord(Level.WARNING, "kept")));
        waitUntilWaiting(warning);
        out.release.countDown();
        warning.join(5_000);
        handler.flush();

        String written = out.written();
        assertTrue(written.contains("INFO first\n"), written);
        assertTrue(written.contains("INFO queued 3\n"), written);
        assertTrue(written.contains("WARNING kept\n"), written);
        assertTrue(!written.contains("INFO dropped"), written);
        assertTrue(written.contains("WARNING 1 log lines below WARNING were dropped"), written);
        handler.close();
    }

    @Test
    void closeWritesWhatIsQueuedThenTakesNoMore() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsyncLogHandler handler = new AsyncLogHandler(out, MESSAGE_ONLY, 64);
        handler.publish(new LogRecord(Level.SEVERE, "last words"));
        handler.close();
        handler.publish(new LogRecord(Level.SEVERE, "after close"));
        assertEquals("SEVERE last words\n", out.toString(StandardCharsets.UTF_8));
    }

    private static void waitUntilWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(Thread.State.WAITING, thread.getState(), "a WARNING waits for room rather than being dropped");
    }

    /** A stream whose first write blocks until released, as a slow terminal or pipe would. */
    private static final class StalledStream extends OutputStream {
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            synchronized (bytes) {
                bytes.write(b, off, len);
            }
        }

        String written() {
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
