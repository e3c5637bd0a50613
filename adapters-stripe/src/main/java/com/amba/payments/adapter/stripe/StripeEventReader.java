package com.amba.payments.adapter.stripe;

import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.DisputeStatus;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.RefundReason;
import com.amba.payments.domain.model.RefundStatus;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.port.out.ProviderWebhooks.Verified;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a verified Stripe event into the domain's {@link ProviderEvent}. The payload is read as plain JSON,
 * field by field, rather than through stripe-java's {@code Event} model: an endpoint may receive events rendered
 * in another API version than the one stripe-java pins, and the few fields Amba needs are stable across them.
 */
final class StripeEventReader {

    private static final String ACCOUNT_UPDATED = "account.updated";

    /**
     * The PaymentIntent events Amba follows; a present status overrides the object's. {@code payment_failed}
     * leaves the intent waiting for another payment method, {@code amount_capturable_updated} means it is
     * authorised and waiting for capture.
     */
    private static final Map<String, Optional<PaymentStatus>> INTENT_EVENTS = Map.of(
            "payment_intent.created", Optional.empty(),
            "payment_intent.processing", Optional.empty(),
            "payment_intent.requires_action", Optional.empty(),
            "payment_intent.amount_capturable_updated", Optional.of(PaymentStatus.REQUIRES_CAPTURE),
            "payment_intent.succeeded", Optional.empty(),
            "payment_intent.payment_failed", Optional.of(PaymentStatus.REQUIRES_PAYMENT_METHOD),
            "payment_intent.canceled", Optional.empty());

    /** Refund events carry the refund; refund.failed says failed whatever the snapshot's status. */
    private static final Map<String, Optional<RefundStatus>> REFUND_EVENTS = Map.of(
            "refund.created", Optional.empty(),
            "refund.updated", Optional.empty(),
            "refund.failed", Optional.of(RefundStatus.FAILED));
    private static final String CHARGE_REFUNDED = "charge.refunded";
    private static final Set<String> DISPUTE_EVENTS = Set.of(
            "charge.dispute.created", "charge.dispute.updated", "charge.dispute.closed");

    /** Stripe's dispute statuses in SPEC §11's words; an inquiry (warning_*) is a dispute like any other. */
    private static final Map<String, DisputeStatus> DISPUTE_STATUSES = Map.of(
            "warning_needs_response", DisputeStatus.NEEDS_RESPONSE,
            "needs_response", DisputeStatus.NEEDS_RESPONSE,
            "warning_under_review", DisputeStatus.UNDER_REVIEW,
            "under_review", DisputeStatus.UNDER_REVIEW,
            "warning_closed", DisputeStatus.WON,
            "charge_refunded", DisputeStatus.WON,
            "won", DisputeStatus.WON,
            "lost", DisputeStatus.LOST);

    private final StripeMode mode;

    StripeEventReader(StripeMode mode) {
        this.mode = mode;
    }

    Verified read(byte[] rawBody) {
        JsonObject event;
        try {
            JsonElement parsed = JsonParser.parseString(new String(rawBody, StandardCharsets.UTF_8));
            if (!parsed.isJsonObject()) {
                return new Verified.Irrelevant("signed payload is not a JSON object");
            }
            event = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            return new Verified.Irrelevant("signed payload is not JSON");
        }
        Optional<Boolean> livemode = bool(event, "livemode");
        if (livemode.isEmpty() || livemode.get() != mode.livemode()) {
            return new Verified.Irrelevant("event is not from " + mode + " mode (livemode=" + livemode.orElse(null) + ")");
        }
        String type = string(event, "type").orElse("");
        Optional<String> id = string(event, "id");
        Optional<Long> created = number(event, "created");
        Optional<JsonObject> object = object(event, "data").flatMap(data -> object(data, "object"));
        if (!type.equals(ACCOUNT_UPDATED) && !INTENT_EVENTS.containsKey(type) && !REFUND_EVENTS.containsKey(type)
                && !type.equals(CHARGE_REFUNDED) && !DISPUTE_EVENTS.contains(type)) {
            return new Verified.Irrelevant("event type " + (type.isEmpty() ? "(none)" : type) + " is not one Amba follows");
        }
        if (id.isEmpty() || created.isEmpty() || object.isEmpty()) {
            return new Verified.Irrelevant(type + " event without id, created or data.object");
        }
        ProviderEventId eventId = new ProviderEventId(id.get());
        Instant at = Instant.ofEpochSecond(created.get());
        Optional<ConnectedAccountId> account = string(event, "account").flatMap(ConnectedAccountId::parse);
        if (REFUND_EVENTS.containsKey(type)) {
            return refundChanged(eventId, at, type, account, object.get(), REFUND_EVENTS.get(type));
        }
        if (type.equals(CHARGE_REFUNDED)) {
            return chargeRefunded(eventId, at, account, object.get());
        }
        if (DISPUTE_EVENTS.contains(type)) {
            return disputeChanged(eventId, at, type, account, object.get());
        }
        return type.equals(ACCOUNT_UPDATED)
                ? accountChanged(eventId, at, object.get())
                : intentChanged(eventId, at, type, event, object.get());
    }

    /**
     * A refund on a connected account; it names its PaymentIntent. A refund Amba asked for carries the attempt id
     * in its metadata; one made on the dashboard does not, and is followed all the same (SPEC §11).
     */
    private static Verified refundChanged(ProviderEventId id, Instant created, String type,
                                          Optional<ConnectedAccountId> account, JsonObject refund,
                                          Optional<RefundStatus> forced) {
        Optional<RefundId> refundId = string(refund, "id").flatMap(RefundId::parse);
        Optional<PaymentId> paymentId = string(refund, "payment_intent").flatMap(PaymentId::parse);
        Optional<RefundStatus> status = forced.or(() -> string(refund, "status").flatMap(RefundStatus::fromWireName));
        Optional<Long> amount = number(refund, "amount");
        Optional<String> currency = string(refund, "currency");
        if (refundId.isEmpty() || paymentId.isEmpty() || status.isEmpty() || amount.isEmpty() || currency.isEmpty()) {
            return new Verified.Irrelevant(type + " " + id + " without a readable refund, payment_intent, status,"
                    + " amount or currency");
        }
        Optional<String> attempt = object(refund, "metadata")
                .flatMap(metadata -> string(metadata, RefundMapping.ATTEMPT_METADATA));
        Optional<RefundReason> reason = string(refund, "reason").flatMap(RefundReason::fromWireName);
        return new Verified.Relevant(new ProviderEvent.RefundChanged(id, created, refundId.get(), paymentId.get(),
                account, status.get(), amount.get(), currency.get(), reason, attempt));
    }

    /**
     * Since API version 2022-11-15 a charge no longer embeds its refunds, and each refund has its own refund.*
     * event; when an older rendering does embed them, the newest (Stripe lists newest first) is followed.
     */
    private static Verified chargeRefunded(ProviderEventId id, Instant created, Optional<ConnectedAccountId> account,
                                           JsonObject charge) {
        Optional<JsonObject> newest = object(charge, "refunds")
                .map(list -> list.get("data"))
                .filter(JsonElement::isJsonArray)
                .map(JsonElement::getAsJsonArray)
                .filter(data -> !data.isEmpty() && data.get(0).isJsonObject())
                .map(data -> data.get(0).getAsJsonObject());
        if (newest.isEmpty()) {
            return new Verified.Irrelevant("charge.refunded " + id + " embeds no refund; its refund.* events carry them");
        }
        JsonObject refund = newest.get().deepCopy();
        if (!refund.has("payment_intent") || refund.get("payment_intent").isJsonNull()) {
            string(charge, "payment_intent").ifPresent(intent -> refund.addProperty("payment_intent", intent));
        }
        return refundChanged(id, created, CHARGE_REFUNDED, account, refund, Optional.empty());
    }

    private static Verified disputeChanged(ProviderEventId id, Instant created, String type,
                                           Optional<ConnectedAccountId> account, JsonObject dispute) {
        Optional<PaymentId> paymentId = string(dispute, "payment_intent").flatMap(PaymentId::parse);
        Optional<DisputeStatus> status = string(dispute, "status").map(DISPUTE_STATUSES::get);
        Optional<Long> amount = number(dispute, "amount");
        Optional<String> currency = string(dispute, "currency");
        if (paymentId.isEmpty() || status.isEmpty() || amount.isEmpty() || currency.isEmpty()) {
            return new Verified.Irrelevant(type + " " + id + " without a readable payment_intent, status, amount or"
                    + " currency");
        }
        return new Verified.Relevant(new ProviderEvent.DisputeChanged(id, created, paymentId.get(), account,
                status.get(), amount.get(), currency.get(), string(dispute, "reason")));
    }

    private static Verified accountChanged(ProviderEventId id, Instant created, JsonObject account) {
        Optional<ConnectedAccountId> accountId = string(account, "id").flatMap(ConnectedAccountId::parse);
        Optional<Boolean> chargesEnabled = bool(account, "charges_enabled");
        if (accountId.isEmpty() || chargesEnabled.isEmpty()) {
            return new Verified.Irrelevant("account.updated " + id + " without an account id or charges_enabled");
        }
        return new Verified.Relevant(new ProviderEvent.AccountChanged(id, created, accountId.get(), chargesEnabled.get()));
    }

    private static Verified intentChanged(ProviderEventId id, Instant created, String type, JsonObject event,
                                          JsonObject intent) {
        Optional<PaymentId> paymentId = string(intent, "id").flatMap(PaymentId::parse);
        Optional<PaymentStatus> status = INTENT_EVENTS.get(type)
                .or(() -> string(intent, "status").flatMap(StripeStatuses::of));
        Optional<Long> amount = number(intent, "amount");
        Optional<String> currency = string(intent, "currency");
        if (paymentId.isEmpty() || status.isEmpty() || amount.isEmpty() || currency.isEmpty()) {
            return new Verified.Irrelevant(type + " " + id + " without a readable intent id, status, amount or currency");
        }
        // A connected account also takes payments Amba never made (its own dashboard, other platforms): those
        // would wait forever for a ledger row, so only intents carrying Amba's project id are followed.
        boolean madeByAmba = object(intent, "metadata").flatMap(metadata -> string(metadata, IntentParams.PROJECT_METADATA))
                .isPresent();
        if (!madeByAmba) {
            return new Verified.Irrelevant(type + " " + id + " is about an intent Amba did not create");
        }
        // Connect events name the connected account they happened on; platform events have no such field.
        Optional<ConnectedAccountId> account = string(event, "account").flatMap(ConnectedAccountId::parse);
        return new Verified.Relevant(new ProviderEvent.PaymentIntentChanged(id, created, paymentId.get(), account,
                status.get(), amount.get(), currency.get()));
    }

    private static Optional<JsonObject> object(JsonObject parent, String field) {
        JsonElement value = parent.get(field);
        return value != null && value.isJsonObject() ? Optional.of(value.getAsJsonObject()) : Optional.empty();
    }

    private static Optional<String> string(JsonObject parent, String field) {
        JsonElement value = parent.get(field);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                ? Optional.of(value.getAsString()) : Optional.empty();
    }

    private static Optional<Boolean> bool(JsonObject parent, String field) {
        JsonElement value = parent.get(field);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
                ? Optional.of(value.getAsBoolean()) : Optional.empty();
    }

    private static Optional<Long> number(JsonObject parent, String field) {
        JsonElement value = parent.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return Optional.empty();
        }
        try {
            return Optional.of(value.getAsBigDecimal().longValueExact());
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
