package com.amba.payments.adapter.http.openapi;

import static com.amba.payments.adapter.http.openapi.Schemas.string;

import java.util.List;

/** The pages Stripe's hosted onboarding sends a project owner's browser back to (account link URLs). */
final class OnboardingOperations {

    static final String TAG = "Onboarding pages";

    private OnboardingOperations() {
    }

    static List<Operation> all() {
        return List.of(
                Operation.get("/onboarding/return")
                        .summary("onboardingReturn", "Back from onboarding: the project's readiness", TAG)
                        .description("The account link's return_url. Reads the account from the provider, records its"
                                + " charges_enabled, and shows the project's readiness as a small HTML page (failures"
                                + " are HTML pages with the same status and code).")
                        .query("account", string("acct_…"), "the connected account (Amba adds it to the link's URLs)")
                        .answers(200, "an HTML page naming the project and its readiness", "text/html", string("HTML"),
                                null)
                        .errors("ACCOUNT_NOT_FOUND", "PAYMENT_PROVIDER_UNAVAILABLE", "CONTROL_PLANE_UNAVAILABLE"),
                Operation.get("/onboarding/refresh")
                        .summary("onboardingRefresh", "An expired onboarding link: a fresh one", TAG)
                        .description("The account link's refresh_url (Stripe sends the browser here when a link expired"
                                + " or was used): redirects to a fresh onboarding link, or to the return page once the"
                                + " account can take charges.")
                        .query("account", string("acct_…"), "the connected account")
                        .answers(302, "a redirect (Location) to the new link or to the return page", "text/html",
                                string("empty"), null)
                        .errors("ACCOUNT_NOT_FOUND", "PAYMENT_PROVIDER_UNAVAILABLE", "CONTROL_PLANE_UNAVAILABLE"));
    }
}
