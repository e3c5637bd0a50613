package com.amba.payments.domain.model;

import java.util.Objects;

/**
 * An {@code Idempotency-Key} as one create binds it: within its {@code scope} (a project's id, or
 * {@link #PLATFORM} for the platform owner's calls that belong to no project), under the key's binding for that
 * kind of create ({@link IdempotencyKey#bindingFor}), to the request as it was sent ({@code fingerprint}).
 */
public record IdempotentRequest(String scope, ClientReference binding, RequestFingerprint fingerprint) {

    /** The scope of the Admin API's creates that belong to no project (a new project). */
    public static final String PLATFORM = "platform";

    public IdempotentRequest {
        Objects.requireNonNull(scope);
        Objects.requireNonNull(binding);
        Objects.requireNonNull(fingerprint);
    }

    public static IdempotentRequest of(ProjectId project, IdempotencyKey key, String operation,
                                       RequestFingerprint fingerprint) {
        return new IdempotentRequest(project.value(), key.bindingFor(operation), fingerprint);
    }

    public static IdempotentRequest onThePlatform(IdempotencyKey key, String operation,
                                                  RequestFingerprint fingerprint) {
        return new IdempotentRequest(PLATFORM, key.bindingFor(operation), fingerprint);
    }
}
