package com.amba.payments.adapter.stripe.localstripe;

import java.util.Map;
import java.util.Set;

/**
 * Stripe's amount rules as the local server enforces them. Kept apart from the domain's own table on purpose:
 * this plays Stripe, and Amba's pre-checks are tested against it, not against themselves.
 */
final class Minimums {

    static final long MAXIMUM = 99_999_999L;

    private static final Map<String, Long> MINIMUM_CHARGE = Map.ofEntries(
            Map.entry("usd", 50L), Map.entry("eur", 50L), Map.entry("gbp", 30L), Map.entry("jpy", 50L),
            Map.entry("cad", 50L), Map.entry("aud", 50L), Map.entry("chf", 50L), Map.entry("nzd", 50L),
            Map.entry("sgd", 50L), Map.entry("dkk", 250L), Map.entry("nok", 300L), Map.entry("sek", 300L),
            Map.entry("hkd", 400L), Map.entry("mxn", 1000L), Map.entry("pln", 200L), Map.entry("czk", 1500L));

    private static final Set<String> ZERO_DECIMAL = Set.of(
            "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf",
            "xof", "xpf");

    private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

    private Minimums() {
    }

    static long minimumCharge(String currency) {
        return MINIMUM_CHARGE.getOrDefault(currency, ZERO_DECIMAL.contains(currency) ? 1L : 50L);
    }

    /** Three-decimal currencies are charged in whole tens of their minor unit. */
    static boolean chargeable(String currency, long amount) {
        return !THREE_DECIMAL.contains(currency) || amount % 10 == 0;
    }
}
