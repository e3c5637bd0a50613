package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amba.payments.adapter.kafka.testing.Eventually;
import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.LogCapture;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.port.out.PaymentEvents;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A relay that cannot publish does not fall behind silently: /metrics shows the outbox's backlog and the age of
 * its oldest unsent entry, the log says so once that age passes the bound, and both fall back to zero when
 * downstream takes events again.
 */
class OutboxMetricsTest {

    /** Downstream that refuses every event while closed, as a broker that is away. */
    private static final class Gate implements PaymentEvents {
        final AtomicBoolean open = new AtomicBoolean();
        final PaymentEvents behind;

        Gate(PaymentEvents behind) {
            this.behind = behind;
        }

        @Override
        public void publish(PaymentEvent event) {
            if (!open.get()) {
                throw new StoreUnavailable("downstream is away");
            }
            behind.publish(event);
        }
    }

    @Test
    void backlogAndOldestAgeShowOnMetricsAndAStuckRelayIsLogged() {
        Parts dev = Amba.devParts(InstantSource.system());
        Gate gate = new Gate(dev.downstream());
        Parts parts = dev.withDownstream(gate);
        AmbaConfig config = AmbaConfig.dev().withPort(0).withAdminToken("admin-token-outbox-metrics");
        try (LogCapture log = LogCapture.start(); RunningAmba amba = Amba.start(config, parts)) {
            Api api = new Api(amba.port());
            eventually(() -> MetricsScrape.value(api, "amba_outbox_backlog") == 0, "an empty outbox reads 0 at first");
            Api.Answer created = api.createPayment(amba.demo().orElseThrow().serverKey(),
                    "{\"amount\": 1200, \"currency\": \"usd\"}");
            assertEquals(200, created.status(), created::toString);

            eventually(() -> MetricsScrape.value(api, "amba_outbox_backlog") == 1, "the created event waits");
            eventually(() -> MetricsScrape.value(api, "amba_outbox_oldest_age_seconds") > Amba.OUTBOX_WAIT_BOUND.toSeconds(),
                    "its age grows past the bound");
            eventually(() -> log.lines().stream().anyMatch(line -> line.contains("outbox relay is behind")),
                    "a relay past the bound is logged");

            gate.open.set(true);
            eventually(() -> MetricsScrape.value(api, "amba_outbox_backlog") == 0 && MetricsScrape.value(api, "amba_outbox_oldest_age_seconds") == 0,
                    "relayed once downstream is back: nothing waits");
        }
    }

    private static void eventually(BooleanSupplier condition, String what) {
        Eventually.await(Duration.ofSeconds(15), condition, () -> what);
    }
}
