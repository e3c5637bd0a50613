package com.amba.payments.adapter.webhooks;

import com.amba.payments.domain.model.PaymentEvent;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * The delivery's body: the domain event as a CloudEvents 1.0 event in structured JSON mode, the envelope SPEC §7
 * gives Kafka's consumers (§12: "the same CloudEvents JSON body"). Ledger facts only; no secret.
 */
final class WebhookBody {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    private WebhookBody() {
    }

    static byte[] of(PaymentEvent event) {
        return new JsonObject(event.asCloudEvent()).encode().getBytes(StandardCharsets.UTF_8);
    }
}
