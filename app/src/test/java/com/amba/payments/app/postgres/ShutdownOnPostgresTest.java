package com.amba.payments.app.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.postgres.ScratchDatabase;
import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.DevAmba;
import com.amba.payments.app.http.LogCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wired as production wires it (one Vert.x for the HTTP servers and the store), the service stops cleanly. */
class ShutdownOnPostgresTest {

    @Test
    void stoppingClosesTheStoreWithoutAWarning() {
        try (ScratchDatabase database = ScratchDatabase.create(); LogCapture log = LogCapture.start()) {
            AmbaConfig config = AmbaConfig.dev().withPort(0).withWebhookSecret(DevAmba.WEBHOOK_SECRET)
                    .withDatabaseUrl(database.urlText());
            try (RunningAmba amba = Amba.start(config)) {
                Api api = new Api(amba.port());
                Api.Answer created = api.createPayment(amba.demo().orElseThrow().serverKey(),
                        "{\"amount\": 1999, \"currency\": \"usd\"}");
                assertEquals(200, created.status(), created::toString);
            }
            List<String> closing = log.lines().stream().filter(line -> line.contains("could not")).toList();
            assertTrue(closing.isEmpty(), () -> String.join("", closing));
            assertTrue(log.lines().stream().anyMatch(line -> line.contains("stopped after")));
        }
    }
}
