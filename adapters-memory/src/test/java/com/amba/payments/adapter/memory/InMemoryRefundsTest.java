package com.amba.payments.adapter.memory;

import com.amba.payments.domain.contract.RefundLedgerContract;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.RefundLedger;

class InMemoryRefundsTest extends RefundLedgerContract {

    @Override
    protected Ledger emptyLedger() {
        return new InMemoryLedger();
    }

    @Override
    protected RefundLedger refundsOf(Ledger ledger) {
        return ((InMemoryLedger) ledger).refunds();
    }

    @Override
    protected Outbox outboxOf(Ledger ledger) {
        return (InMemoryLedger) ledger;
    }
}
