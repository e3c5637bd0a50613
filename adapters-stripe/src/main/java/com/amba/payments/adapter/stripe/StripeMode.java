package com.amba.payments.adapter.stripe;

/** Stripe keeps live and test data apart; an Amba instance works in exactly one of them. */
public enum StripeMode {
    LIVE,
    TEST;

    /** Whether objects and events of this mode carry {@code livemode: true}. */
    public boolean livemode() {
        return this == LIVE;
    }
}
