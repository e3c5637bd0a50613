package com.amba.payments.app.http;

import com.amba.payments.adapter.memory.SandboxPaymentProvider;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import java.time.Duration;
import java.util.Map;

/** The built-in sandbox, driven through its HTTP routes as a person in dev mode would. */
final class SandboxDriver implements ProviderDriver {

    private final Api api;
    private final SandboxPaymentProvider sandbox;

    /** Refunds settle quickly in tests; a person in dev mode gets SandboxPaymentProvider's moment. */
    static final Duration REFUNDS_SETTLE_AFTER = Duration.ofMillis(300);

    SandboxDriver(Api api, SandboxPaymentProvider sandbox) {
        this.api = api;
        this.sandbox = sandbox;
        sandbox.settleRefundsAfter(REFUNDS_SETTLE_AFTER);
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

    @Override
    public java.util.List<String> intentIdsOn(String accountId) {
        return sandbox.intentIdsOn(new ConnectedAccountId(accountId)).stream().map(PaymentId::value).toList();
    }

    @Override
    public Map<String, String> intentNotes(String paymentId) {
        Map<String, String> fields = new java.util.TreeMap<>();
        sandbox.intentNotes(new PaymentId(paymentId)).ifPresent(notes -> {
            notes.metadata().entries().forEach((key, value) -> fields.put("metadata[" + key + "]", value));
            notes.description().ifPresent(d -> fields.put("description", d.value()));
        });
        return fields;
    }

    @Override
    public java.util.Optional<Map<String, String>> createRequestOf(String paymentId) {
        return java.util.Optional.empty();
    }

    @Override
    public String intentStatus(String paymentId) {
        return sandbox.intentStatus(new PaymentId(paymentId)).map(PaymentStatus::wireName).orElse("none");
    }

    @Override
    public int refundsOn(String paymentId) {
        return sandbox.refundCountOn(new PaymentId(paymentId));
    }

    @Override
    public void failNextRefund() {
        sandbox.failNextRefunds(1);
    }

    @Override
    public void refundOutsideAmba(String paymentId, long amount) {
        sandbox.refundOutsideAmba(new PaymentId(paymentId), amount);
    }

    /** Through the sandbox route a person would use. */
    @Override
    public void dispute(String paymentId, String status) {
        Api.Answer disputed = api.send("POST", "/sandbox/payments/" + paymentId + "/dispute", Map.of(),
                "{\"status\": \"" + status + "\"}");
        if (disputed.status() != 200) {
            throw new IllegalStateException("could not dispute: " + disputed);
        }
    }
}
