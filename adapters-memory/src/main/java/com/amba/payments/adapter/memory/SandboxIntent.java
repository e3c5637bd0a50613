package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.ClientSecret;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.port.out.IntentRequest;
import com.amba.payments.domain.model.PaymentId;
import java.time.Instant;

/** A PaymentIntent as the sandbox keeps it, with the request that made it (for idempotency checks). */
record SandboxIntent(PaymentId id, ClientSecret clientSecret, IntentRequest request, PaymentStatus status,
                     Instant created) {

    ConnectedAccountId account() {
        return request.account();
    }

    SandboxIntent movedTo(PaymentStatus next) {
        return new SandboxIntent(id, clientSecret, request, next, created);
    }

    /** The intent as the sandbox answers about it at {@code now}. */
    ProviderIntent view(Instant now) {
        return new ProviderIntent(id, clientSecret, status, request.amount(), created, now);
    }
}
