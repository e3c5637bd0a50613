package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** No key, admin token or client secret ever appears in a log line, whatever the request. */
class NoSecretsInLogsTest {

    @Test
    void aBusySessionLogsNoSecret() {
        try (LogCapture log = LogCapture.start(); DevAmba amba = DevAmba.start()) {
            var created = amba.api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"logged?\"}");
            String id = created.data().getString("payment_id");
            String secret = created.data().getString("client_secret");
            amba.provider.act(id, "succeed");
            amba.api.readPayment(amba.demo.clientKey(), id);
            amba.api.createPayment(amba.demo.clientKey(), "{}");
            amba.admin("GET", "/admin/payments/report", null);
            amba.api.admin("GET", "/admin/payments/status", "wrong-token", null);
            amba.running.relayNow();

            List<String> lines = log.lines();
            assertTrue(lines.size() > 3, "requests are logged");
            for (String line : lines) {
                for (String forbidden : List.of(amba.demo.serverKey(), amba.demo.clientKey(), amba.adminToken(), secret,
                        "_secret_")) {
                    assertFalse(line.contains(forbidden), () -> "a secret leaked into the log: " + line);
                }
            }
        }
    }
}
