package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.ProviderRefund;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.RefundStatus;
import com.amba.payments.domain.port.out.RefundRequest;
import java.time.Instant;

/** A Refund as the sandbox keeps it, with the request that made it (for idempotency checks and metadata). */
record SandboxRefund(RefundId id, RefundRequest request, Money amount, RefundStatus status, Instant created) {

    SandboxRefund movedTo(RefundStatus next) {
        return new SandboxRefund(id, request, amount, next, created);
    }

    ProviderRefund view() {
        return new ProviderRefund(id, request.paymentId(), status, amount, request.reason(), created);
    }
}
