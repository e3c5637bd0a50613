package com.amba.payments.adapter.memory;

import com.amba.payments.domain.contract.WebhooksContract;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.WebhookDeliveries;
import com.amba.payments.domain.port.out.WebhookEndpoints;
import java.util.IdentityHashMap;
import java.util.Map;

class InMemoryWebhooksTest extends WebhooksContract {

    private final Map<Ledger, InMemoryWebhooks> stores = new IdentityHashMap<>();

    @Override
    protected Ledger emptyLedger() {
        InMemoryLedger ledger = new InMemoryLedger();
        stores.put(ledger, new InMemoryWebhooks(ledger));
        return ledger;
    }

    @Override
    protected Outbox outboxOf(Ledger ledger) {
        return (InMemoryLedger) ledger;
    }

    @Override
    protected WebhookEndpoints endpointsOf(Ledger ledger) {
        return stores.get(ledger);
    }

    @Override
    protected WebhookDeliveries deliveriesOf(Ledger ledger) {
        return stores.get(ledger);
    }
}
