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

    /**
     * The intent's metadata and description as the provider holds them (not Amba's ledger): the flat,
     * Stripe-shaped fields {@code metadata[key]} and {@code description} (with Amba's own {@code amba_} keys where
     * the provider keeps them as metadata, as Stripe does); empty for an unknown intent.
     */
    java.util.Map<String, String> intentNotes(String paymentId);

    /**
     * The create request the provider received for this intent, as form fields ({@code metadata[order_id]=…}), when
     * the provider is reached over HTTP; empty for the in-process sandbox, which has no wire.
     */
    java.util.Optional<java.util.Map<String, String>> createRequestOf(String paymentId);

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
