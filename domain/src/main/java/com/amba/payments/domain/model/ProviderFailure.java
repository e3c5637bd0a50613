package com.amba.payments.domain.model;

/**
 * Why the provider did not do what was asked. Kill Bill's lesson: "unavailable" means the request may or may
 * not have happened, which is why every create carries an idempotency key.
 */
public sealed interface ProviderFailure {

    String detail();

    /** Network failure, timeout, 5xx, 429 or a request in flight: try again later with the same key. */
    record Unavailable(String detail) implements ProviderFailure {}

    /** The provider refuses the amount (too small, too large, not chargeable). */
    record AmountRejected(String detail) implements ProviderFailure {}

    /** The connected account cannot take charges yet. */
    record AccountNotReady(String detail) implements ProviderFailure {}

    /** The provider refused Amba's credentials: a configuration problem, never the caller's. */
    record Misconfigured(String detail) implements ProviderFailure {}

    /** Anything else the provider refused: a bug in Amba's request, known by the provider's request id. */
    record Refused(String providerRequestId, String detail) implements ProviderFailure {}

    /** No such intent or account at the provider. */
    record NotFound(String detail) implements ProviderFailure {}

    /** The intent cannot do that from where it stands (for instance, fail after succeeding). */
    record UnexpectedState(String detail) implements ProviderFailure {}
}
