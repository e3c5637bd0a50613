package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.contract.ControlPlaneContract;
import com.amba.payments.domain.port.out.ControlPlane;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The control plane contract, unchanged, against the cached control plane the request paths use: every write
 * reads back at once on the instance that made it.
 */
class PostgresCachedControlPlaneTest extends ControlPlaneContract {

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
        CachedControlPlane cached = (CachedControlPlane) open.store().cachedControlPlane();
        // Emptied behind the store's back: forget now rather than wait for the notification.
        cached.changed();
        return cached;
    }
}
