package com.amba.payments.domain.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

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

    /**
     * A body's fields as sent, in name order, each written with its length so that no value can pass for
     * another: what an Idempotency-Key of a create whose body has no money fields is bound to.
     */
    public static RequestFingerprint ofFields(RequestBody body) {
        StringBuilder text = new StringBuilder("fields:");
        if (body instanceof RequestBody.Fields fields) {
            for (Map.Entry<String, InputValue> field : new TreeMap<>(fields.values()).entrySet()) {
                String value = written(field.getValue());
                text.append(field.getKey().length()).append(':').append(field.getKey())
                        .append('=').append(value.length()).append(':').append(value).append(';');
            }
        }
        return new RequestFingerprint(text.toString());
    }

    /** A value as sent; each string of an array with its length, so that ["a, b"] is not ["a", "b"]. */
    private static String written(InputValue value) {
        if (value instanceof InputValue.Texts texts) {
            StringBuilder text = new StringBuilder("Texts[");
            texts.values().forEach(item -> text.append(item.length()).append(':').append(item).append(','));
            return text.append(']').toString();
        }
        return value.toString();
    }

    /** This fingerprint with the client reference as sent: the whole request an Idempotency-Key must match. */
    public RequestFingerprint withReference(java.util.Optional<ClientReference> reference) {
        return new RequestFingerprint(value + ";client_reference=" + reference.map(ClientReference::value).orElse(""));
    }
}
