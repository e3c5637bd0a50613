package com.amba.payments.adapter.postgres;

/**
 * Every statement the adapter runs, in one place. All are prepared with positional parameters and cached per
 * connection; none is built from caller input.
 */
final class Sql {

    private Sql() {
    }

    static final String PAYMENT_COLUMNS = "id, project_id, account, amount, currency, application_fee, "
            + "client_reference, client_secret, status, created_at, updated_at, status_as_of, version, metadata, description";

    // ---- payments ----

    static final String FIND_PAYMENT = "SELECT " + PAYMENT_COLUMNS + " FROM payments WHERE id = $1";

    /** Returns nothing when the payment already exists: a retry reached the same provider intent. */
    static final String INSERT_PAYMENT = "INSERT INTO payments (" + PAYMENT_COLUMNS + ") "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) "
            + "ON CONFLICT (id) DO NOTHING RETURNING id";

    /** Optimistic concurrency: moves the payment only if nobody moved it since it was read. */
    static final String MOVE_PAYMENT = "UPDATE payments SET status = $3, updated_at = $4, status_as_of = $5, "
            + "version = $6 WHERE id = $1 AND version = $2 RETURNING id";

    static final String UNSETTLED_PAYMENTS = "SELECT " + PAYMENT_COLUMNS + " FROM payments "
            + "WHERE status NOT IN ('succeeded', 'canceled') AND updated_at < $1 "
            + "AND ($3::timestamptz IS NULL OR (updated_at, id) > ($3::timestamptz, $4::text COLLATE \"C\")) "
            + "ORDER BY updated_at, id LIMIT $2";

    /**
     * A page of a project's payments, newest first. Absent filters are NULL parameters; the cursor is a keyset
     * position (created_at, id), compared bytewise like {@code PaymentCursor}.
     */
    static final String LIST_PAYMENTS = "SELECT " + PAYMENT_COLUMNS + " FROM payments WHERE project_id = $1 "
            + "AND ($2::text IS NULL OR status = $2::text) "
            + "AND ($3::timestamptz IS NULL OR created_at >= $3::timestamptz) "
            + "AND ($4::timestamptz IS NULL OR created_at < $4::timestamptz) "
            + "AND ($5::timestamptz IS NULL OR (created_at, id) < ($5::timestamptz, $6::text COLLATE \"C\")) "
            + "ORDER BY created_at DESC, id DESC LIMIT $7";

    static final String REPORT_TOTALS = "SELECT project_id, currency, status, count(*)::bigint AS payments, "
            + "sum(amount)::bigint AS gross, sum(application_fee)::bigint AS fees FROM payments "
            + "GROUP BY project_id, currency, status ORDER BY project_id COLLATE \"C\", currency COLLATE \"C\", status";

    /**
     * A creation in one statement, so one round trip and one commit: the payment ($1–$15), its first history row,
     * its created event ($16–$28, outbox columns), and, when $29 (project) is not null, the attempt ($29–$32:
     * project, reference, fingerprint, key) completed with the payment. Nothing but the payment insert writes
     * unless it inserted. Answers whether it did, and whether events for the payment are parked.
     */
    static final String RECORD_CREATION = "WITH payment AS (INSERT INTO payments (" + PAYMENT_COLUMNS + ") "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::text) "
            + "ON CONFLICT (id) DO NOTHING RETURNING id, status, created_at), "
            + "history AS (INSERT INTO payment_status_history (payment_id, from_status, to_status, cause, at) "
            + "SELECT id, NULL, status, '" + PostgresLedger.CREATED_CAUSE + "', created_at FROM payment), "
            + "event AS (INSERT INTO outbox (" + Sql.OUTBOX_COLUMNS + ") "
            + "SELECT $16::text, $17::text, $18::text, $19::text, $20::text, $21::text, $22::bigint, $23::text, "
            + "$24::bigint, $25::text, $26::timestamptz, $27::jsonb, $28::text FROM payment), "
            + "attempt AS (INSERT INTO creation_attempts (project_id, client_reference, fingerprint, idempotency_key, "
            + "state, lease_until, payment_id) "
            + "SELECT $29::text, $30::text, $31::text, $32::text, 'completed', created_at, id FROM payment "
            + "WHERE $29::text IS NOT NULL "
            + "ON CONFLICT (project_id, client_reference) DO UPDATE SET state = 'completed', "
            + "payment_id = excluded.payment_id) "
            + "SELECT (SELECT count(*) FROM payment) = 1 AS recorded, "
            + "EXISTS (SELECT 1 FROM parked_events WHERE payment_id = $1) AS parked";

    /** Per project and currency: succeeded refunds and their fees, disputed amounts, and disputes lost. */
    static final String REPORT_MONEY_BACK = "SELECT p.project_id, p.currency, "
            + "coalesce(sum(r.refunded), 0)::bigint AS refunded, coalesce(sum(r.fees), 0)::bigint AS fees_refunded, "
            + "coalesce(sum(d.amount), 0)::bigint AS disputed, "
            + "coalesce(sum(d.amount) FILTER (WHERE d.status = 'lost'), 0)::bigint AS lost FROM payments p "
            + "LEFT JOIN (SELECT payment_id, sum(amount) AS refunded, sum(fee_refunded) AS fees FROM refunds "
            + "WHERE state = 'succeeded' GROUP BY payment_id) r ON r.payment_id = p.id "
            + "LEFT JOIN disputes d ON d.payment_id = p.id "
            + "WHERE r.payment_id IS NOT NULL OR d.payment_id IS NOT NULL GROUP BY p.project_id, p.currency";

    // ---- history ----

    static final String APPEND_HISTORY = "INSERT INTO payment_status_history (payment_id, from_status, to_status, "
            + "cause, at) VALUES ($1, $2, $3, $4, $5)";

    static final String HISTORY = "SELECT payment_id, from_status, to_status, cause, at "
            + "FROM payment_status_history WHERE payment_id = $1 ORDER BY position";

    // ---- creation attempts (docs/create-state-machine.md) ----

    /** The first claim of a reference; returns nothing when the reference already has an attempt. */
    static final String CLAIM_NEW_ATTEMPT = "INSERT INTO creation_attempts (project_id, client_reference, "
            + "fingerprint, idempotency_key, state, lease_until) VALUES ($1, $2, $3, $4, 'in_flight', $5) "
            + "ON CONFLICT (project_id, client_reference) DO NOTHING RETURNING project_id";

    /** Locks the attempt so that concurrent claimers decide one after another. */
    static final String LOCK_ATTEMPT = "SELECT fingerprint, idempotency_key, state, lease_until, payment_id "
            + "FROM creation_attempts WHERE project_id = $1 AND client_reference = $2 FOR UPDATE";

    static final String RECLAIM_ATTEMPT = "UPDATE creation_attempts SET fingerprint = $3, idempotency_key = $4, "
            + "state = 'in_flight', lease_until = $5, payment_id = NULL "
            + "WHERE project_id = $1 AND client_reference = $2";

    static final String COMPLETE_ATTEMPT = "UPDATE creation_attempts SET state = 'completed', payment_id = $4 "
            + "WHERE project_id = $1 AND client_reference = $2 AND fingerprint = $3 AND state <> 'completed'";

    static final String RELEASE_ATTEMPT = "UPDATE creation_attempts SET state = 'released' "
            + "WHERE project_id = $1 AND client_reference = $2 AND fingerprint = $3 AND state <> 'completed'";

    // ---- Idempotency-Key of the creates that are not a payment's (IdempotencyKeys) ----

    static final String CLAIM_NEW_KEY = "INSERT INTO idempotency_keys (scope, binding, fingerprint, state, "
            + "lease_until) VALUES ($1, $2, $3, 'in_flight', $4) ON CONFLICT (scope, binding) DO NOTHING "
            + "RETURNING scope";

    static final String LOCK_KEY = "SELECT fingerprint, state, lease_until, resource_id FROM idempotency_keys "
            + "WHERE scope = $1 AND binding = $2 FOR UPDATE";

    static final String RECLAIM_KEY = "UPDATE idempotency_keys SET fingerprint = $3, state = 'in_flight', "
            + "lease_until = $4, resource_id = NULL WHERE scope = $1 AND binding = $2";

    static final String COMPLETE_KEY = "UPDATE idempotency_keys SET state = 'completed', resource_id = $4 "
            + "WHERE scope = $1 AND binding = $2 AND fingerprint = $3 AND state <> 'completed'";

    static final String RELEASE_KEY = "UPDATE idempotency_keys SET state = 'released' "
            + "WHERE scope = $1 AND binding = $2 AND fingerprint = $3 AND state <> 'completed'";

    // ---- inbox and parked events ----

    /** Returns nothing when the event was decided on before: the redelivery changes nothing. */
    static final String DECIDE_EVENT = "INSERT INTO inbox (event_id, payment_id, disposition, note, decided_at) "
            + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING RETURNING event_id";

    static final String HAS_DECIDED = "SELECT 1 FROM inbox WHERE event_id = $1";

    static final String MISMATCHES = "SELECT event_id, payment_id, disposition, note, decided_at FROM inbox "
            + "WHERE disposition = 'MISMATCH' ORDER BY decided_at, event_id";

    static final String PARKED_COLUMNS = "event_id, payment_id, account, status, amount, currency, created";

    static final String PARK_EVENT = "INSERT INTO parked_events (" + PARKED_COLUMNS + ", received_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (event_id) DO NOTHING";

    static final String PARKED_FOR = "SELECT " + PARKED_COLUMNS + " FROM parked_events WHERE payment_id = $1 "
            + "ORDER BY received_at, position";

    static final String PARKED_PAGE = "SELECT " + PARKED_COLUMNS + " FROM parked_events "
            + "WHERE ($2::text IS NULL OR event_id COLLATE \"C\" > $2::text COLLATE \"C\") "
            + "ORDER BY event_id COLLATE \"C\" LIMIT $1";

    static final String UNPARK_EVENT = "DELETE FROM parked_events WHERE event_id = $1";

    // ---- outbox ----

    static final String OUTBOX_COLUMNS = "event_id, type, payment_id, project_id, status, previous_status, amount, "
            + "currency, application_fee, client_reference, occurred_at, metadata, description";

    static final String APPEND_OUTBOX = "INSERT INTO outbox (" + OUTBOX_COLUMNS + ") "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";

    static final String MONEY_BACK_OUTBOX_COLUMNS = OUTBOX_COLUMNS + ", refund_id, money_back_status, "
            + "money_back_previous_status, money_back_amount, money_back_reason";

    /** A refund or dispute event: the payment's columns and what the event says beyond the payment. */
    static final String APPEND_MONEY_BACK_OUTBOX = "INSERT INTO outbox (" + MONEY_BACK_OUTBOX_COLUMNS + ") "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)";

    static final String UNRELAYED = "SELECT position, " + MONEY_BACK_OUTBOX_COLUMNS + " FROM outbox "
            + "WHERE relayed_at IS NULL ORDER BY position LIMIT $1";

    /** Served by the partial index of unrelayed entries: cheap while the relay keeps up. */
    static final String OUTBOX_BACKLOG = "SELECT count(*)::bigint AS entries, min(occurred_at) AS oldest FROM outbox "
            + "WHERE relayed_at IS NULL";

    static final String MARK_RELAYED = "UPDATE outbox SET relayed_at = now() "
            + "WHERE position = ANY($1::bigint[]) AND relayed_at IS NULL";

    // ---- control plane ----

    static final String PLATFORM = "SELECT payments_enabled, default_fee_bps FROM platform_settings";

    static final String SET_PAYMENTS_ENABLED = "UPDATE platform_settings SET payments_enabled = $1";

    static final String SET_PLATFORM_FEE = "UPDATE platform_settings SET default_fee_bps = $1";

    static final String PROJECT_COLUMNS = "id, name, default_fee_bps, account_id, charges_enabled, created_at";

    /** Adding a project again replaces it, as the port's other adapters do; it keeps its place in the list. */
    static final String PUT_PROJECT = "INSERT INTO projects (" + PROJECT_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6) "
            + "ON CONFLICT (id) DO UPDATE SET name = excluded.name, default_fee_bps = excluded.default_fee_bps, "
            + "account_id = excluded.account_id, charges_enabled = excluded.charges_enabled, "
            + "created_at = excluded.created_at";

    static final String PROJECT = "SELECT " + PROJECT_COLUMNS + " FROM projects WHERE id = $1";

    static final String PROJECTS = "SELECT " + PROJECT_COLUMNS + " FROM projects ORDER BY position";

    static final String SET_PROJECT_FEE = "UPDATE projects SET default_fee_bps = $2 WHERE id = $1 RETURNING id";

    static final String ATTACH_ACCOUNT = "UPDATE projects SET account_id = $2, charges_enabled = $3 "
            + "WHERE id = $1 RETURNING id";

    static final String SET_CHARGES_ENABLED = "UPDATE projects SET charges_enabled = $2 "
            + "WHERE account_id = $1 RETURNING id";

    static final String API_KEY_COLUMNS = "id, project_id, kind, hash, created_at, revoked_at, last_four";

    static final String ADD_API_KEY = "INSERT INTO api_keys (" + API_KEY_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6, $7)";

    static final String API_KEYS_OF_PROJECT = "SELECT " + API_KEY_COLUMNS + " FROM api_keys WHERE project_id = $1 "
            + "ORDER BY created_at, id COLLATE \"C\"";

    static final String API_KEY_BY_HASH = "SELECT " + API_KEY_COLUMNS + " FROM api_keys WHERE hash = $1";

    /** Revoking twice keeps the first revocation time. */
    static final String REVOKE_API_KEY = "UPDATE api_keys SET revoked_at = coalesce(revoked_at, $3) "
            + "WHERE project_id = $1 AND id = $2 RETURNING id";

    // ---- refunds and disputes (docs/refund-state-machine.md) ----

    static final String REFUND_COLUMNS = "attempt_id, refund_id, payment_id, project_id, client_reference, "
            + "fingerprint, idempotency_key, amount, currency, fee_refunded, reason, refund_application_fee, state, "
            + "lease_until, created_at, updated_at, status_as_of, version";

    /** The lock every refund decision on one payment takes, whichever instance makes it. */
    static final String LOCK_PAYMENT = "SELECT " + PAYMENT_COLUMNS + " FROM payments WHERE id = $1 FOR UPDATE";

    static final String LOCK_REFUND_BY_REFERENCE = "SELECT " + REFUND_COLUMNS + " FROM refunds "
            + "WHERE project_id = $1 AND client_reference = $2 FOR UPDATE";

    /** What the payment's refunds hold: those on their way or back, and reservations whose lease is live. */
    static final String REFUNDS_HELD = "SELECT coalesce(sum(amount), 0)::bigint AS held_amount, "
            + "coalesce(sum(fee_refunded), 0)::bigint AS held_fee FROM refunds WHERE payment_id = $1 "
            + "AND (state IN ('pending', 'requires_action', 'succeeded') OR (state = 'reserved' AND lease_until > $2))";

    static final String FORGET_REFUND_ATTEMPT = "DELETE FROM refunds WHERE attempt_id = $1 AND refund_id IS NULL";

    /** Returns nothing when the client reference was bound meanwhile (by a refund of another payment). */
    static final String RESERVE_REFUND = "INSERT INTO refunds (" + REFUND_COLUMNS + ") "
            + "VALUES ($1, NULL, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'reserved', $12, $13, $13, $13, 0) "
            + "ON CONFLICT (project_id, client_reference) DO NOTHING RETURNING attempt_id";

    static final String RELEASE_REFUND = "UPDATE refunds SET state = 'released' "
            + "WHERE attempt_id = $1 AND state = 'reserved'";

    /** The attempt takes the provider's refund; returns nothing when it has one already or is not there. */
    static final String TAKE_REFUND = "UPDATE refunds SET refund_id = $2, state = $3, created_at = $4, "
            + "updated_at = $5, status_as_of = $6 WHERE attempt_id = $1 AND refund_id IS NULL "
            + "RETURNING " + REFUND_COLUMNS;

    static final String INSERT_OUTSIDE_REFUND = "INSERT INTO refunds (" + REFUND_COLUMNS + ") "
            + "VALUES ($1, $2, $3, $4, NULL, 'outside', $1, $5, $6, $7, $8, false, $9, $10, $10, $11, $12, 0) "
            + "ON CONFLICT (attempt_id) DO NOTHING RETURNING " + REFUND_COLUMNS;

    static final String REFUND_OF_ATTEMPT = "SELECT " + REFUND_COLUMNS + " FROM refunds "
            + "WHERE attempt_id = $1 AND refund_id IS NOT NULL";

    static final String FIND_REFUND = "SELECT " + REFUND_COLUMNS + " FROM refunds WHERE refund_id = $1";

    /** Optimistic concurrency: moves the refund only if nobody moved it since it was read. */
    static final String MOVE_REFUND = "UPDATE refunds SET state = $3, updated_at = $4, status_as_of = $5, "
            + "version = $6 WHERE refund_id = $1 AND version = $2 RETURNING refund_id";

    static final String IS_RESERVING = "SELECT 1 FROM refunds WHERE attempt_id = $1 AND state = 'reserved'";

    static final String REFUNDS_OF_PAYMENT = "SELECT " + REFUND_COLUMNS + " FROM refunds "
            + "WHERE payment_id = $1 AND refund_id IS NOT NULL ORDER BY position";

    /** A payment with the sum of its succeeded refunds and its dispute, in one statement (a GET's one round trip). */
    static final String STANDING = "SELECT " + PAYMENT_COLUMNS + ", "
            + "(SELECT coalesce(sum(amount), 0)::bigint FROM refunds WHERE payment_id = $1 AND state = 'succeeded') "
            + "AS refunded, "
            + "(SELECT status FROM disputes WHERE payment_id = $1) AS dispute FROM payments WHERE id = $1";

    static final String PARKED_REFUND_COLUMNS = "event_id, created, refund_id, payment_id, account, status, amount, "
            + "currency, reason, attempt_id";

    static final String PARK_REFUND_EVENT = "INSERT INTO parked_refund_events (" + PARKED_REFUND_COLUMNS
            + ", received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (event_id) DO NOTHING";

    static final String PARKED_REFUNDS = "SELECT " + PARKED_REFUND_COLUMNS + " FROM parked_refund_events "
            + "WHERE ($2::text IS NULL OR event_id COLLATE \"C\" > $2::text COLLATE \"C\") "
            + "ORDER BY event_id COLLATE \"C\" LIMIT $1";

    static final String UNPARK_REFUND_EVENT = "DELETE FROM parked_refund_events WHERE event_id = $1";

    static final String DISPUTE_COLUMNS = "payment_id, status, amount, currency, status_as_of, version";

    static final String FIND_DISPUTE = "SELECT " + DISPUTE_COLUMNS + " FROM disputes WHERE payment_id = $1";

    static final String OPEN_DISPUTE = "INSERT INTO disputes (" + DISPUTE_COLUMNS + ") VALUES ($1, $2, $3, $4, $5, $6) "
            + "ON CONFLICT (payment_id) DO NOTHING RETURNING payment_id";

    static final String MOVE_DISPUTE = "UPDATE disputes SET status = $2, amount = $3, status_as_of = $4, version = $5 "
            + "WHERE payment_id = $1 AND version = $6 RETURNING payment_id";
}
