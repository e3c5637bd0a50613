package com.amba.payments.adapter.stripe.localstripe;

import java.io.PrintStream;
import java.util.List;

/**
 * Prints what happened on a running {@link LocalStripe} since the last call: one line per request (method, path,
 * account, status) and per webhook delivery (event type, endpoint's answer). Never bodies or headers, so no key
 * or client secret; the one-time tokens in onboarding and 3D Secure page paths are left out too.
 */
final class ActivityLog {

    private final LocalStripe stripe;
    private final PrintStream out;
    private int requestsSeen;
    private int deliveriesSeen;

    ActivityLog(LocalStripe stripe, PrintStream out) {
        this.stripe = stripe;
        this.out = out;
    }

    void printNew() {
        List<RecordedRequest> requests = stripe.requests();
        for (RecordedRequest request : requests.subList(Math.min(requestsSeen, requests.size()), requests.size())) {
            out.println(line(request));
        }
        requestsSeen = requests.size();
        List<WebhookDelivery> deliveries = stripe.deliveries();
        for (WebhookDelivery delivery : deliveries.subList(Math.min(deliveriesSeen, deliveries.size()),
                deliveries.size())) {
            out.println("event " + delivery.type() + " " + delivery.eventId() + " -> "
                    + (delivery.status() == RecordedRequest.NO_ANSWER ? "not delivered" : delivery.status()));
        }
        deliveriesSeen = deliveries.size();
        out.flush();
    }

    static String line(RecordedRequest request) {
        return request.method() + " " + withoutToken(request.path())
                + request.stripeAccount().map(account -> " (Stripe-Account " + account + ")").orElse("")
                + (request.replayed() ? " replayed" : "")
                + " -> " + (request.status() == RecordedRequest.NO_ANSWER ? "no answer" : request.status());
    }

    private static String withoutToken(String path) {
        boolean page = path.startsWith("/setup/s/") || path.startsWith("/3d_secure_2/hosted/");
        return page ? path.substring(0, path.lastIndexOf('/') + 1) + "…" : path;
    }
}
