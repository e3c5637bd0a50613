package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.PaymentNotes;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import java.util.Optional;

/**
 * What a provider needs to create a PaymentIntent. A fee of 0 is sent as no fee at all. The caller's notes go
 * on the intent beside Amba's own metadata, which they cannot overwrite ({@code amba_} keys are reserved).
 */
public record IntentRequest(ConnectedAccountId account, Money amount, long applicationFee, ProjectId projectId,
                            Optional<ClientReference> clientReference, PaymentNotes notes,
                            ProviderIdempotencyKey idempotencyKey) {

    public IntentRequest {
        java.util.Objects.requireNonNull(notes);
    }

    /** A request without the caller's notes. */
    public IntentRequest(ConnectedAccountId account, Money amount, long applicationFee, ProjectId projectId,
                         Optional<ClientReference> clientReference, ProviderIdempotencyKey idempotencyKey) {
        this(account, amount, applicationFee, projectId, clientReference, PaymentNotes.NONE, idempotencyKey);
    }
}
