package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Result;
import java.util.Optional;

/**
 * A webhook from the provider: verified, then durably handed off before it is acknowledged. INVALID_SIGNATURE
 * records nothing; CONTROL_PLANE_UNAVAILABLE (hand-off failed) asks the provider to send it again.
 */
public interface ReceiveProviderWebhook {

    /** What was done with a genuine webhook. */
    enum Acknowledgement { HANDED_OFF, IGNORED }

    Result<Acknowledgement, PaymentError> receive(byte[] rawBody, Optional<String> signatureHeader);
}
