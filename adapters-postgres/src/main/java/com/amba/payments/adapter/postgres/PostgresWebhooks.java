package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.model.ClaimedDelivery;
import com.amba.payments.domain.model.DeliveryAttempt;
import com.amba.payments.domain.model.DeliveryStatus;
import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentEventType;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.SigningSecret;
import com.amba.payments.domain.model.WebhookDelivery;
import com.amba.payments.domain.model.WebhookDeliveryId;
import com.amba.payments.domain.model.WebhookEndpoint;
import com.amba.payments.domain.model.WebhookEndpointId;
import com.amba.payments.domain.port.out.WebhookDeliveries;
import com.amba.payments.domain.port.out.WebhookEndpoints;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Webhook endpoints and deliveries on PostgreSQL. Fan-out runs in one transaction under an advisory lock (one
 * instance at a time, so deliveries follow outbox order); claims are leases taken with {@code SKIP LOCKED}, and an
 * attempt is recorded only by the claim that saw the attempt count before it, so two instances never record (nor,
 * while leases hold, send) the same attempt.
 */
public final class PostgresWebhooks implements WebhookEndpoints, WebhookDeliveries {

    private final Database database;

    PostgresWebhooks(Database database) {
        this.database = database;
    }

    // ---- endpoints ----

    @Override
    public void addEndpoint(WebhookEndpoint endpoint) {
        Optional<SigningSecret> previous = previous(endpoint);
        database.run(WebhookSql.INSERT_ENDPOINT, Tuple.from(List.of(endpoint.id().value(), endpoint.projectId().value(),
                endpoint.url().toString(), endpoint.events().stream().sorted().toArray(String[]::new),
                endpoint.secrets().get(0).value())).addValue(previous.map(SigningSecret::value).orElse(null))
                .addValue(previous.flatMap(SigningSecret::expiresAt).map(Parameters::at).orElse(null))
                .addValue(Parameters.at(endpoint.createdAt())));
    }

    @Override
    public List<WebhookEndpoint> endpoints(ProjectId projectId) {
        return Rows.all(database.run(WebhookSql.ENDPOINTS_OF_PROJECT, Tuple.of(projectId.value())),
                PostgresWebhooks::endpoint);
    }

    @Override
    public Optional<WebhookEndpoint> endpoint(ProjectId projectId, WebhookEndpointId id) {
        return Rows.first(database.run(WebhookSql.FIND_ENDPOINT, Tuple.of(projectId.value(), id.value())),
                PostgresWebhooks::endpoint);
    }

    @Override
    public boolean replaceSecrets(WebhookEndpoint rotated) {
        Optional<SigningSecret> previous = previous(rotated);
        return database.run(WebhookSql.REPLACE_SECRETS, Tuple.of(rotated.projectId().value(), rotated.id().value(),
                rotated.secrets().get(0).value(), previous.map(SigningSecret::value).orElse(null),
                previous.flatMap(SigningSecret::expiresAt).map(Parameters::at).orElse(null))).rowCount() > 0;
    }

    @Override
    public boolean removeEndpoint(ProjectId projectId, WebhookEndpointId id) {
        return database.run(WebhookSql.DELETE_ENDPOINT, Tuple.of(projectId.value(), id.value())).rowCount() > 0;
    }

    // ---- deliveries ----

    @Override
    public int fanOut(int limit, FanOutPlan plan) {
        return database.inTransaction(statements -> {
            boolean locked = statements.run(WebhookSql.TRY_FAN_OUT_LOCK, Tuple.of(WebhookSql.FAN_OUT_LOCK))
                    .iterator().next().getBoolean("locked");
            if (!locked) {
                return Database.Decision.rollback(0);
            }
            List<OutboxEntry> entries = Rows.all(statements.run(WebhookSql.NOT_FANNED_OUT, Tuple.of(limit)),
                    Rows::outboxEntry);
            if (entries.isEmpty()) {
                return Database.Decision.rollback(0);
            }
            String[] projects = entries.stream().map(e -> e.event().projectId().value()).distinct()
                    .toArray(String[]::new);
            Map<ProjectId, List<WebhookEndpoint>> byProject = Rows.all(
                    statements.run(WebhookSql.ENDPOINTS_OF_PROJECTS, Tuple.of(projects)), PostgresWebhooks::endpoint)
                    .stream().collect(Collectors.groupingBy(WebhookEndpoint::projectId));
            List<WebhookDelivery> fresh = new ArrayList<>();
            for (OutboxEntry entry : entries) {
                fresh.addAll(plan.deliveriesFor(entry, byProject.getOrDefault(entry.event().projectId(), List.of())));
            }
            if (!fresh.isEmpty()) {
                statements.run(WebhookSql.INSERT_DELIVERIES, Tuple.of(
                        column(fresh, d -> d.id().value(), String[]::new),
                        column(fresh, d -> d.endpointId().value(), String[]::new),
                        column(fresh, WebhookDelivery::eventId, String[]::new),
                        column(fresh, WebhookDelivery::eventPosition, Long[]::new),
                        column(fresh, d -> d.eventType().name(), String[]::new),
                        column(fresh, d -> d.paymentId().value(), String[]::new),
                        column(fresh, d -> Parameters.at(d.createdAt()), OffsetDateTime[]::new)));
            }
            statements.run(WebhookSql.MARK_FANNED_OUT,
                    Tuple.of(entries.stream().map(OutboxEntry::position).toArray(Long[]::new)));
            return Database.Decision.commit(entries.size());
        });
    }

    @Override
    public List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int perEndpoint,
                                          Set<WebhookEndpointId> skipEndpoints, int limit) {
        List<Row> claimed = new ArrayList<>();
        database.run(WebhookSql.CLAIM_DUE, Tuple.of(Parameters.at(now), Parameters.at(leaseUntil),
                skipEndpoints.stream().map(WebhookEndpointId::value).toArray(String[]::new), perEndpoint, limit))
                .forEach(claimed::add);
        if (claimed.isEmpty()) {
            return List.of();
        }
        List<WebhookDelivery> deliveries = withAttempts(claimed);
        String[] eventIds = deliveries.stream().map(WebhookDelivery::eventId).distinct().toArray(String[]::new);
        Map<String, PaymentEvent> events = Rows.all(database.run(WebhookSql.EVENTS_BY_ID, Tuple.of(eventIds)),
                Rows::outboxEntry).stream().collect(Collectors.toMap(e -> e.event().id(), OutboxEntry::event));
        String[] endpointIds = deliveries.stream().map(d -> d.endpointId().value()).distinct().toArray(String[]::new);
        Map<WebhookEndpointId, WebhookEndpoint> endpoints = Rows.all(
                database.run(WebhookSql.ENDPOINTS_BY_ID, Tuple.of(endpointIds)), PostgresWebhooks::endpoint)
                .stream().collect(Collectors.toMap(WebhookEndpoint::id, Function.identity()));
        List<ClaimedDelivery> ready = new ArrayList<>();
        for (WebhookDelivery delivery : deliveries) {
            WebhookEndpoint endpoint = endpoints.get(delivery.endpointId());
            if (endpoint != null) {
                // An endpoint deleted since the claim took its deliveries with it.
                ready.add(new ClaimedDelivery(delivery, endpoint, events.get(delivery.eventId())));
            }
        }
        return ready;
    }

    @Override
    public boolean recordAttempt(WebhookDeliveryId id, DeliveryAttempt attempt, DeliveryStatus status,
                                 Optional<Instant> nextAttemptAt) {
        return database.run(WebhookSql.RECORD_ATTEMPT, Tuple.from(List.of(id.value(), status.wireName(),
                        attempt.number())).addValue(status == DeliveryStatus.PENDING
                        ? nextAttemptAt.map(Parameters::at).orElseThrow() : null)
                .addValue(Parameters.at(attempt.at()))
                .addValue(attempt.responseCode().orElse(null))
                .addValue(attempt.error().orElse(null))).rowCount() > 0;
    }

    @Override
    public List<WebhookDelivery> deliveries(WebhookEndpointId endpointId, int limit) {
        List<Row> rows = new ArrayList<>();
        database.run(WebhookSql.DELIVERIES_OF_ENDPOINT, Tuple.of(endpointId.value(), limit)).forEach(rows::add);
        return withAttempts(rows);
    }

    @Override
    public Optional<WebhookDelivery> delivery(WebhookEndpointId endpointId, WebhookDeliveryId id) {
        List<Row> rows = new ArrayList<>();
        database.run(WebhookSql.FIND_DELIVERY, Tuple.of(endpointId.value(), id.value())).forEach(rows::add);
        return withAttempts(rows).stream().findFirst();
    }

    @Override
    public Optional<WebhookDelivery> retryNow(WebhookEndpointId endpointId, WebhookDeliveryId id, Instant now) {
        List<Row> rows = new ArrayList<>();
        database.run(WebhookSql.RETRY_NOW, Tuple.of(endpointId.value(), id.value(), Parameters.at(now)))
                .forEach(rows::add);
        return withAttempts(rows).stream().findFirst();
    }

    // ---- rows ----

    private List<WebhookDelivery> withAttempts(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] ids = rows.stream().map(row -> row.getString("id")).toArray(String[]::new);
        Map<String, List<DeliveryAttempt>> attempts = new HashMap<>();
        for (Row row : database.run(WebhookSql.ATTEMPTS_OF, Tuple.of(ids))) {
            attempts.computeIfAbsent(row.getString("delivery_id"), id -> new ArrayList<>()).add(new DeliveryAttempt(
                    row.getInteger("number"), instant(row, "at"), Optional.ofNullable(row.getInteger("response_code")),
                    Optional.ofNullable(row.getString("error"))));
        }
        return rows.stream().map(row -> delivery(row, attempts.getOrDefault(row.getString("id"), List.of()))).toList();
    }

    private static WebhookDelivery delivery(Row row, List<DeliveryAttempt> attempts) {
        return new WebhookDelivery(new WebhookDeliveryId(row.getString("id")),
                new WebhookEndpointId(row.getString("endpoint_id")), row.getString("event_id"),
                PaymentEventType.valueOf(row.getString("event_type")), new PaymentId(row.getString("payment_id")), row.getLong("event_position"),
                DeliveryStatus.valueOf(row.getString("status").toUpperCase(Locale.ROOT)), attempts,
                Optional.ofNullable(row.getOffsetDateTime("next_attempt_at")).map(OffsetDateTime::toInstant),
                instant(row, "created_at"));
    }

    private static WebhookEndpoint endpoint(Row row) {
        List<SigningSecret> secrets = new ArrayList<>();
        secrets.add(SigningSecret.current(row.getString("secret")));
        Optional.ofNullable(row.getString("retiring_secret")).ifPresent(previous -> secrets.add(new SigningSecret(
                previous, Optional.of(instant(row, "rotation_ends_at")))));
        return new WebhookEndpoint(new WebhookEndpointId(row.getString("id")), new ProjectId(row.getString("project_id")),
                URI.create(row.getString("url")), Set.of(row.getArrayOfStrings("events")), secrets,
                instant(row, "created_at"));
    }

    private static Optional<SigningSecret> previous(WebhookEndpoint endpoint) {
        return endpoint.secrets().size() > 1 ? Optional.of(endpoint.secrets().get(1)) : Optional.empty();
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column).toInstant();
    }

    private static <T, C> C[] column(List<T> rows, Function<T, C> value, java.util.function.IntFunction<C[]> array) {
        return rows.stream().map(value).toArray(array);
    }
}
