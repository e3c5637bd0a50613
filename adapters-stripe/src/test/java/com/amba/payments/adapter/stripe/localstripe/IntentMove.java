package com.amba.payments.adapter.stripe.localstripe;

/** What a customer and Stripe can do to a PaymentIntent after it was created, and the event Stripe sends. */
public enum IntentMove {
    REQUIRE_ACTION("requires_action", "payment_intent.requires_action"),
    PROCESS("processing", "payment_intent.processing"),
    AUTHORIZE("requires_capture", "payment_intent.amount_capturable_updated"),
    SUCCEED("succeeded", "payment_intent.succeeded"),
    FAIL("requires_payment_method", "payment_intent.payment_failed"),
    CANCEL("canceled", "payment_intent.canceled");

    private final String status;
    private final String eventType;

    IntentMove(String status, String eventType) {
        this.status = status;
        this.eventType = eventType;
    }

    public String status() {
        return status;
    }

    public String eventType() {
        return eventType;
    }
}
