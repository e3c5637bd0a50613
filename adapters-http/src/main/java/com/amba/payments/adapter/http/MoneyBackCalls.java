package com.amba.payments.adapter.http;

import com.amba.payments.domain.port.in.CancelPayment;
import com.amba.payments.domain.port.in.RefundPayment;
import java.util.Objects;

/** The use cases of SPEC §11 the client API calls beyond the read: cancel, refund, list refunds. */
public record MoneyBackCalls(CancelPayment cancel, RefundPayment refunds) {

    public MoneyBackCalls {
        Objects.requireNonNull(cancel, "cancel");
        Objects.requireNonNull(refunds, "refunds");
    }
}
