package com.amba.payments.adapter.kafka;

import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.DisputeStatus;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.RefundReason;
import com.amba.payments.domain.model.RefundStatus;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.model.ProviderEventId;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The wire form of a provider event on {@code amba.provider.events}. Written field by field rather than by
 * reflection, so renaming a domain record can never silently change what is on the topic, and records already
 * on the topic stay readable.
 */
final class ProviderEventJson {

    static final String PAYMENT_INTENT_CHANGED = "payment_intent_changed";
    static final String ACCOUNT_CHANGED = "account_changed";
    static final String REFUND_CHANGED = "refund_changed";
    static final String DISPUTE_CHANGED = "dispute_changed";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderEventJson() {
    }

    /** The record key: all events of one payment (or one account) land on one partition, in order. */
    static String key(ProviderEvent event) {
        return switch (event) {
            case ProviderEvent.PaymentIntentChanged intent -> intent.paymentId().value();
            case ProviderEvent.AccountChanged account -> account.account().value();
            // A payment's refunds and dispute share its partition, so they keep their order with its own events.
            case ProviderEvent.RefundChanged refund -> refund.paymentId().value();
            case ProviderEvent.DisputeChanged dispute -> dispute.paymentId().value();
        };
    }

    static byte[] write(ProviderEvent event) {
        ObjectNode node = JSON.createObjectNode();
        switch (event) {
            case ProviderEvent.PaymentIntentChanged intent -> {
                node.put("kind", PAYMENT_INTENT_CHANGED);
                node.put("id", intent.id().value());
                node.put("created", intent.created().toString());
                node.put("payment_id", intent.paymentId().value());
                node.put("account", intent.account().map(ConnectedAccountId::value).orElse(null));
                node.put("status", intent.status().wireName());
                node.put("amount", intent.amount());
                node.put("currency", intent.currency());
            }
            case ProviderEvent.AccountChanged account -> {
                node.put("kind", ACCOUNT_CHANGED);
                node.put("id", account.id().value());
                node.put("created", account.created().toString());
                node.put("account", account.account().value());
                node.put("charges_enabled", account.chargesEnabled());
            }
            case ProviderEvent.RefundChanged refund -> {
                node.put("kind", REFUND_CHANGED);
                node.put("id", refund.id().value());
                node.put("created", refund.created().toString());
                node.put("refund_id", refund.refundId().value());
                node.put("payment_id", refund.paymentId().value());
                node.put("account", refund.account().map(ConnectedAccountId::value).orElse(null));
                node.put("status", refund.status().wireName());
                node.put("amount", refund.amount());
                node.put("currency", refund.currency());
                node.put("reason", refund.reason().map(RefundReason::wireName).orElse(null));
                node.put("attempt_id", refund.attemptId().orElse(null));
            }
            case ProviderEvent.DisputeChanged dispute -> {
                node.put("kind", DISPUTE_CHANGED);
                node.put("id", dispute.id().value());
                node.put("created", dispute.created().toString());
                node.put("payment_id", dispute.paymentId().value());
                node.put("account", dispute.account().map(ConnectedAccountId::value).orElse(null));
                node.put("status", dispute.status().wireName());
                node.put("amount", dispute.amount());
                node.put("currency", dispute.currency());
                node.put("reason", dispute.reason().orElse(null));
            }
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree could not be written", e);
        }
    }

    /** @throws UndecodableEvent when the bytes are not a provider event this version understands. */
    static ProviderEvent read(byte[] bytes) {
        if (bytes == null) {
            throw new UndecodableEvent("record has no value");
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UndecodableEvent("record value is not JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new UndecodableEvent("record value is not a JSON object");
        }
        try {
            String kind = text(node, "kind");
            ProviderEventId id = new ProviderEventId(text(node, "id"));
            Instant created = Instant.parse(text(node, "created"));
            return switch (kind) {
                case PAYMENT_INTENT_CHANGED -> new ProviderEvent.PaymentIntentChanged(id, created,
                        new PaymentId(text(node, "payment_id")),
                        optionalText(node, "account").map(ConnectedAccountId::new),
                        PaymentStatus.fromWireName(text(node, "status"))
                                .orElseThrow(() -> new UndecodableEvent("unknown status " + node.get("status"))),
                        integer(node, "amount"), text(node, "currency"));
                case ACCOUNT_CHANGED -> new ProviderEvent.AccountChanged(id, created,
                        new ConnectedAccountId(text(node, "account")), bool(node, "charges_enabled"));
                case REFUND_CHANGED -> new ProviderEvent.RefundChanged(id, created,
                        new RefundId(text(node, "refund_id")), new PaymentId(text(node, "payment_id")),
                        optionalText(node, "account").map(ConnectedAccountId::new),
                        RefundStatus.fromWireName(text(node, "status"))
                                .orElseThrow(() -> new UndecodableEvent("unknown refund status " + node.get("status"))),
                        integer(node, "amount"), text(node, "currency"),
                        optionalText(node, "reason").flatMap(RefundReason::fromWireName),
                        optionalText(node, "attempt_id"));
                case DISPUTE_CHANGED -> new ProviderEvent.DisputeChanged(id, created,
                        new PaymentId(text(node, "payment_id")),
                        optionalText(node, "account").map(ConnectedAccountId::new),
                        DisputeStatus.fromWireName(text(node, "status"))
                                .orElseThrow(() -> new UndecodableEvent("unknown dispute status " + node.get("status"))),
                        integer(node, "amount"), text(node, "currency"), optionalText(node, "reason"));
                default -> throw new UndecodableEvent("unknown kind " + kind);
            };
        } catch (UndecodableEvent e) {
            throw e;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // A domain value refused it (an id of the wrong shape, an unknown currency is kept raw on purpose).
            throw new UndecodableEvent("record value is not a valid provider event: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new UndecodableEvent("missing text field " + field);
        }
        return value.textValue();
    }

    private static Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(text(node, field));
    }

    private static long integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new UndecodableEvent("missing integer field " + field);
        }
        return value.longValue();
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new UndecodableEvent("missing boolean field " + field);
        }
        return value.booleanValue();
    }
}
