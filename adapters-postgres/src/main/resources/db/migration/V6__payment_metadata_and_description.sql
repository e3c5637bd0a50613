-- The caller's metadata and description on a payment (Stripe's rules; checked by the domain before they get
-- here), and the same on the outbox so each event tells them as they were. Payments and events recorded
-- before this have none: an empty object and NULL. V1 to V5 are never edited.
ALTER TABLE payments ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb
    CHECK (jsonb_typeof(metadata) = 'object');
ALTER TABLE payments ADD COLUMN description text CHECK (char_length(description) BETWEEN 1 AND 1000);

ALTER TABLE outbox ADD COLUMN metadata jsonb NOT NULL DEFAULT '{}'::jsonb
    CHECK (jsonb_typeof(metadata) = 'object');
ALTER TABLE outbox ADD COLUMN description text;
