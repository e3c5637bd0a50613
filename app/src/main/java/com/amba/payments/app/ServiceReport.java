package com.amba.payments.app;

import com.amba.payments.adapter.memory.InMemoryLedger;
import com.amba.payments.adapter.memory.InProcessEventBus;
import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

/** The one start-up and the one shutdown log line: version, mode, port and the part serving each port. */
final class ServiceReport {

    static final String VERSION = readVersion();

    private ServiceReport() {
    }

    static String started(AmbaConfig config, Parts parts, int port, Duration took, boolean nativeTransport) {
        return "Amba Payments " + VERSION + " started in " + config.mode().name().toLowerCase() + " mode on port "
                + port + " in " + took.toMillis() + " ms: " + describe(parts) + ", http instances "
                + config.capacity().httpInstances() + ", network " + (nativeTransport ? "epoll" : "java.nio");
    }

    static String stopped(Parts parts, Duration ranFor) {
        return "Amba Payments " + VERSION + " stopped after " + ranFor.toSeconds() + " s: " + describe(parts);
    }

    /** Which adapter serves each port, as wired (tests swap parts), named without any secret (no URL, no key). */
    static String describe(Parts parts) {
        return "ledger " + (parts.ledger() instanceof InMemoryLedger ? "memory" : "postgresql")
                + ", events " + (parts.handoff() instanceof InProcessEventBus ? "in-process" : "kafka")
                + ", provider " + (parts.provider() instanceof SandboxPaymentProvider ? "sandbox" : "stripe");
    }

    private static String readVersion() {
        try (InputStream in = ServiceReport.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
