package com.amba.payments.app;

import java.util.logging.LogManager;

/**
 * java.util.logging's own shutdown hook resets the log manager, closing every handler, possibly before the
 * service's shutdown hook has logged that it stopped. While the JVM shuts down this manager keeps its handlers
 * (Main flushes them once the service has stopped).
 */
public final class AmbaLogManager extends LogManager {

    static final String PROPERTY = "java.util.logging.manager";

    @Override
    public void reset() {
        if (!shuttingDown()) {
            super.reset();
        }
    }

    private static boolean shuttingDown() {
        Thread probe = Thread.ofPlatform().unstarted(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException alreadyShuttingDown) {
            return true;
        }
    }
}
