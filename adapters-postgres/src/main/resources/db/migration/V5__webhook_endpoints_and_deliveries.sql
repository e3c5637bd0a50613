-- Outgoing webhooks (SPEC §12): a project's endpoints, and one delivery per event and subscribed endpoint.

CREATE TABLE webhook_endpoints (
    id                         text PRIMARY KEY CHECK (id ~ '^we_[A-Za-z0-9]{1,64}$'),
    project_id                 text NOT NULL REFERENCES projects (id),
    url                        text NOT NULL CHECK (url ~ '^https?://' AND char_length(url) <= 2048),
    events                     text[] NOT NULL CHECK (cardinality(events) > 0),
    -- Signing needs the secret itself (unlike API keys, which are only checked, so only hashed).
    secret                     text NOT NULL CHECK (secret ~ '^whsec_'),
    retiring_secret            text CHECK (retiring_secret ~ '^whsec_'),
    rotation_ends_at timestamptz,
    created_at                 timestamptz NOT NULL,
    position                   bigserial NOT NULL UNIQUE,
    CHECK ((retiring_secret IS NULL) = (rotation_ends_at IS NULL))
);
CREATE INDEX webhook_endpoints_by_project ON webhook_endpoints (project_id, position);

-- The outbox's second reader keeps its own mark, independent of the Kafka relay's relayed_at.
ALTER TABLE outbox ADD COLUMN webhooks_fanned_out boolean NOT NULL DEFAULT false;
CREATE INDEX outbox_not_fanned_out ON outbox (position) WHERE NOT webhooks_fanned_out;

CREATE TABLE webhook_deliveries (
    id                 text PRIMARY KEY CHECK (id ~ '^wd_[A-Za-z0-9]{1,64}$'),
    endpoint_id        text NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    -- The outbox row is the delivery's body; it must outlive the delivery.
    event_id           text NOT NULL REFERENCES outbox (event_id),
    event_position     bigint NOT NULL,
    event_type         text NOT NULL,
    payment_id         text COLLATE "C" NOT NULL,
    status             text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts           integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at    timestamptz,
    lease_until        timestamptz,
    created_at         timestamptz NOT NULL,
    position           bigserial NOT NULL UNIQUE,
    UNIQUE (endpoint_id, event_id),
    CHECK ((status = 'pending') = (next_attempt_at IS NOT NULL))
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_in_order ON webhook_deliveries (endpoint_id, payment_id, event_position)
    WHERE status = 'pending';
CREATE INDEX webhook_deliveries_newest_first ON webhook_deliveries (endpoint_id, position DESC);

-- The deliveries log: every attempt, append-only.
CREATE TABLE webhook_attempts (
    delivery_id   text NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    number        integer NOT NULL CHECK (number >= 1),
    at            timestamptz NOT NULL,
    response_code integer CHECK (response_code BETWEEN 100 AND 599),
    error         text,
    PRIMARY KEY (delivery_id, number)
);
