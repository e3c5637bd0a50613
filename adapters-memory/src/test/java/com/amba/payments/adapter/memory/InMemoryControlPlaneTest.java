package com.amba.payments.adapter.memory;

import com.amba.payments.domain.contract.ControlPlaneContract;
import com.amba.payments.domain.port.out.ControlPlane;

class InMemoryControlPlaneTest extends ControlPlaneContract {

    @Override
    protected ControlPlane emptyControlPlane() {
        return new InMemoryControlPlane();
    }
}
