package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.contract.ControlPlaneContract;
import com.amba.payments.domain.port.out.ControlPlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The control plane contract, unchanged, against a real PostgreSQL. */
class PostgresControlPlaneTest extends ControlPlaneContract {

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
    protected ControlPlane emptyControlPlane() {
        open.database().empty();
        return open.store().controlPlane();
    }
}
