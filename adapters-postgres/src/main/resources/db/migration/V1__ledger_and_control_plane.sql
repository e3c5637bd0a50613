-- Amba's system of record. Constraints guard the invariants so that no code path, present or future,
-- can write a payment the domain would refuse: money is bigint minor units, statuses are Stripe's seven,
-- and a client reference binds at most one payment per project.

-- The platform owner's switch and default fee: exactly one row, which the CHECK on the key enforces.
CREATE TABLE platform_settings (
    singleton        boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    payments_enabled boolean NOT NULL DEFAULT false,
    default_fee_bps  integer CHECK (default_fee_bps BETWEEN 0 AND 10000)
);
INSERT INTO platform_settings (singleton) VALUES (true);

CREATE TABLE projects (
    id               text PRIMARY KEY,
    name             text NOT NULL,
    default_fee_bps  integer CHECK (default_fee_bps BETWEEN 0 AND 10000),
    account_id       text UNIQUE CHECK (account_id ~ '^acct_[A-Za-z0-9]{1,64}$'),
    charges_enabled  boolean NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL,
    -- Listing projects in the order they were added, whatever clock stamped them.
    position         bigserial NOT NULL UNIQUE,
    CHECK (account_id IS NOT NULL OR NOT charges_enabled)
);

CREATE TABLE api_keys (
    id          text PRIMARY KEY,
    project_id  text NOT NULL REFERENCES projects (id),
    kind        text NOT NULL CHECK (kind IN ('server', 'client')),
    hash        text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);

-- Payment ids sort bytewise (COLLATE "C") so that keyset pages agree with PaymentCursor's Java ordering.
CREATE TABLE payments (
    id               text COLLATE "C" PRIMARY KEY CHECK (id ~ '^pi_[A-Za-z0-9]{1,64}$'),
    project_id       text NOT NULL REFERENCES projects (id),
    account          text NOT NULL,
    amount           bigint NOT NULL CHECK (amount > 0 AND amount <= 99999999),
    currency         text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    application_fee  bigint NOT NULL CHECK (application_fee >= 0 AND application_fee < amount),
    client_reference text CHECK (char_length(client_reference) BETWEEN 1 AND 255),
    client_secret    text NOT NULL,
    status           text NOT NULL CHECK (status IN ('requires_payment_method', 'requires_confirmation',
                         'requires_action', 'processing', 'requires_capture', 'succeeded', 'canceled')),
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    status_as_of     timestamptz NOT NULL,
    version          bigint NOT NULL CHECK (version >= 0),
    UNIQUE (project_id, client_reference)
);
CREATE INDEX payments_newest_first ON payments (project_id, created_at DESC, id DESC);
CREATE INDEX payments_unsettled ON payments (updated_at, id)
    WHERE status NOT IN ('succeeded', 'canceled');

-- A create with a client reference, recorded before the provider is called (docs/create-state-machine.md).
CREATE TABLE creation_attempts (
    project_id       text NOT NULL REFERENCES projects (id),
    client_reference text NOT NULL CHECK (char_length(client_reference) BETWEEN 1 AND 255),
    fingerprint      text NOT NULL,
    idempotency_key  text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 255),
    state            text NOT NULL CHECK (state IN ('in_flight', 'released', 'completed')),
    lease_until      timestamptz NOT NULL,
    payment_id       text COLLATE "C" REFERENCES payments (id),
    PRIMARY KEY (project_id, client_reference),
    CHECK ((state = 'completed') = (payment_id IS NOT NULL))
);

-- A payment's story. Append-only: the trigger below refuses to rewrite or erase it.
CREATE TABLE payment_status_history (
    position    bigserial PRIMARY KEY,
    payment_id  text COLLATE "C" NOT NULL REFERENCES payments (id),
    from_status text CHECK (from_status IN ('requires_payment_method', 'requires_confirmation',
                    'requires_action', 'processing', 'requires_capture', 'succeeded', 'canceled')),
    to_status   text NOT NULL CHECK (to_status IN ('requires_payment_method', 'requires_confirmation',
                    'requires_action', 'processing', 'requires_capture', 'succeeded', 'canceled')),
    cause       text NOT NULL,
    at          timestamptz NOT NULL
);
CREATE INDEX payment_status_history_by_payment ON payment_status_history (payment_id, position);

CREATE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'payment_status_history is append-only';
END;
$$;
CREATE TRIGGER payment_status_history_append_only
    BEFORE UPDATE OR DELETE ON payment_status_history
    FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite();

-- Every provider event decided on, once: the primary key is what makes a redelivery change nothing.
CREATE TABLE inbox (
    event_id    text PRIMARY KEY,
    payment_id  text COLLATE "C",
    disposition text NOT NULL CHECK (disposition IN ('APPLIED', 'ALREADY_THERE', 'IGNORED_FINAL',
                    'IGNORED_OLDER', 'MISMATCH', 'ACCOUNT_UPDATED')),
    note        text NOT NULL,
    decided_at  timestamptz NOT NULL
);
CREATE INDEX inbox_mismatches ON inbox (decided_at) WHERE disposition = 'MISMATCH';

-- Provider events that arrived before their payment's row; applied when it appears.
CREATE TABLE parked_events (
    event_id    text PRIMARY KEY,
    payment_id  text COLLATE "C" NOT NULL,
    account     text,
    status      text NOT NULL CHECK (status IN ('requires_payment_method', 'requires_confirmation',
                    'requires_action', 'processing', 'requires_capture', 'succeeded', 'canceled')),
    amount      bigint NOT NULL,
    currency    text NOT NULL,
    created     timestamptz NOT NULL,
    received_at timestamptz NOT NULL,
    position    bigserial NOT NULL UNIQUE
);
CREATE INDEX parked_events_by_payment ON parked_events (payment_id);
CREATE INDEX parked_events_oldest ON parked_events (received_at, position);

-- Domain events written with the ledger change that caused them, relayed at least once.
CREATE TABLE outbox (
    position         bigserial PRIMARY KEY,
    event_id         text NOT NULL UNIQUE,
    type             text NOT NULL CHECK (type IN ('CREATED', 'STATUS_CHANGED')),
    payment_id       text COLLATE "C" NOT NULL,
    project_id       text NOT NULL,
    status           text NOT NULL,
    previous_status  text,
    amount           bigint NOT NULL CHECK (amount >= 0),
    currency         text NOT NULL,
    application_fee  bigint NOT NULL CHECK (application_fee >= 0),
    client_reference text,
    occurred_at      timestamptz NOT NULL,
    relayed_at       timestamptz
);
CREATE INDEX outbox_unrelayed ON outbox (position) WHERE relayed_at IS NULL;
