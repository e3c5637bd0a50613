package com.amba.payments.app.http;

/**
 * What a customer, Stripe or a network fault does to the payment provider behind a running service, whichever
 * provider it is: the built-in sandbox, or the Stripe adapter talking to a local Stripe-compatible server.
 */
public interface ProviderDriver {

    /**
     * A customer (and Stripe) moves the intent: {@code require_action}, {@code process}, {@code succeed},
     * {@code fail}, {@code cancel}. Answers 200 when it moved (its event has reached the service), 409 when
     * the provider refuses from where the intent stands, 404 for an unknown intent.
     */
    int act(String paymentId, String action);

    /** The project owner finishes onboarding; the provider tells the service (account.updated). */
    void completeOnboarding(String accountId);

    /** The provider is down for the next create: nothing is created, the service answers 502. */
    void failNextCreate();

    /** The provider makes the next intent but its answer never reaches the service. */
    void loseNextCreateAnswer();

    /** Create requests the provider has received so far. */
    int createCalls();

    /** The ids of the intents the provider holds on this connected account. */
    java.util.List<String> intentIdsOn(String accountId);

    /** Intents the provider holds on this connected account. */
    int intentsOn(String accountId);

    /** Where the intent stands at the provider itself (not in Amba's ledger). */
    String intentStatus(String paymentId);

    /** Distinct refunds the provider holds for the intent: "one provider refund" is this being 1. */
    int refundsOn(String paymentId);

    /** The provider is down for the next refund: nothing is refunded, the service answers 502. */
    void failNextRefund();

    /** Someone refunds {@code amount} at the provider directly (Stripe's dashboard); its events reach the service. */
    void refundOutsideAmba(String paymentId, long amount);

    /** The customer disputes the charge, or the dispute moves to {@code status}; its event reaches the service. */
    void dispute(String paymentId, String status);
}
