package com.amba.payments.domain.model;

/** A due delivery this instance holds the lease of, with what sending it needs. */
public record ClaimedDelivery(WebhookDelivery delivery, WebhookEndpoint endpoint, PaymentEvent event) {
}
