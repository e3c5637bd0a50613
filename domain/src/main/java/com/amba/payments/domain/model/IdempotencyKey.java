package com.amba.payments.domain.model;

import java.util.Base64;
import java.util.Optional;

/**
 * A caller's {@code Idempotency-Key} header, with Stripe's meaning: the same key and the same request answer the
 * same thing; the same key with a different request is refused. 1 to 255 printable ASCII characters, like
 * Stripe's. Scoped to the caller's project (or, for a new project, to the platform) and to the kind of create:
 * every create binds it through {@link #bindingFor} (docs/decisions.md, "Idempotency-Key on every create").
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAXIMUM_LENGTH = 255;
    private static final String BINDING_PREFIX = "idempotency-key:";

    public IdempotencyKey {
        if (!isValid(value)) {
            throw new IllegalArgumentException("an idempotency key is 1 to 255 printable ASCII characters");
        }
    }

    /** An absent header is no key; a present one must be valid (INVALID_IDEMPOTENCY_KEY). */
    public static Result<Optional<IdempotencyKey>, PaymentError> parse(Optional<String> header) {
        if (header.isEmpty()) {
            return Result.ok(Optional.empty());
        }
        return isValid(header.get())
                ? Result.ok(Optional.of(new IdempotencyKey(header.get())))
                : Result.err(new PaymentError.InvalidIdempotencyKey());
    }

    private static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAXIMUM_LENGTH
                && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f) && !value.isBlank();
    }

    /**
     * What the key binds under, for one kind of create: a digest, so a 255-character key fits where a client
     * reference does, and prefixed with the operation, so one key used on two different calls cannot meet.
     */
    public ClientReference bindingFor(String operation) {
        byte[] digest = KeyHash.sha256(operation + "\n" + value);
        return new ClientReference(BINDING_PREFIX + operation + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
    }

    /** Whether a reference is a key's binding rather than one a caller chose (it is not shown as theirs). */
    public static boolean isBinding(ClientReference reference) {
        return reference.value().startsWith(BINDING_PREFIX);
    }

    /** Never the key itself: it is the caller's, and may carry their own identifiers. */
    @Override
    public String toString() {
        return "IdempotencyKey[" + value.length() + " characters]";
    }
}
