package com.amba.payments.app;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes every log line (the domain's System.Logger, Vert.x, Netty) through java.util.logging as one JSON
 * object per line on standard error, written by {@link AsyncLogHandler}. Standard output stays for the dev-mode banner.
 */
public final class Logging {

    /**
     * The JDK's HttpURLConnection (under stripe-java) writes every request header, Authorization included, at
     * FINE. Held strongly: java.util.logging forgets the level of a logger nobody references.
     */
    private static final Logger HTTP_URL_CONNECTION = Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");

    private Logging() {
    }

    /** No secret reaches a log line even when someone turns debug logging on. */
    static void guardSecrets() {
        HTTP_URL_CONNECTION.setLevel(Level.INFO);
    }

    /** What {@link Main} does first; the benchmark's service process does the same, to log as production does. */
    public static void install() {
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        // Off the logging thread: the access log writes a line per request from the event loops.
        AsyncLogHandler standardError = new AsyncLogHandler(System.err, new JsonLogFormatter(),
                AsyncLogHandler.QUEUE_CAPACITY);
        standardError.setLevel(Level.INFO);
        root.addHandler(standardError);
        root.setLevel(Level.INFO);
        Logger.getLogger("io.netty").setLevel(Level.WARNING);
        guardSecrets();
    }

    /** Writes out every line logged so far: before the process exits, whichever way it does. */
    public static void flush() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }
    }
}
