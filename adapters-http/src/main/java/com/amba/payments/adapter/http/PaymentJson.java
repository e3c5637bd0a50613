package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.Description;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentPage;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.PaymentCursor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Payments on the wire. Only the create answer carries the client secret: it is a credential, so reads and the
 * Admin API never show it (SPEC §4, §5).
 */
final class PaymentJson {

    private static final DateTimeFormatter RFC_3339_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private PaymentJson() {
    }

    /** POST /client/payments/intents. */
    static JsonObject created(Payment payment) {
        return new JsonObject()
                .put("payment_id", payment.id().value())
                .put("client_secret", payment.clientSecret().value())
                .put("status", payment.status().wireName())
                .put("amount", payment.amount().minor())
                .put("currency", payment.amount().currency().code())
                .put("application_fee_amount", payment.applicationFee())
                .put("client_reference", reference(payment))
                .put("metadata", metadata(payment))
                .put("description", description(payment));
    }

    /** GET /client/payments/intents/:id. */
    static JsonObject read(Payment payment) {
        return new JsonObject()
                .put("payment_id", payment.id().value())
                .put("status", payment.status().wireName())
                .put("amount", payment.amount().minor())
                .put("currency", payment.amount().currency().code())
                .put("client_reference", reference(payment))
                .put("application_fee_amount", payment.applicationFee())
                .put("metadata", metadata(payment))
                .put("description", description(payment))
                .put("created_at", timestamp(payment.createdAt()))
                .put("updated_at", timestamp(payment.updatedAt()));
    }

    /** GET /client/payments/intents/:id with SPEC §11's additions: what went back on the payment. */
    static JsonObject standing(PaymentStanding standing) {
        return read(standing.payment())
                .put("amount_refunded", standing.amountRefunded())
                .put("refund_status", standing.refundState().wireName())
                .put("dispute_status", standing.dispute().wireName());
    }

    /** One item of the Admin API's list: the read fields and the project. */
    static JsonObject adminItem(Payment payment) {
        return read(payment).put("project_id", payment.projectId().value());
    }

    /** {@code {"data": [...], "has_more": b, "next_cursor": s|null}} (SPEC §8). */
    static JsonObject page(PaymentPage page) {
        JsonArray items = new JsonArray();
        page.payments().forEach(payment -> items.add(adminItem(payment)));
        return new JsonObject()
                .put("data", items)
                .put("has_more", page.hasMore())
                .put("next_cursor", page.next().map(PaymentCursor::encode).orElse(null));
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : RFC_3339_UTC.format(instant);
    }

    /** Always an object, {@code {}} when none, as Stripe answers an intent's metadata. */
    private static JsonObject metadata(Payment payment) {
        JsonObject metadata = new JsonObject();
        payment.notes().metadata().entries().forEach(metadata::put);
        return metadata;
    }

    private static String description(Payment payment) {
        return payment.notes().description().map(Description::value).orElse(null);
    }

    private static String reference(Payment payment) {
        return payment.clientReference().map(ClientReference::value).orElse(null);
    }
}
