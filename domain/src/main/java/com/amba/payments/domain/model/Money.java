package com.amba.payments.domain.model;

import java.util.Objects;

/** An amount in the minor unit of its currency (cents for usd, yen for jpy). Never floating point. */
public record Money(long minor, Currency currency) {

    public static final long MAXIMUM_MINOR = 99_999_999L;

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (minor < 0 || minor > MAXIMUM_MINOR) {
            throw new IllegalArgumentException("amount out of range: " + minor);
        }
    }

    public static Money of(long minor, String currency) {
        return new Money(minor, new Currency(currency));
    }

    public boolean sameCurrencyAs(Money other) {
        return currency.equals(other.currency);
    }

    @Override
    public String toString() {
        return minor + " " + currency;
    }
}
