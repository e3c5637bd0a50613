-- Money back (SPEC §11): refunds, disputes, and the outbox events about them. V1 is never edited.

-- One row per refund attempt. A row is 'reserved' from before the provider is called (its share of the payment
-- is set aside until lease_until), 'released' if the provider refused, and otherwise holds the provider's refund
-- and its status. A client reference binds one attempt per project, kept forever (docs/refund-state-machine.md).
CREATE TABLE refunds (
    attempt_id             text PRIMARY KEY CHECK (char_length(attempt_id) BETWEEN 1 AND 255),
    refund_id              text COLLATE "C" UNIQUE CHECK (refund_id ~ '^(re|pyr)_[A-Za-z0-9]{1,64}$'),
    payment_id             text COLLATE "C" NOT NULL REFERENCES payments (id),
    project_id             text NOT NULL REFERENCES projects (id),
    client_reference       text CHECK (char_length(client_reference) BETWEEN 1 AND 255),
    fingerprint            text NOT NULL,
    idempotency_key        text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 255),
    amount                 bigint NOT NULL CHECK (amount > 0 AND amount <= 99999999),
    currency               text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    fee_refunded           bigint NOT NULL CHECK (fee_refunded >= 0 AND fee_refunded <= amount),
    reason                 text CHECK (reason IN ('duplicate', 'fraudulent', 'requested_by_customer')),
    refund_application_fee boolean NOT NULL,
    state                  text NOT NULL CHECK (state IN ('reserved', 'released', 'pending', 'requires_action',
                               'succeeded', 'failed', 'canceled')),
    lease_until            timestamptz NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    status_as_of           timestamptz NOT NULL,
    version                bigint NOT NULL CHECK (version >= 0),
    -- A payment's refunds in the order they were asked for.
    position               bigserial NOT NULL UNIQUE,
    UNIQUE (project_id, client_reference),
    CHECK ((refund_id IS NULL) = (state IN ('reserved', 'released')))
);
CREATE INDEX refunds_by_payment ON refunds (payment_id, position);

-- A payment's dispute, as charge.dispute.* events tell it.
CREATE TABLE disputes (
    payment_id   text COLLATE "C" PRIMARY KEY REFERENCES payments (id),
    status       text NOT NULL CHECK (status IN ('needs_response', 'under_review', 'won', 'lost')),
    amount       bigint NOT NULL CHECK (amount >= 0 AND amount <= 99999999),
    currency     text NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    status_as_of timestamptz NOT NULL,
    version      bigint NOT NULL CHECK (version >= 0)
);

-- Refund events that arrived before their payment's row; applied when it appears.
CREATE TABLE parked_refund_events (
    event_id    text PRIMARY KEY,
    created     timestamptz NOT NULL,
    refund_id   text NOT NULL,
    payment_id  text COLLATE "C" NOT NULL,
    account     text,
    status      text NOT NULL CHECK (status IN ('pending', 'requires_action', 'succeeded', 'failed', 'canceled')),
    amount      bigint NOT NULL,
    currency    text NOT NULL,
    reason      text,
    attempt_id  text,
    received_at timestamptz NOT NULL,
    position    bigserial NOT NULL UNIQUE
);

-- Refund and dispute events ride the same outbox, with what they say beyond the payment.
ALTER TABLE outbox DROP CONSTRAINT outbox_type_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_type_check
    CHECK (type IN ('CREATED', 'STATUS_CHANGED', 'REFUND_CREATED', 'REFUND_STATUS_CHANGED', 'DISPUTE_CHANGED'));
ALTER TABLE outbox ADD COLUMN refund_id text;
ALTER TABLE outbox ADD COLUMN money_back_status text;
ALTER TABLE outbox ADD COLUMN money_back_previous_status text;
ALTER TABLE outbox ADD COLUMN money_back_amount bigint CHECK (money_back_amount >= 0);
ALTER TABLE outbox ADD COLUMN money_back_reason text;
ALTER TABLE outbox ADD CONSTRAINT outbox_money_back_complete
    CHECK ((type IN ('CREATED', 'STATUS_CHANGED')) = (money_back_status IS NULL));
