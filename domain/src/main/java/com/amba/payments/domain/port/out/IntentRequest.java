package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import java.util.Optional;

/** What a provider needs to create a PaymentIntent. A fee of 0 is sent as no fee at all. */
public record IntentRequest(ConnectedAccountId account, Money amount, long applicationFee, ProjectId projectId,
                            Optional<ClientReference> clientReference, ProviderIdempotencyKey idempotencyKey) {
}
