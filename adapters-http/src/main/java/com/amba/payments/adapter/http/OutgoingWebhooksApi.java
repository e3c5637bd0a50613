package com.amba.payments.adapter.http;

import com.amba.payments.domain.port.in.ManageWebhookEndpoints;
import com.amba.payments.domain.port.in.WatchProjectEvents;
import java.util.Objects;

/** What the Admin API's outgoing-webhook routes call: the endpoints and their log, and the live event stream. */
public record OutgoingWebhooksApi(ManageWebhookEndpoints manage, WatchProjectEvents watch) {
    public OutgoingWebhooksApi {
        Objects.requireNonNull(manage, "manage");
        Objects.requireNonNull(watch, "watch");
    }
}
