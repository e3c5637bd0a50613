package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.contract.ControlPlaneContract;
import com.amba.payments.domain.port.out.ControlPlane;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The control plane contract, unchanged, against a real PostgreSQL. */
class PostgresControlPlaneTest extends ControlPlaneContract {

    private static Vertx vertx;
    private static ScratchDatabase database;
    private static PostgresStore store;

    @BeforeAll
    static void openStore() {
        vertx = Vertx.vertx();
        database = ScratchDatabase.create();
        store = PostgresStore.connect(vertx, database.url(), PostgresSettings.defaults());
    }

    @AfterAll
    static void closeStore() {
        store.close();
        vertx.close().await();
        database.close();
    }

    @Override
    protected ControlPlane emptyControlPlane() {
        database.empty();
        return store.controlPlane();
    }
}
