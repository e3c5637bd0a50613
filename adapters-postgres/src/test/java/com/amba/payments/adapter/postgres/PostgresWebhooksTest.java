package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.contract.WebhooksContract;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.WebhookDeliveries;
import com.amba.payments.domain.port.out.WebhookEndpoints;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The webhooks contract, unchanged, against a real PostgreSQL. */
class PostgresWebhooksTest extends WebhooksContract {

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
    protected Outbox outboxOf(Ledger ledger) {
        return open.store().outbox();
    }

    @Override
    protected WebhookEndpoints endpointsOf(Ledger ledger) {
        return open.store().webhooks();
    }

    @Override
    protected WebhookDeliveries deliveriesOf(Ledger ledger) {
        return open.store().webhooks();
    }

    @Override
    protected void givenProject(ProjectId project) {
        if (open.store().controlPlane().project(project).isEmpty()) {
            open.store().controlPlane().addProject(new Project(project, "Shop", Optional.empty(), Optional.empty(), T0));
        }
    }
}
