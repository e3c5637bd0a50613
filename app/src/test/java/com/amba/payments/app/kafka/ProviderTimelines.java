package com.amba.payments.app.kafka;

import com.amba.payments.adapter.stripe.localstripe.IntentMove;
import com.amba.payments.adapter.stripe.localstripe.LocalStripe;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The provider's side of the story: intents move along random, realistic lifecycles at the local Stripe server
 * (failed attempts back to requires_payment_method, 3-D Secure, processing, capture), and every event Stripe
 * would send is captured instead of delivered, together with the provider's own order of statuses (the
 * timeline) per intent. The test then delivers the captured events itself: shuffled, some twice, some before
 * the create that made their intent has answered.
 */
final class ProviderTimelines {

    /** One event as Stripe sent it, and what it says. */
    record Captured(String eventId, String intentId, String status, long created, String payload) {
    }

    private static final List<String> NOT_FINAL =
            List.of("requires_payment_method", "requires_action", "processing", "requires_capture");
    private static final Map<String, IntentMove> MOVE_TO = Map.of(
            "requires_payment_method", IntentMove.FAIL, "requires_action", IntentMove.REQUIRE_ACTION,
            "processing", IntentMove.PROCESS, "requires_capture", IntentMove.AUTHORIZE,
            "succeeded", IntentMove.SUCCEED, "canceled", IntentMove.CANCEL);

    private final LocalStripe stripe;
    private final Random random;
    private final double earlyShare;
    private final Consumer<Captured> deliverNow;
    private final Map<String, List<String>> timelines = new ConcurrentHashMap<>();
    private final List<Captured> pending = new ArrayList<>();
    private int early;

    /**
     * @param earlyShare share of intents whose created event and first move are delivered (by {@code deliverNow})
     *                   from inside the provider's create call, before Amba has its answer
     */
    ProviderTimelines(LocalStripe stripe, Random random, double earlyShare, Consumer<Captured> deliverNow) {
        this.stripe = stripe;
        this.random = random;
        this.earlyShare = earlyShare;
        this.deliverNow = deliverNow;
        stripe.captureEventsWith(this::captured);
    }

    private void captured(String payload) {
        JsonObject event = JsonParser.parseString(payload).getAsJsonObject();
        JsonObject intent = event.getAsJsonObject("data").getAsJsonObject("object");
        Captured captured = new Captured(event.get("id").getAsString(), intent.get("id").getAsString(),
                intent.get("status").getAsString(), event.get("created").getAsLong(), payload);
        List<String> timeline = timelines.computeIfAbsent(captured.intentId(), id -> new ArrayList<>());
        synchronized (timeline) {
            timeline.add(captured.status());
        }
        boolean deliverEarly;
        synchronized (this) {
            deliverEarly = event.get("type").getAsString().equals("payment_intent.created")
                    && random.nextDouble() < earlyShare;
            if (deliverEarly) {
                early++;
            } else {
                pending.add(captured);
            }
        }
        if (deliverEarly) {
            // Still inside the provider's create call: Amba does not know this intent yet.
            deliverNow.accept(captured);
            String first = nextStatus(captured.intentId(), captured.status());
            stripe.move(captured.intentId(), MOVE_TO.get(first));
            takeLatestOf(captured.intentId()).ifPresent(deliverNow);
        }
    }

    private synchronized Optional<Captured> takeLatestOf(String intentId) {
        for (int i = pending.size() - 1; i >= 0; i--) {
            if (pending.get(i).intentId().equals(intentId)) {
                return Optional.of(pending.remove(i));
            }
        }
        return Optional.empty();
    }

    /**
     * One more step of {@code intentId}'s lifecycle, unless it is final: usually another non-final status
     * (cycling), sometimes the end. Only one thread moves an intent at a time.
     */
    boolean step(String intentId, boolean mayEnd) {
        List<String> timeline = timeline(intentId);
        String now = timeline.getLast();
        if (now.equals("succeeded") || now.equals("canceled")) {
            return false;
        }
        String next = mayEnd && random.nextInt(3) == 0
                ? (now.equals("processing") || now.equals("requires_capture") ? "succeeded" : "canceled")
                : nextStatus(intentId, now);
        stripe.move(intentId, MOVE_TO.get(next));
        return true;
    }

    private String nextStatus(String intentId, String now) {
        List<String> others = new ArrayList<>(NOT_FINAL);
        others.remove(now);
        synchronized (this) {
            return others.get(random.nextInt(others.size()));
        }
    }

    /** A captured event not yet delivered, chosen at random; empty when none is waiting. */
    synchronized Optional<Captured> takeAny() {
        return pending.isEmpty() ? Optional.empty() : Optional.of(pending.remove(random.nextInt(pending.size())));
    }

    /** Puts an event back, to be delivered (again) later. */
    synchronized void putBack(Captured event) {
        pending.add(event);
    }

    synchronized boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    synchronized int earlyIntents() {
        return early;
    }

    /** The statuses the provider took {@code intentId} through, in its order, the created one first. */
    List<String> timeline(String intentId) {
        List<String> timeline = timelines.get(intentId);
        synchronized (timeline) {
            return List.copyOf(timeline);
        }
    }

    int events() {
        return timelines.keySet().stream().mapToInt(id -> timeline(id).size()).sum();
    }
}
