package com.amba.payments.adapter.memory;

import com.amba.payments.domain.contract.LedgerContract;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;

class InMemoryLedgerTest extends LedgerContract {

    @Override
    protected Ledger emptyLedger() {
        return new InMemoryLedger();
    }

    @Override
    protected Outbox outboxOf(Ledger ledger) {
        return (InMemoryLedger) ledger;
    }
}
