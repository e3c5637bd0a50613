package com.amba.payments.adapter.stripe.localstripe;

import com.amba.payments.domain.service.SecureRandomIds;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.InstantSource;
import java.util.Optional;

/** Builds Stripe {@code event} objects from the fixture: a snapshot of the object, and the account for Connect. */
final class StripeEvents {

    private final StripeFixtures fixtures;
    private final InstantSource clock;
    private final SecureRandomIds ids;

    StripeEvents(StripeFixtures fixtures, InstantSource clock, SecureRandomIds ids) {
        this.fixtures = fixtures;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * @param connectedAccount the account the event happened on; Stripe sets {@code account} only on events a
     *                         platform receives from its connected accounts
     */
    JsonObject event(String type, JsonObject object, Optional<String> connectedAccount, boolean livemode) {
        JsonObject event = fixtures.example("event");
        event.addProperty("id", "evt_" + ids.alphanumeric(24));
        event.addProperty("type", type);
        event.addProperty("created", clock.instant().getEpochSecond());
        event.addProperty("livemode", livemode);
        event.addProperty("api_version", com.stripe.Stripe.API_VERSION);
        event.addProperty("pending_webhooks", 1);
        JsonObject data = new JsonObject();
        data.add("object", object.deepCopy());
        event.add("data", data);
        JsonObject request = new JsonObject();
        request.add("id", JsonNull.INSTANCE);
        request.add("idempotency_key", JsonNull.INSTANCE);
        event.add("request", request);
        connectedAccount.ifPresentOrElse(account -> event.addProperty("account", account), () -> event.remove("account"));
        return event;
    }
}
