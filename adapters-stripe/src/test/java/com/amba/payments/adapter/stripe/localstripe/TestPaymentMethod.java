package com.amba.payments.adapter.stripe.localstripe;

import java.util.Arrays;
import java.util.Optional;

/**
 * Stripe's test-mode payment methods a confirm may name (https://docs.stripe.com/testing), the card behind
 * each, and how confirming with it moves the intent. Stripe clones the named method into a fresh {@code pm_…}
 * for every confirm; so does the local server.
 */
public enum TestPaymentMethod {
    VISA("pm_card_visa", "visa", "4242", IntentMove.SUCCEED),
    MASTERCARD("pm_card_mastercard", "mastercard", "4444", IntentMove.SUCCEED),
    CHARGE_DECLINED("pm_card_chargeDeclined", "visa", "0002", IntentMove.FAIL),
    AUTHENTICATION_REQUIRED("pm_card_authenticationRequired", "visa", "3184", IntentMove.REQUIRE_ACTION);

    private final String id;
    private final String brand;
    private final String last4;
    private final IntentMove outcome;

    TestPaymentMethod(String id, String brand, String last4, IntentMove outcome) {
        this.id = id;
        this.brand = brand;
        this.last4 = last4;
        this.outcome = outcome;
    }

    public static Optional<TestPaymentMethod> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }

    /** What a customer pastes into {@code payment_method}. */
    public String id() {
        return id;
    }

    public String brand() {
        return brand;
    }

    public String last4() {
        return last4;
    }

    /** What confirming with this card does to the intent (and so which event Stripe sends). */
    public IntentMove outcome() {
        return outcome;
    }
}
