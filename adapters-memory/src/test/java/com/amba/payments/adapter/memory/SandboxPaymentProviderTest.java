package com.amba.payments.adapter.memory;

import com.amba.payments.domain.contract.PaymentProviderContract;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.model.ProviderEvent;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

class SandboxPaymentProviderTest extends PaymentProviderContract {

    final List<ProviderEvent> handedOff = new CopyOnWriteArrayList<>();
    final SandboxPaymentProvider sandbox = new SandboxPaymentProvider(handedOff::add, InstantSource.system());
    final ConnectedAccountId ready = sandbox.createReadyAccount().id();
    final ConnectedAccountId notReady = sandbox.createAccount(new ProjectId("proj_sandbox")).orElseThrow().id();

    @Override
    protected PaymentProvider provider() {
        return sandbox;
    }

    @Override
    protected ConnectedAccountId readyAccount() {
        return ready;
    }

    @Override
    protected ConnectedAccountId notReadyAccount() {
        return notReady;
    }
}
