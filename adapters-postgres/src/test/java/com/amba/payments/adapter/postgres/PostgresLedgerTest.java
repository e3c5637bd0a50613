package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.contract.LedgerContract;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger contract, unchanged, against a real PostgreSQL. */
class PostgresLedgerTest extends LedgerContract {

    private static OpenStore open;
    private static ScratchDatabase database;
    private static PostgresStore store;

    @BeforeAll
    static void openStore() {
        open = OpenStore.open();
        database = open.database();
        store = open.store();
    }

    @AfterAll
    static void closeStore() {
        open.close();
    }

    @Override
    protected Ledger emptyLedger() {
        database.empty();
        return store.ledger();
    }

    @Override
    protected Outbox outboxOf(Ledger ledger) {
        return store.outbox();
    }

    /** Payments reference their project (a foreign key), so the project row comes first. */
    @Override
    protected void givenProject(ProjectId project) {
        if (store.controlPlane().project(project).isEmpty()) {
            store.controlPlane().addProject(new Project(project, "Shop", Optional.empty(), Optional.empty(), T0));
        }
    }
}
