package com.amba.payments.app.http;

import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.domain.model.ConnectedAccountId;
import java.util.Map;

/** The built-in sandbox, driven through its HTTP routes as a person in dev mode would. */
final class SandboxDriver implements ProviderDriver {

    private final Api api;
    private final SandboxPaymentProvider sandbox;

    SandboxDriver(Api api, SandboxPaymentProvider sandbox) {
        this.api = api;
        this.sandbox = sandbox;
    }

    @Override
    public int act(String paymentId, String action) {
        return api.sandbox(paymentId, action).status();
    }

    @Override
    public void completeOnboarding(String accountId) {
        Api.Answer done = api.send("POST", "/sandbox/accounts/" + accountId + "/complete_onboarding", Map.of(), null);
        if (done.status() != 200) {
            throw new IllegalStateException("could not complete onboarding: " + done);
        }
    }

    @Override
    public void failNextCreate() {
        sandbox.failNextCreates(1);
    }

    @Override
    public void loseNextCreateAnswer() {
        sandbox.loseNextCreateAnswers(1);
    }

    @Override
    public int createCalls() {
        return sandbox.createCalls();
    }

    @Override
    public int intentsOn(String accountId) {
        return sandbox.intentCountOn(new ConnectedAccountId(accountId));
    }
}
