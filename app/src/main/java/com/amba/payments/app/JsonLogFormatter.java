package com.amba.payments.app;

import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/** One JSON object per line: time, level, logger, the message (or a structured event), the exception if any. */
final class JsonLogFormatter extends Formatter {

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "time", Instant.ofEpochMilli(record.getMillis()).toString()).append(',');
        field(line, "level", record.getLevel().getName()).append(',');
        field(line, "logger", record.getLoggerName() == null ? "" : record.getLoggerName()).append(',');
        String message = formatMessage(record);
        if (isJsonObject(message)) {
            // Adapters that log structured events (the access log) already wrote JSON: keep it structured.
            line.append("\"event\":").append(message);
        } else {
            field(line, "message", message);
        }
        if (record.getThrown() != null) {
            Throwable thrown = record.getThrown();
            line.append(',');
            field(line, "error", thrown.getClass().getName() + ": " + thrown.getMessage());
        }
        return line.append("}\n").toString();
    }

    private static boolean isJsonObject(String message) {
        return message != null && message.startsWith("{\"") && message.endsWith("}") && message.indexOf('\n') < 0;
    }

    private static StringBuilder field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":\"");
        escape(line, value == null ? "" : value);
        return line.append('"');
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
