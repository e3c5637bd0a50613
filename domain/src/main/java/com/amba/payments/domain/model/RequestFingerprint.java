package com.amba.payments.domain.model;

import java.util.Objects;

/**
 * The money-moving fields of a create as they were sent (amount, currency, fee fields). Two requests with one
 * client reference are "the same" exactly when their fingerprints are equal.
 */
public record RequestFingerprint(String value) {

    public RequestFingerprint {
        Objects.requireNonNull(value);
    }

    public static RequestFingerprint of(long amount, String currency, String applicationFeeAmount,
                                        String platformFeeBps) {
        return new RequestFingerprint("amount=" + amount + ";currency=" + currency
                + ";application_fee_amount=" + applicationFeeAmount + ";platform_fee_bps=" + platformFeeBps);
    }
}
