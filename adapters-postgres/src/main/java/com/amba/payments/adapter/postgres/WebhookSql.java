package com.amba.payments.adapter.postgres;

/** The statements of outgoing webhooks (endpoints, deliveries, attempts), beside {@link Sql}'s. */
final class WebhookSql {

    private WebhookSql() {
    }

    static final String ENDPOINT_COLUMNS = "id, project_id, url, events, secret, retiring_secret, "
            + "rotation_ends_at, created_at";

    static final String INSERT_ENDPOINT = "INSERT INTO webhook_endpoints (" + ENDPOINT_COLUMNS + ") "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

    static final String ENDPOINTS_OF_PROJECT = "SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoints "
            + "WHERE project_id = $1 ORDER BY position";

    static final String ENDPOINTS_OF_PROJECTS = "SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoints "
            + "WHERE project_id = ANY($1::text[]) ORDER BY position";

    static final String FIND_ENDPOINT = "SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoints "
            + "WHERE project_id = $1 AND id = $2";

    static final String REPLACE_SECRETS = "UPDATE webhook_endpoints SET secret = $3, retiring_secret = $4, "
            + "rotation_ends_at = $5 WHERE project_id = $1 AND id = $2 RETURNING id";

    static final String DELETE_ENDPOINT = "DELETE FROM webhook_endpoints WHERE project_id = $1 AND id = $2 RETURNING id";

    static final String DELIVERY_COLUMNS = "d.id, d.endpoint_id, d.event_id, d.event_position, d.event_type, d.payment_id, d.status, "
            + "d.next_attempt_at, d.created_at";

    // ---- fan-out: one instance at a time (a transaction-scoped advisory lock), in outbox order ----

    static final long FAN_OUT_LOCK = 0x616d6261_776831L;

    static final String TRY_FAN_OUT_LOCK = "SELECT pg_try_advisory_xact_lock($1) AS locked";

    static final String NOT_FANNED_OUT = "SELECT position, " + Sql.MONEY_BACK_OUTBOX_COLUMNS + " FROM outbox "
            + "WHERE NOT webhooks_fanned_out ORDER BY position LIMIT $1";

    static final String INSERT_DELIVERIES = "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, "
            + "event_position, event_type, payment_id, status, next_attempt_at, created_at) "
            + "SELECT id, endpoint_id, event_id, event_position, event_type, payment_id, 'pending', created_at, created_at "
            + "FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::timestamptz[]) "
            + "AS fresh (id, endpoint_id, event_id, event_position, event_type, payment_id, created_at) "
            + "ON CONFLICT (endpoint_id, event_id) DO NOTHING";

    static final String MARK_FANNED_OUT = "UPDATE outbox SET webhooks_fanned_out = true "
            + "WHERE position = ANY($1::bigint[])";

    // ---- claims: leases, at most $4 per endpoint, a payment's oldest pending delivery only ----

    static final String CLAIM_DUE = "WITH ranked AS ("
            + " SELECT d.id, d.next_attempt_at, d.event_position, row_number() OVER ("
            + "   PARTITION BY d.endpoint_id ORDER BY d.next_attempt_at, d.event_position) AS rank"
            + " FROM webhook_deliveries d"
            + " WHERE d.status = 'pending' AND d.next_attempt_at <= $1"
            + "   AND (d.lease_until IS NULL OR d.lease_until <= $1)"
            + "   AND NOT (d.endpoint_id = ANY($3::text[]))"
            + "   AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.endpoint_id = d.endpoint_id"
            + "     AND e.payment_id = d.payment_id AND e.status = 'pending' AND e.event_position < d.event_position)"
            + "), picked AS ("
            + " SELECT w.id FROM webhook_deliveries w JOIN ranked r ON r.id = w.id"
            + " WHERE r.rank <= $4 AND w.status = 'pending' AND (w.lease_until IS NULL OR w.lease_until <= $1)"
            + " ORDER BY r.next_attempt_at, r.event_position LIMIT $5"
            + " FOR UPDATE OF w SKIP LOCKED"
            + ") UPDATE webhook_deliveries d SET lease_until = $2 FROM picked WHERE d.id = picked.id RETURNING "
            + DELIVERY_COLUMNS;

    static final String EVENTS_BY_ID = "SELECT position, " + Sql.MONEY_BACK_OUTBOX_COLUMNS + " FROM outbox "
            + "WHERE event_id = ANY($1::text[])";

    static final String ENDPOINTS_BY_ID = "SELECT " + ENDPOINT_COLUMNS + " FROM webhook_endpoints "
            + "WHERE id = ANY($1::text[])";

    static final String ATTEMPTS_OF = "SELECT delivery_id, number, at, response_code, error FROM webhook_attempts "
            + "WHERE delivery_id = ANY($1::text[]) ORDER BY delivery_id, number";

    /** Only the claim that saw {@code number - 1} attempts of a pending delivery records attempt {@code number}. */
    static final String RECORD_ATTEMPT = "WITH moved AS ("
            + " UPDATE webhook_deliveries SET status = $2, attempts = $3, next_attempt_at = $4, lease_until = NULL"
            + " WHERE id = $1 AND status = 'pending' AND attempts = $3 - 1 RETURNING id"
            + ") INSERT INTO webhook_attempts (delivery_id, number, at, response_code, error)"
            + " SELECT id, $3, $5, $6, $7 FROM moved RETURNING delivery_id";

    static final String DELIVERIES_OF_ENDPOINT = "SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries d "
            + "WHERE d.endpoint_id = $1 ORDER BY d.position DESC LIMIT $2";

    static final String FIND_DELIVERY = "SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries d "
            + "WHERE d.endpoint_id = $1 AND d.id = $2";

    static final String RETRY_NOW = "UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = $3 "
            + "WHERE d.endpoint_id = $1 AND d.id = $2 RETURNING " + DELIVERY_COLUMNS;
}
