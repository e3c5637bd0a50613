package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.contract.RefundLedgerContract;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.RefundLedger;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The refund ledger contract, unchanged, against a real PostgreSQL. */
class PostgresRefundsTest extends RefundLedgerContract {

    private static OpenStore open;

    @BeforeAll
    static void openStore() {
        open = OpenStore.open();
    }

    @AfterAll
    static void closeStore() {
        open.close();
    }

    @Override
    protected Ledger emptyLedger() {
        open.database().empty();
        return open.store().ledger();
    }

    @Override
    protected RefundLedger refundsOf(Ledger ledger) {
        return open.store().refunds();
    }

    @Override
    protected Outbox outboxOf(Ledger ledger) {
        return open.store().outbox();
    }

    @Override
    protected void givenProject(ProjectId project) {
        if (open.store().controlPlane().project(project).isEmpty()) {
            open.store().controlPlane().addProject(new Project(project, "Shop", Optional.empty(), Optional.empty(), T0));
        }
    }
}
