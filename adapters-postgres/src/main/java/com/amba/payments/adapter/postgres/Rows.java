package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.ClientSecret;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.Currency;
import com.amba.payments.domain.model.Dispute;
import com.amba.payments.domain.model.DisputeStatus;
import com.amba.payments.domain.model.MoneyBackFacts;
import com.amba.payments.domain.model.ProviderEvent.RefundChanged;
import com.amba.payments.domain.model.Refund;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.RefundReason;
import com.amba.payments.domain.model.RefundStatus;
import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.OutboxBacklog;
import com.amba.payments.domain.model.OutboxEntry;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentEventType;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.PlatformSettings;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.StatusHistoryEntry;
import com.amba.payments.domain.model.PaymentNotes;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Function;

/** Reads rows back into domain values; the column names are those of {@link Sql}. */
final class Rows {

    private Rows() {
    }

    static Payment payment(Row row) {
        return new Payment(new PaymentId(row.getString("id")), new ProjectId(row.getString("project_id")),
                new ConnectedAccountId(row.getString("account")),
                Money.of(row.getLong("amount"), row.getString("currency")), row.getLong("application_fee"),
                optional(row.getString("client_reference")).map(ClientReference::new), notes(row),
                new ClientSecret(row.getString("client_secret")), status(row.getString("status")),
                instant(row, "created_at"), instant(row, "updated_at"), instant(row, "status_as_of"),
                row.getLong("version"));
    }

    static StatusHistoryEntry historyEntry(Row row) {
        return new StatusHistoryEntry(new PaymentId(row.getString("payment_id")),
                optional(row.getString("from_status")).map(Rows::status), status(row.getString("to_status")),
                row.getString("cause"), instant(row, "at"));
    }

    static InboxEntry inboxEntry(Row row) {
        return new InboxEntry(new ProviderEventId(row.getString("event_id")),
                optional(row.getString("payment_id")).map(PaymentId::new),
                EventDisposition.valueOf(row.getString("disposition")), row.getString("note"),
                instant(row, "decided_at"));
    }

    static PaymentIntentChanged parkedEvent(Row row) {
        return new PaymentIntentChanged(new ProviderEventId(row.getString("event_id")), instant(row, "created"),
                new PaymentId(row.getString("payment_id")),
                optional(row.getString("account")).map(ConnectedAccountId::new), status(row.getString("status")),
                row.getLong("amount"), row.getString("currency"));
    }

    static OutboxEntry outboxEntry(Row row) {
        PaymentEvent event = new PaymentEvent(row.getString("event_id"),
                PaymentEventType.valueOf(row.getString("type")), new PaymentId(row.getString("payment_id")),
                new ProjectId(row.getString("project_id")), status(row.getString("status")),
                optional(row.getString("previous_status")).map(Rows::status),
                Money.of(row.getLong("amount"), row.getString("currency")), row.getLong("application_fee"),
                optional(row.getString("client_reference")).map(ClientReference::new), notes(row),
                instant(row, "occurred_at"), moneyBack(row, new Currency(row.getString("currency"))));
        return new OutboxEntry(row.getLong("position"), event);
    }

    /** The caller's metadata (a jsonb object of strings) and description, as the domain checked them. */
    private static PaymentNotes notes(Row row) {
        JsonObject stored = row.getJsonObject("metadata");
        Map<String, String> metadata = new TreeMap<>();
        stored.fieldNames().forEach(key -> metadata.put(key, stored.getString(key)));
        return PaymentNotes.of(metadata, optional(row.getString("description")));
    }

    private static Optional<MoneyBackFacts> moneyBack(Row row, Currency currency) {
        return optional(row.getString("money_back_status")).map(status -> new MoneyBackFacts(
                optional(row.getString("refund_id")).map(RefundId::new), status,
                optional(row.getString("money_back_previous_status")),
                new Money(row.getLong("money_back_amount"), currency), optional(row.getString("money_back_reason"))));
    }

    static Refund refund(Row row) {
        return new Refund(new RefundId(row.getString("refund_id")), new PaymentId(row.getString("payment_id")),
                new ProjectId(row.getString("project_id")), Money.of(row.getLong("amount"), row.getString("currency")),
                row.getLong("fee_refunded"), optional(row.getString("reason")).flatMap(RefundReason::fromWireName),
                optional(row.getString("client_reference")).map(ClientReference::new),
                refundStatus(row.getString("state")), instant(row, "created_at"), instant(row, "updated_at"),
                instant(row, "status_as_of"), row.getLong("version"));
    }

    static RefundStatus refundStatus(String wireName) {
        return RefundStatus.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("unknown refund status " + wireName));
    }

    static RefundChanged parkedRefund(Row row) {
        return new RefundChanged(new ProviderEventId(row.getString("event_id")), instant(row, "created"),
                new RefundId(row.getString("refund_id")), new PaymentId(row.getString("payment_id")),
                optional(row.getString("account")).map(ConnectedAccountId::new), refundStatus(row.getString("status")),
                row.getLong("amount"), row.getString("currency"),
                optional(row.getString("reason")).flatMap(RefundReason::fromWireName),
                optional(row.getString("attempt_id")));
    }

    static Dispute dispute(Row row) {
        return new Dispute(new PaymentId(row.getString("payment_id")),
                DisputeStatus.fromWireName(row.getString("status"))
                        .orElseThrow(() -> new IllegalStateException("unknown dispute status " + row.getString("status"))),
                Money.of(row.getLong("amount"), row.getString("currency")), instant(row, "status_as_of"),
                row.getLong("version"));
    }

    static PlatformSettings platform(Row row) {
        return new PlatformSettings(row.getBoolean("payments_enabled"), fee(row));
    }

    static Project project(Row row) {
        Optional<ConnectedAccount> account = optional(row.getString("account_id"))
                .map(id -> new ConnectedAccount(new ConnectedAccountId(id), row.getBoolean("charges_enabled")));
        return new Project(new ProjectId(row.getString("id")), row.getString("name"), fee(row), account,
                instant(row, "created_at"));
    }

    static ApiKey apiKey(Row row) {
        ApiKeyKind kind = ApiKeyKind.fromWireName(row.getString("kind"))
                .orElseThrow(() -> new IllegalStateException("unknown key kind " + row.getString("kind")));
        return new ApiKey(new ApiKeyId(row.getString("id")), new ProjectId(row.getString("project_id")), kind,
                new KeyHash(row.getString("hash")), instant(row, "created_at"),
                Optional.ofNullable(row.getOffsetDateTime("revoked_at")).map(OffsetDateTime::toInstant),
                Optional.ofNullable(row.getString("last_four")));
    }

    static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapping) {
        List<T> values = new ArrayList<>(rows.size());
        for (Row row : rows) {
            values.add(mapping.apply(row));
        }
        return values;
    }

    static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapping) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(mapping.apply(rows.iterator().next()));
    }

    static PaymentStatus status(String wireName) {
        return PaymentStatus.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("unknown payment status " + wireName));
    }

    private static Optional<BasisPoints> fee(Row row) {
        return Optional.ofNullable(row.getInteger("default_fee_bps")).map(BasisPoints::new);
    }

    static OutboxBacklog outboxBacklog(Row row) {
        long entries = row.getLong("entries");
        return new OutboxBacklog(entries, entries == 0 ? Optional.empty() : Optional.of(instant(row, "oldest")));
    }

    private static Instant instant(Row row, String column) {
        return row.getOffsetDateTime(column).toInstant();
    }

    private static Optional<String> optional(String value) {
        return Optional.ofNullable(value);
    }
}
