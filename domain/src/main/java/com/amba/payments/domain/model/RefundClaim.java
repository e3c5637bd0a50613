package com.amba.payments.domain.model;

/** What the ledger says when a refund asks to set its share of the payment aside. */
public sealed interface RefundClaim {

    /** The share is set aside for this attempt: call the provider now. */
    record Reserved(RefundReservation reservation) implements RefundClaim {}

    /** The same request (same client reference) already made this refund: answer it again. */
    record AlreadyMade(Refund refund) implements RefundClaim {}

    /** The client reference is bound, or being bound, to a different request. */
    record Conflict() implements RefundClaim {}

    /** The same request is being made right now by someone else; wait for it. */
    record InFlight() implements RefundClaim {}

    /** The payment is not there, not refundable, or has too little left: nothing was set aside. */
    record Refused(PaymentError error) implements RefundClaim {}
}
