package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.EventDisposition;

/** What became of one provider event. */
public sealed interface EventReceipt {

    record Decided(EventDisposition disposition) implements EventReceipt {}

    /** The same event id was decided on before; nothing changed. */
    record Duplicate() implements EventReceipt {}

    /** Its payment is not in the ledger yet; the event is kept and applied when the payment appears. */
    record Parked() implements EventReceipt {}

    /** An account event for an account no project holds. */
    record UnknownAccount() implements EventReceipt {}
}
