package com.amba.payments.adapter.kafka;

/** The topics Amba owns. */
public final class KafkaTopics {

    /** Verified provider (Stripe) events on their way to the ledger; keyed by payment or account id. */
    public static final String PROVIDER_EVENTS = "amba.provider.events";

    /** Ledger changes for downstream services, as CloudEvents; keyed by payment id (SPEC.md §7). */
    public static final String PAYMENT_EVENTS = "amba.payments.events";

    private KafkaTopics() {
    }
}
