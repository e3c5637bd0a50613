package com.amba.payments.domain.model;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An ISO 4217 currency that Stripe can charge in, written as Stripe writes it: three lowercase letters.
 * Knows how many decimals its minor unit has and Stripe's smallest chargeable amount.
 */
public record Currency(String code) {

    private static final Set<String> CHARGEABLE = Set.of(
            "usd", "aed", "afn", "all", "amd", "ang", "aoa", "ars", "aud", "awg", "azn", "bam", "bbd", "bdt",
            "bgn", "bhd", "bif", "bmd", "bnd", "bob", "brl", "bsd", "bwp", "byn", "bzd", "cad", "cdf", "chf",
            "clp", "cny", "cop", "crc", "cve", "czk", "djf", "dkk", "dop", "dzd", "egp", "etb", "eur", "fjd",
            "fkp", "gbp", "gel", "gip", "gmd", "gnf", "gtq", "gyd", "hkd", "hnl", "htg", "huf", "idr", "ils",
            "inr", "isk", "jmd", "jod", "jpy", "kes", "kgs", "khr", "kmf", "krw", "kwd", "kyd", "kzt", "lak",
            "lbp", "lkr", "lrd", "lsl", "mad", "mdl", "mga", "mkd", "mmk", "mnt", "mop", "mur", "mvr", "mwk",
            "mxn", "myr", "mzn", "nad", "ngn", "nio", "nok", "npr", "nzd", "omr", "pab", "pen", "pgk", "php",
            "pkr", "pln", "pyg", "qar", "ron", "rsd", "rub", "rwf", "sar", "sbd", "scr", "sek", "sgd", "shp",
            "sle", "sos", "srd", "szl", "thb", "tjs", "tnd", "top", "try", "ttd", "twd", "tzs", "uah",
            "ugx", "uyu", "uzs", "vnd", "vuv", "wst", "xaf", "xcd", "xof", "xpf", "yer", "zar", "zmw");

    private static final Set<String> ZERO_DECIMAL = Set.of(
            "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd", "vuv", "xaf",
            "xof", "xpf");

    private static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

    /** Stripe's published minimum charge amounts, in minor units of the presentment currency. */
    private static final Map<String, Long> MINIMUM_CHARGE = Map.ofEntries(
            Map.entry("usd", 50L), Map.entry("aed", 200L), Map.entry("aud", 50L), Map.entry("bgn", 100L),
            Map.entry("brl", 50L), Map.entry("cad", 50L), Map.entry("chf", 50L), Map.entry("czk", 1500L),
            Map.entry("dkk", 250L), Map.entry("eur", 50L), Map.entry("gbp", 30L), Map.entry("hkd", 400L),
            Map.entry("huf", 17500L), Map.entry("inr", 50L), Map.entry("jpy", 50L), Map.entry("mxn", 1000L),
            Map.entry("myr", 200L), Map.entry("nok", 300L), Map.entry("nzd", 50L), Map.entry("pln", 200L),
            Map.entry("ron", 200L), Map.entry("sek", 300L), Map.entry("sgd", 50L), Map.entry("thb", 1000L));


    public Currency {
        if (code == null || !CHARGEABLE.contains(code)) {
            throw new IllegalArgumentException("not a currency Stripe can charge in: " + code);
        }
    }

    public static Optional<Currency> of(String code) {
        return code != null && CHARGEABLE.contains(code) ? Optional.of(new Currency(code)) : Optional.empty();
    }

    public boolean isZeroDecimal() {
        return ZERO_DECIMAL.contains(code);
    }

    public boolean isThreeDecimal() {
        return THREE_DECIMAL.contains(code);
    }

    /** Stripe charges three-decimal currencies only in whole tens of the minor unit. */
    public boolean accepts(long minorUnits) {
        return !isThreeDecimal() || minorUnits % 10 == 0;
    }

    /**
     * Stripe's minimum where it publishes one; elsewhere half a major unit (the "$0.50 equivalent" floor
     * without exchange rates). Stripe stays the authority: its amount_too_small still answers INVALID_AMOUNT.
     */
    public long minimumCharge() {
        Long published = MINIMUM_CHARGE.get(code);
        if (published != null) {
            return published;
        }
        if (isZeroDecimal()) {
            return 1L;
        }
        return isThreeDecimal() ? 500L : 50L;
    }

    @Override
    public String toString() {
        return code;
    }
}
