package com.amba.payments.adapter.kafka;

import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.testing.TestIds;
import java.time.Instant;
import java.util.Optional;

/** Provider events for tests, with fresh ids. */
final class ProviderEvents {

    static final Instant CREATED = Instant.parse("2025-03-01T12:00:00Z");

    private ProviderEvents() {
    }

    static ProviderEvent.PaymentIntentChanged intent(PaymentId payment, PaymentStatus status, int second) {
        return new ProviderEvent.PaymentIntentChanged(TestIds.eventId(), CREATED.plusSeconds(second), payment,
                Optional.of(new ConnectedAccountId("acct_test")), status, 2_000, "usd");
    }

    static ProviderEvent.AccountChanged account(ConnectedAccountId account, boolean chargesEnabled) {
        return new ProviderEvent.AccountChanged(TestIds.eventId(), CREATED, account, chargesEnabled);
    }
}
