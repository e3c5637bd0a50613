-- Idempotency-Key headers of the creates that are not a payment's (a payment's key is a creation attempt):
-- a refund's beside its client reference, and the Admin API's creates. Scoped to a project's id or 'platform',
-- under the key's binding for the kind of create; kept for good once bound (docs/decisions.md). The secrets
-- a create shows once are never here: only the id of what it made.
CREATE TABLE idempotency_keys (
    scope       text NOT NULL CHECK (char_length(scope) BETWEEN 1 AND 255),
    binding     text NOT NULL CHECK (char_length(binding) BETWEEN 1 AND 255),
    fingerprint text NOT NULL,
    state       text NOT NULL CHECK (state IN ('in_flight', 'released', 'completed')),
    lease_until timestamptz NOT NULL,
    resource_id text CHECK (char_length(resource_id) BETWEEN 1 AND 255),
    PRIMARY KEY (scope, binding),
    CHECK ((state = 'completed') = (resource_id IS NOT NULL))
);
