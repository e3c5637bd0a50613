package com.amba.payments.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyAndMoneyTest {

    @ParameterizedTest
    @ValueSource(strings = {"bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv",
            "xaf", "xof", "xpf"})
    void stripesZeroDecimalCurrenciesAreZeroDecimal(String code) {
        assertTrue(new Currency(code).isZeroDecimal());
        assertFalse(new Currency(code).isThreeDecimal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bhd", "jod", "kwd", "omr", "tnd"})
    void threeDecimalCurrenciesChargeOnlyWholeTens(String code) {
        Currency currency = new Currency(code);
        assertTrue(currency.isThreeDecimal());
        assertTrue(currency.accepts(1_010));
        assertFalse(currency.accepts(1_005));
    }

    @Test
    void twoDecimalCurrenciesAcceptAnyMinorAmount() {
        assertFalse(new Currency("usd").isZeroDecimal());
        assertTrue(new Currency("usd").accepts(1_005));
    }

    @ParameterizedTest(name = "{0} minimum is {1}")
    @CsvSource({"usd, 50", "eur, 50", "gbp, 30", "jpy, 50", "hkd, 400", "huf, 17500", "kwd, 500", "clp, 1",
            "php, 50"})
    void minimumChargesFollowStripe(String code, long minimum) {
        assertEquals(minimum, new Currency(code).minimumCharge());
    }

    @ParameterizedTest
    @ValueSource(strings = {"USD", "us", "usdd", "xyz", "", "eu1"})
    void onlyLowercaseChargeableCodesAreCurrencies(String code) {
        assertEquals(Optional.empty(), Currency.of(code));
        assertThrows(IllegalArgumentException.class, () -> new Currency(code));
    }

    @Test
    void nullIsNotACurrency() {
        assertEquals(Optional.empty(), Currency.of(null));
    }

    @Test
    void moneyStaysWithinStripesEightDigits() {
        assertEquals(99_999_999L, Money.of(99_999_999, "usd").minor());
        assertThrows(IllegalArgumentException.class, () -> Money.of(100_000_000, "usd"));
        assertThrows(IllegalArgumentException.class, () -> Money.of(-1, "usd"));
    }

    @Test
    void moneyIsEqualByAmountAndCurrency() {
        assertEquals(Money.of(500, "usd"), Money.of(500, "usd"));
        assertFalse(Money.of(500, "usd").equals(Money.of(500, "eur")));
        assertTrue(Money.of(500, "usd").sameCurrencyAs(Money.of(7, "usd")));
    }
}
