package com.amba.payments.adapter.stripe.localstripe;

/** One event POSTed to a webhook endpoint and what the endpoint answered. */
public record WebhookDelivery(String eventId, String type, String payload, String signatureHeader, int status,
                              String responseBody) {
}
