package com.amba.payments.app.webhooks;

import com.amba.payments.app.Parts;
import com.amba.payments.app.http.Api;
import com.amba.payments.app.http.DevAmba;
import com.amba.payments.domain.model.RetrySchedule;
import com.amba.payments.domain.service.WebhookDeliveryService;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;

/** A dev service with outgoing webhooks paced for tests, and the Admin API calls the tests make. */
public final class WebhookFixture {

    /** Retries after about 0.3 s, 0.9 s, 2.7 s (±10 %): gaps that grow, quickly. */
    public static final RetrySchedule QUICK = new RetrySchedule(
            List.of(Duration.ofMillis(300), Duration.ofMillis(900), Duration.ofMillis(2700)), 0.1, Duration.ofMinutes(2));
    public static final Duration POLL = Duration.ofMillis(50);
    public static final Duration OVERLAP = Duration.ofSeconds(3);

    private WebhookFixture() {
    }

    public static Parts quick(Parts parts) {
        return parts.withOutgoing(parts.outgoing().paced(
                WebhookDeliveryService.Settings.DEFAULT.withSchedule(QUICK), POLL, OVERLAP));
    }

    public static DevAmba start() {
        return DevAmba.start(WebhookFixture::quick);
    }

    public static String endpoints(DevAmba amba) {
        return "/admin/projects/" + amba.demo.projectId().value() + "/webhook-endpoints";
    }

    /** Creates an endpoint of the demo project; answers its data (with the signing secret). */
    public static JsonObject endpoint(DevAmba amba, String url, String... events) {
        Api.Answer created = amba.admin("POST", endpoints(amba),
                new JsonObject().put("url", url).put("events", new JsonArray(List.of(events))).encode());
        if (created.status() != 200) {
            throw new AssertionError("could not create an endpoint: " + created);
        }
        return created.data();
    }

    public static String pay(DevAmba amba, long amount) {
        Api.Answer created = amba.api.createPayment(amba.demo.serverKey(),
                new JsonObject().put("amount", amount).put("currency", "usd").encode());
        if (created.status() != 200) {
            throw new AssertionError("could not create a payment: " + created);
        }
        return created.data().getString("payment_id");
    }

    public static JsonArray deliveries(DevAmba amba, String endpointId) {
        return deliveriesOf(amba, amba.demo.projectId().value(), endpointId);
    }

    public static JsonArray deliveriesOf(DevAmba amba, String projectId, String endpointId) {
        Api.Answer log = amba.admin("GET", "/admin/projects/" + projectId + "/webhook-endpoints/" + endpointId
                + "/deliveries", null);
        if (log.status() != 200) {
            throw new AssertionError("could not read the deliveries: " + log);
        }
        return log.json().getJsonArray("data");
    }
}
