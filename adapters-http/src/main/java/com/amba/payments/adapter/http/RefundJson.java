package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.Refund;
import com.amba.payments.domain.model.RefundReason;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Refunds on the wire (SPEC §11). */
final class RefundJson {

    private RefundJson() {
    }

    static JsonObject refund(Refund refund) {
        return new JsonObject()
                .put("refund_id", refund.id().value())
                .put("payment_id", refund.paymentId().value())
                .put("amount", refund.amount().minor())
                .put("currency", refund.amount().currency().code())
                .put("status", refund.status().wireName())
                .put("reason", refund.reason().map(RefundReason::wireName).orElse(null))
                .put("client_reference", refund.clientReference().map(ClientReference::value).orElse(null))
                .put("created_at", PaymentJson.timestamp(refund.createdAt()));
    }

    /** {@code {"data": [...]}}, oldest first. */
    static JsonObject list(List<Refund> refunds) {
        JsonArray items = new JsonArray();
        refunds.forEach(refund -> items.add(refund(refund)));
        return new JsonObject().put("data", items);
    }
}
