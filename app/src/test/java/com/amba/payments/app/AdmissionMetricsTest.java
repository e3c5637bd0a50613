package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amba.payments.adapter.kafka.testing.Eventually;
import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.app.http.Api;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** /metrics shows how many creates are in flight and how many may be, as the admission limit sees them. */
class AdmissionMetricsTest {

    @Test
    void aSlowCreateShowsInFlightUntilItIsAnsweredUnderTheConfiguredLimit() {
        Parts parts = Amba.devParts(InstantSource.system());
        ((SandboxPaymentProvider) parts.provider()).setCreateLatency(Duration.ofMillis(1500));
        AmbaConfig config = AmbaConfig.dev().withPort(0).withAdminToken("admin-token-admission-metrics")
                .withCapacity(new AmbaConfig.Capacity(1, 40, AmbaConfig.Admission.FIXED));
        try (RunningAmba amba = Amba.start(config, parts)) {
            Api api = new Api(amba.port());
            assertEquals(40.0, MetricsScrape.value(api, "amba_creates_admission_limit"));
            assertEquals(0.0, MetricsScrape.value(api, "amba_creates_in_flight"));

            CompletableFuture<Api.Answer> slow = CompletableFuture.supplyAsync(() -> api.createPayment(
                    amba.demo().orElseThrow().serverKey(), "{\"amount\": 1200, \"currency\": \"usd\"}"));
            eventually(() -> MetricsScrape.value(api, "amba_creates_in_flight") == 1,
                    "the create waiting on the provider is in flight");
            assertEquals(200, slow.join().status());
            eventually(() -> MetricsScrape.value(api, "amba_creates_in_flight") == 0,
                    "an answered create gives its place back");
        }
    }

    private static void eventually(BooleanSupplier condition, String what) {
        Eventually.await(Duration.ofSeconds(15), condition, () -> what);
    }
}
