package com.amba.payments.app;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: time, level, logger, then the message, or the fields of a structured event side by side
 * with them, and the exception if any. A structured event is a record whose message is {@code "{0}"} with one
 * {@link JsonObject} parameter (the access log's, once per request: taken as it is, never encoded and parsed back),
 * or a message that is a JSON object's text.
 */
final class JsonLogFormatter extends Formatter {

    private static final Set<String> OWN_FIELDS = Set.of("time", "level", "logger", "message", "error", "stack");

    @Override
    public String format(LogRecord record) {
        JsonObject line = new JsonObject()
                .put("time", Instant.ofEpochMilli(record.getMillis()).toString())
                .put("level", record.getLevel().getName())
                .put("logger", record.getLoggerName() == null ? "" : record.getLoggerName());
        JsonObject event = structuredParameter(record);
        String message = event == null ? formatMessage(record) : null;
        if (event == null) {
            event = structured(message);
        }
        if (event == null) {
            line.put("message", message == null ? "" : message);
        } else {
            // An event's field never overwrites the line's own: a clash keeps both, the event's one prefixed.
            event.forEach(field -> line.put(OWN_FIELDS.contains(field.getKey()) ? "event_" + field.getKey()
                    : field.getKey(), field.getValue()));
        }
        if (record.getThrown() != null) {
            Throwable thrown = record.getThrown();
            line.put("error", thrown.getClass().getName() + ": " + thrown.getMessage());
            line.put("stack", stack(thrown));
        }
        return line.encode() + "\n";
    }

    /**
     * Where a failure came from, as a Java stack trace reads: the throwable's frames, then each cause introduced by
     * its class and message with the frames it shares with the one it caused left out ("... n more"), at most
     * {@value #FRAMES_EACH} frames of each, so a SEVERE line can be traced to its code. Frames name code, never data.
     */
    static JsonArray stack(Throwable thrown) {
        JsonArray lines = new JsonArray();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        StackTraceElement[] enclosing = new StackTraceElement[0];
        for (Throwable current = thrown; current != null && seen.add(current); current = current.getCause()) {
            if (current != thrown) {
                lines.add("Caused by: " + current.getClass().getName() + ": " + current.getMessage());
            }
            StackTraceElement[] frames = current.getStackTrace();
            int own = frames.length - framesInCommon(frames, enclosing);
            int shown = Math.min(own, FRAMES_EACH);
            for (int i = 0; i < shown; i++) {
                lines.add(frames[i].toString());
            }
            if (shown < frames.length) {
                lines.add("... " + (frames.length - shown) + " more");
            }
            enclosing = frames;
        }
        return lines;
    }

    private static int framesInCommon(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int common = 0;
        while (common < frames.length && common < enclosing.length
                && frames[frames.length - 1 - common].equals(enclosing[enclosing.length - 1 - common])) {
            common++;
        }
        return common;
    }

    private static final int FRAMES_EACH = 20;

    private static JsonObject structuredParameter(LogRecord record) {
        Object[] parameters = record.getParameters();
        return "{0}".equals(record.getMessage()) && parameters != null && parameters.length == 1
                && parameters[0] instanceof JsonObject fields ? fields : null;
    }

    private static JsonObject structured(String message) {
        if (message == null || !message.startsWith("{\"") || !message.endsWith("}") || message.indexOf('\n') >= 0) {
            return null;
        }
        try {
            return new JsonObject(message);
        } catch (DecodeException notJson) {
            return null;
        }
    }
}
