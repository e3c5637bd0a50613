package com.amba.payments.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.testing.TestIds;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderEventJsonTest {

    @Test
    void paymentIntentEventSurvivesTheTopicAndIsKeyedByPayment() {
        ProviderEvent.PaymentIntentChanged event =
                ProviderEvents.intent(TestIds.paymentId(), PaymentStatus.REQUIRES_CAPTURE, 7);

        assertEquals(event, ProviderEventJson.read(ProviderEventJson.write(event)));
        assertEquals(event.paymentId().value(), ProviderEventJson.key(event));
    }

    @Test
    void paymentIntentEventWithoutAccountAndWithForeignCurrencyIsKeptAsIs() {
        // Amount and currency are raw on purpose: a disagreement with the ledger must reach the ledger.
        ProviderEvent.PaymentIntentChanged event = new ProviderEvent.PaymentIntentChanged(TestIds.eventId(),
                ProviderEvents.CREATED, TestIds.paymentId(), Optional.empty(), PaymentStatus.SUCCEEDED, 123_456_789L,
                "xyz");

        assertEquals(event, ProviderEventJson.read(ProviderEventJson.write(event)));
    }

    @Test
    void accountEventSurvivesTheTopicAndIsKeyedByAccount() {
        ConnectedAccountId account = TestIds.accountId();
        ProviderEvent.AccountChanged event = ProviderEvents.account(account, true);

        assertEquals(event, ProviderEventJson.read(ProviderEventJson.write(event)));
        assertEquals(account.value(), ProviderEventJson.key(event));
    }

    @Test
    void wireFormatNamesItsFields() {
        ProviderEvent.AccountChanged event = new ProviderEvent.AccountChanged(
                new com.amba.payments.domain.model.ProviderEventId("evt_1"), ProviderEvents.CREATED,
                new ConnectedAccountId("acct_1"), false);

        assertEquals("{\"kind\":\"account_changed\",\"id\":\"evt_1\",\"created\":\"2025-03-01T12:00:00Z\","
                        + "\"account\":\"acct_1\",\"charges_enabled\":false}",
                new String(ProviderEventJson.write(event), StandardCharsets.UTF_8));
    }

    @Test
    void refusesWhatIsNotAProviderEvent() {
        for (String value : new String[] {
                "not json",
                "[]",
                "{}",
                "{\"kind\":\"refund\",\"id\":\"evt_1\",\"created\":\"2025-03-01T12:00:00Z\"}",
                "{\"kind\":\"account_changed\",\"id\":\"evt_1\",\"created\":\"yesterday\",\"account\":\"acct_1\","
                        + "\"charges_enabled\":true}",
                "{\"kind\":\"account_changed\",\"id\":\"evt_1\",\"created\":\"2025-03-01T12:00:00Z\","
                        + "\"account\":\"not-an-account\",\"charges_enabled\":true}",
                "{\"kind\":\"payment_intent_changed\",\"id\":\"evt_1\",\"created\":\"2025-03-01T12:00:00Z\","
                        + "\"payment_id\":\"pi_1\",\"account\":null,\"status\":\"exploded\",\"amount\":1,"
                        + "\"currency\":\"usd\"}",
                "{\"kind\":\"payment_intent_changed\",\"id\":\"evt_1\",\"created\":\"2025-03-01T12:00:00Z\","
                        + "\"payment_id\":\"pi_1\",\"account\":null,\"status\":\"succeeded\",\"amount\":\"1\","
                        + "\"currency\":\"usd\"}"}) {
            assertThrows(UndecodableEvent.class,
                    () -> ProviderEventJson.read(value.getBytes(StandardCharsets.UTF_8)), value);
        }
        assertThrows(UndecodableEvent.class, () -> ProviderEventJson.read(null));
    }
}
