package com.amba.payments.app;

import com.amba.payments.domain.port.out.AdmissionLimit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Create admission on /metrics: {@code amba_creates_in_flight} (admitted, not yet answered) and
 * {@code amba_creates_admission_limit} (how many may be; the adaptive limit moves with the creates' latency), so a
 * rise in 503 OVERLOADED can be told apart: a limit that came down, or a load that went up.
 */
final class AdmissionGauges {

    private AdmissionGauges() {
    }

    static AdmissionLimit register(AdmissionLimit limit, MeterRegistry registry) {
        Gauge.builder("amba.creates.in.flight", limit, AdmissionLimit::inFlight)
                .description("Creates admitted and not yet answered, on this instance")
                .register(registry);
        Gauge.builder("amba.creates.admission.limit", limit, AdmissionLimit::limit)
                .description("Creates this instance admits at once before it answers 503 OVERLOADED")
                .register(registry);
        return limit;
    }
}
