package com.amba.payments.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.port.in.EventReceipt;
import com.amba.payments.domain.port.out.StoreUnavailable;
import com.amba.payments.domain.testing.Payments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InProcessEventBusTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void aHandedOffEventIsAppliedBeforeHandOffReturns() {
        InProcessEventBus bus = new InProcessEventBus();
        List<ProviderEvent> applied = new ArrayList<>();
        bus.connect(event -> {
            applied.add(event);
            return new EventReceipt.Parked();
        });
        ProviderEvent event = Payments.intentChanged(Payments.aPayment().build(), PaymentStatus.SUCCEEDED, T0);

        bus.handOff(event);

        assertEquals(List.of(event), applied);
    }

    @Test
    void withoutAConsumerAHandOffFailsSoTheSenderRetries() {
        ProviderEvent event = Payments.intentChanged(Payments.aPayment().build(), PaymentStatus.SUCCEEDED, T0);

        assertThrows(StoreUnavailable.class, () -> new InProcessEventBus().handOff(event));
    }

    @Test
    void publishedEventsAreKeptInOrderUpToTheCapacity() {
        InProcessEventBus bus = new InProcessEventBus(2);
        List<PaymentEvent> events = List.of(
                Payments.createdEvent(Payments.aPayment().build()),
                Payments.createdEvent(Payments.aPayment().build()),
                Payments.createdEvent(Payments.aPayment().build()));

        events.forEach(bus::publish);

        assertEquals(events.subList(1, 3), bus.published());
    }
}
