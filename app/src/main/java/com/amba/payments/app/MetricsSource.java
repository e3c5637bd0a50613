package com.amba.payments.app;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * A chosen part that has meters of its own to put on /metrics. {@link Amba} binds every such part among
 * {@link Parts#closeables()} once the registry exists and the consumer is connected; the part closes its binders
 * when it is closed.
 */
interface MetricsSource {

    void bindMetrics(MeterRegistry registry);
}
