package com.amba.payments.adapter.kafka;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.Description;
import com.amba.payments.domain.model.MoneyBackFacts;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A payment event as downstream services receive it: a CloudEvents 1.0 event in structured JSON mode
 * (SPEC.md §7). Only ledger facts go in; a {@link PaymentEvent} has no client secret to leak.
 */
final class PaymentCloudEvents {

    /** The Kafka protocol binding's content type for a structured-mode event, sent as a record header. */
    static final String STRUCTURED_CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    static final String DATA_CONTENT_TYPE = "application/json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFormat FORMAT = new JsonFormat();

    private PaymentCloudEvents() {
    }

    static CloudEvent toCloudEvent(PaymentEvent event) {
        return CloudEventBuilder.v1()
                .withId(event.id())
                .withType(event.type().wireName())
                .withSource(source(event))
                .withSubject(event.paymentId().value())
                .withTime(OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(JsonCloudEventData.wrap(data(event)))
                .build();
    }

    static byte[] serialize(PaymentEvent event) {
        return FORMAT.serialize(toCloudEvent(event));
    }

    private static ObjectNode data(PaymentEvent event) {
        return event.moneyBack().map(facts -> moneyBackData(event, facts)).orElseGet(() -> paymentData(event));
    }

    /** SPEC §11: a refund's or dispute's own fields; {@code refund_id} is null for a dispute. */
    private static ObjectNode moneyBackData(PaymentEvent event, MoneyBackFacts facts) {
        ObjectNode data = JSON.createObjectNode();
        data.put("refund_id", facts.refundId().map(RefundId::value).orElse(null));
        data.put("payment_id", event.paymentId().value());
        data.put("project_id", event.projectId().value());
        data.put("amount", facts.amount().minor());
        data.put("currency", facts.amount().currency().code());
        data.put("status", facts.status());
        data.put("previous_status", facts.previousStatus().orElse(null));
        data.put("reason", facts.reason().orElse(null));
        return data;
    }

    private static ObjectNode paymentData(PaymentEvent event) {
        ObjectNode data = JSON.createObjectNode();
        data.put("payment_id", event.paymentId().value());
        data.put("project_id", event.projectId().value());
        data.put("status", event.status().wireName());
        data.put("previous_status", event.previousStatus().map(PaymentStatus::wireName).orElse(null));
        data.put("amount", event.amount().minor());
        data.put("currency", event.amount().currency().code());
        data.put("application_fee_amount", event.applicationFee());
        data.put("client_reference", event.clientReference().map(ClientReference::value).orElse(null));
        ObjectNode metadata = data.putObject("metadata");
        event.notes().metadata().entries().forEach(metadata::put);
        data.put("description", event.notes().description().map(Description::value).orElse(null));
        return data;
    }

    /** {@code /projects/{project_id}}, percent-encoded should a project id ever hold a character URIs forbid. */
    private static URI source(PaymentEvent event) {
        try {
            return new URI(null, null, "/projects/" + event.projectId().value(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("project id cannot form a CloudEvents source: " + event.projectId(), e);
        }
    }
}
