package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter();

    @Test
    void everyLineIsOneJsonObjectEvenWithQuotesNewlinesAndControlCharacters() {
        LogRecord record = new LogRecord(Level.WARNING, "provider said \"no\"\nthen \\ and \u0001");
        record.setLoggerName("test");
        record.setThrown(new IllegalStateException("boom \"quoted\""));
        String line = formatter.format(record);
        assertTrue(line.endsWith("}\n"));
        assertEquals(1, line.lines().count());
        JsonObject json = new JsonObject(line);
        assertEquals("WARNING", json.getString("level"));
        assertEquals("provider said \"no\"\nthen \\ and \u0001", json.getString("message"));
        assertTrue(json.getString("error").contains("boom \"quoted\""));
    }

    @Test
    void aFailureCarriesItsStackAndCausesOnTheSameLine() {
        LogRecord record = new LogRecord(Level.SEVERE, "Unhandled exception");
        record.setLoggerName("test");
        record.setThrown(new IllegalStateException("outer", new IllegalArgumentException("inner")));
        String line = formatter.format(record);
        assertEquals(1, line.lines().count());
        JsonArray stack = new JsonObject(line).getJsonArray("stack");
        assertTrue(stack.getString(0).contains("aFailureCarriesItsStackAndCausesOnTheSameLine"), stack.encode());
        assertTrue(stack.contains("Caused by: java.lang.IllegalArgumentException: inner"), stack.encode());
    }

    @Test
    void aVeryDeepStackIsCutShort() {
        Throwable deep = new IllegalStateException("deep");
        StackTraceElement frame = new StackTraceElement("Deep", "call", "Deep.java", 1);
        StackTraceElement[] frames = new StackTraceElement[500];
        Arrays.fill(frames, frame);
        deep.setStackTrace(frames);
        JsonArray stack = JsonLogFormatter.stack(deep);
        assertEquals(21, stack.size());
        assertEquals("... 480 more", stack.getString(20));
    }

    @Test
    void aStructuredEventsFieldsSitBesideTheLinesOwnNotNestedInside() {
        LogRecord record = new LogRecord(Level.INFO, "{\"event\":\"http_request\",\"status\":\"200\",\"level\":\"x\"}");
        record.setLoggerName("access");
        JsonObject json = new JsonObject(formatter.format(record));
        assertEquals("http_request", json.getString("event"));
        assertEquals("200", json.getString("status"));
        assertEquals("INFO", json.getString("level"));
        assertEquals("x", json.getString("event_level"));
        assertEquals("access", json.getString("logger"));
    }

    @Test
    void aStructuredEventHandedOverAsJsonIsTakenAsItIs() {
        LogRecord record = new LogRecord(Level.INFO, "{0}");
        record.setLoggerName("access");
        record.setParameters(new Object[] {new JsonObject().put("event", "http_request").put("status", "503")
                .put("path", "/a \"quoted\"\npath").put("logger", "x")});
        String line = formatter.format(record);
        assertEquals(1, line.lines().count());
        JsonObject json = new JsonObject(line);
        assertEquals("http_request", json.getString("event"));
        assertEquals("503", json.getString("status"));
        assertEquals("/a \"quoted\"\npath", json.getString("path"));
        assertEquals("access", json.getString("logger"));
        assertEquals("x", json.getString("event_logger"));
        assertFalse(json.containsKey("message"));
    }

    @Test
    void messageParametersAreFilledIn() {
        LogRecord record = new LogRecord(Level.INFO, "payment {0} moved to {1}");
        record.setParameters(new Object[] {"pi_1", "succeeded"});
        assertEquals("payment pi_1 moved to succeeded", new JsonObject(formatter.format(record)).getString("message"));
    }
}
