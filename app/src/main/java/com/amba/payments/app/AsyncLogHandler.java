package com.amba.payments.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Writes log lines on a thread of its own, so that the thread that logs (an event loop, for the access log's line
 * of every request) neither formats the line nor waits for the stream's lock and its write: it only queues the
 * record. The writer formats what is queued, writes it in one go and flushes whenever the queue is empty, so a line
 * reaches the stream within milliseconds.
 *
 * <p>When the queue is full, a line below WARNING is dropped and counted (the next written line says how many), and
 * a WARNING or SEVERE waits for room: under a flood of requests the access log may thin out, but no warning or error
 * is lost. java.util.logging has no asynchronous handler of its own; this is the small part of Logback's
 * {@code AsyncAppender} that the service needs. {@link #flush()} returns once everything queued before it is written:
 * the shutdown line and a failed start's last lines are flushed before the process exits.
 */
final class AsyncLogHandler extends Handler {

    static final int QUEUE_CAPACITY = 16_384;
    private static final int BATCH = 512;

    private final BlockingQueue<LogRecord> queue;
    private final Writer out;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong flushed = new AtomicLong();
    private final AtomicLong flushWanted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object progress = new Object();
    private final Thread writer;
    private volatile boolean closed;

    AsyncLogHandler(OutputStream stream, Formatter formatter, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        setFormatter(formatter);
        this.writer = Thread.ofPlatform().name("amba-log-writer").daemon().unstarted(this::writeUntilClosed);
        writer.start();
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            try {
                queue.put(record);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                dropped.incrementAndGet();
                return;
            }
        } else if (!queue.offer(record)) {
            dropped.incrementAndGet();
            return;
        }
        queued.incrementAndGet();
    }

    /** Waits (at most 5 s) until every line queued before this call is written and the stream flushed. */
    @Override
    public void flush() {
        long target = queued.get();
        flushWanted.accumulateAndGet(target, Math::max);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (progress) {
            while (flushed.get() < target && writer.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Writes what is queued, then stops taking lines. */
    @Override
    public void close() {
        flush();
        closed = true;
        writer.interrupt();
    }

    long dropped() {
        return dropped.get();
    }

    private void writeUntilClosed() {
        List<LogRecord> batch = new ArrayList<>(BATCH);
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException stop) {
                break;
            }
            queue.drainTo(batch, BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<LogRecord> batch) {
        try {
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                out.write(getFormatter().format(droppedLine(lost)));
            }
            for (LogRecord record : batch) {
                out.write(format(record));
            }
        } catch (IOException | RuntimeException failure) {
            reportError("could not write log lines", failure, ErrorManager.WRITE_FAILURE);
        }
        long total = written.addAndGet(batch.size());
        if (queue.isEmpty() || flushWanted.get() > flushed.get()) {
            try {
                out.flush();
            } catch (IOException failure) {
                reportError("could not flush log lines", failure, ErrorManager.FLUSH_FAILURE);
            }
            flushed.set(total);
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private String format(LogRecord record) {
        try {
            return getFormatter().format(record);
        } catch (RuntimeException failure) {
            reportError("could not format a log line", failure, ErrorManager.FORMAT_FAILURE);
            return "";
        }
    }

    private static LogRecord droppedLine(long lost) {
        LogRecord record = new LogRecord(Level.WARNING,
                lost + " log lines below WARNING were dropped: the log writer could not keep up");
        record.setLoggerName(AsyncLogHandler.class.getName());
        return record;
    }
}
