package com.amba.payments.app;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes every log line (the domain's System.Logger, Vert.x, Netty) through java.util.logging as one JSON
 * object per line on standard error. Standard output stays for the dev-mode banner.
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
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new JsonLogFormatter());
        console.setLevel(Level.INFO);
        root.addHandler(console);
        root.setLevel(Level.INFO);
        Logger.getLogger("io.netty").setLevel(Level.WARNING);
        guardSecrets();
    }
}
