package com.amba.payments.domain.service;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.ReceiveProviderWebhook;
import com.amba.payments.domain.port.out.ProviderEventHandoff;
import com.amba.payments.domain.port.out.ProviderWebhooks;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.util.Optional;

/** Verify, hand off, then acknowledge: the provider retries anything not durably handed off. */
public final class WebhookService implements ReceiveProviderWebhook {

    private final ProviderWebhooks webhooks;
    private final ProviderEventHandoff handoff;

    public WebhookService(ProviderWebhooks webhooks, ProviderEventHandoff handoff) {
        this.webhooks = webhooks;
        this.handoff = handoff;
    }

    @Override
    public Result<Acknowledgement, PaymentError> receive(byte[] rawBody, Optional<String> signatureHeader) {
        Optional<ProviderWebhooks.Verified> verified = webhooks.verify(rawBody, signatureHeader);
        if (verified.isEmpty()) {
            return Result.err(new PaymentError.InvalidSignature());
        }
        return switch (verified.get()) {
            case ProviderWebhooks.Verified.Irrelevant irrelevant -> Result.ok(Acknowledgement.IGNORED);
            case ProviderWebhooks.Verified.Relevant relevant -> {
                try {
                    handoff.handOff(relevant.event());
                    yield Result.ok(Acknowledgement.HANDED_OFF);
                } catch (StoreUnavailable e) {
                    yield Result.err(new PaymentError.ControlPlaneUnavailable());
                }
            }
        };
    }
}
