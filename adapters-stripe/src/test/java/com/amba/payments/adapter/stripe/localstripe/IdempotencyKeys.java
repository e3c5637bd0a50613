package com.amba.payments.adapter.stripe.localstripe;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stripe's idempotency, per account and key: the first request's saved answer is replayed for the same
 * request; the same key with other parameters is 400 {@code idempotency_error}; a key whose first request is
 * still executing is 409. Nothing is saved for requests refused before an endpoint ran.
 */
final class IdempotencyKeys {

    private record Scoped(String account, String key) {}

    private sealed interface Entry {}

    private record InFlight() implements Entry {}

    private record Saved(String fingerprint, Answer answer) implements Entry {}

    /** What to do with a request that carries a key. */
    sealed interface Claim {
        /** First use: execute, then {@link #finish}. */
        record Execute() implements Claim {}

        record Replay(Answer answer) implements Claim {}

        record Refuse(Answer answer) implements Claim {}
    }

    private final Map<Scoped, Entry> entries = new HashMap<>();

    synchronized Claim claim(String account, String key, String fingerprint) {
        Scoped scoped = new Scoped(account, key);
        Entry entry = entries.get(scoped);
        if (entry == null) {
            entries.put(scoped, new InFlight());
            return new Claim.Execute();
        }
        return switch (entry) {
            case InFlight ignored -> new Claim.Refuse(Answer.rejected(409, "idempotency_error", null,
                    "There is currently another in-progress request using this Stripe API key (or Stripe-Account)"
                            + " and idempotency key. Please try again later.", null));
            case Saved saved when saved.fingerprint().equals(fingerprint) -> new Claim.Replay(saved.answer());
            case Saved ignored -> new Claim.Refuse(Answer.rejected(400, "idempotency_error", null,
                    "Keys for idempotent requests can only be used with the same parameters they were first used"
                            + " with. Try using a key other than '" + key + "' if you meant to execute a different"
                            + " request.", null));
        };
    }

    synchronized void finish(String account, String key, String fingerprint, Optional<Answer> executed) {
        Scoped scoped = new Scoped(account, key);
        if (executed.isPresent() && executed.get().saved()) {
            entries.put(scoped, new Saved(fingerprint, executed.get()));
        } else {
            entries.remove(scoped);
        }
    }
}
