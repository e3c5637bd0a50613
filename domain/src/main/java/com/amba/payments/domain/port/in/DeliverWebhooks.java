package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.ClaimedDelivery;
import com.amba.payments.domain.model.WebhookEndpointId;
import java.util.List;
import java.util.Set;

/**
 * The background work of outgoing webhooks: fan recorded events out to deliveries, claim the due ones, attempt
 * each. Running attempts concurrently is the caller's business (one delivery blocks for up to the timeout).
 */
public interface DeliverWebhooks {

    /** One batch of events fanned out; answers how many events. */
    int fanOutOnce();

    /** Due deliveries, leased to this instance; none of {@code busyEndpoints}. */
    List<ClaimedDelivery> claim(Set<WebhookEndpointId> busyEndpoints);

    /** Sends one claimed delivery and records the attempt and what comes next. */
    void attempt(ClaimedDelivery claimed);
}
