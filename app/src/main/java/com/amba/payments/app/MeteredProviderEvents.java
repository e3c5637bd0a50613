package com.amba.payments.app;

import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.port.in.ApplyProviderEvent;
import com.amba.payments.domain.port.in.EventReceipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Counts what became of every provider event ({@code amba_provider_events_total{outcome}}), so that events
 * disagreeing with the ledger (outcome {@code mismatch}), parked ones and duplicates show on /metrics.
 */
final class MeteredProviderEvents implements ApplyProviderEvent {

    private final ApplyProviderEvent applied;
    private final MeterRegistry registry;

    MeteredProviderEvents(ApplyProviderEvent applied, MeterRegistry registry) {
        this.applied = applied;
        this.registry = registry;
    }

    @Override
    public EventReceipt apply(ProviderEvent event) {
        EventReceipt receipt = applied.apply(event);
        Counter.builder("amba.provider.events")
                .description("Provider events the ledger decided on, by outcome")
                .tag("outcome", outcomeOf(receipt))
                .register(registry)
                .increment();
        return receipt;
    }

    private static String outcomeOf(EventReceipt receipt) {
        return switch (receipt) {
            case EventReceipt.Decided decided -> decided.disposition().name().toLowerCase(Locale.ROOT);
            case EventReceipt.Duplicate duplicate -> "duplicate";
            case EventReceipt.Parked parked -> "parked";
            case EventReceipt.UnknownAccount unknown -> "unknown_account";
        };
    }
}
