package com.amba.payments.adapter.http.openapi;

import static com.amba.payments.adapter.http.openapi.Schemas.bool;
import static com.amba.payments.adapter.http.openapi.Schemas.closedObject;
import static com.amba.payments.adapter.http.openapi.Schemas.integer;
import static com.amba.payments.adapter.http.openapi.Schemas.ref;
import static com.amba.payments.adapter.http.openapi.Schemas.string;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** Dev mode's sandbox provider (SPEC §9): these routes answer 404 whenever a Stripe key is configured. */
final class SandboxOperations {

    static final String TAG = "Sandbox (dev mode)";

    private SandboxOperations() {
    }

    static List<Operation> all() {
        return List.of(dispute(), act(), moveRefund(), completeOnboarding(), onboardingPage(), onboardingPageButton());
    }

    private static Operation act() {
        return Operation.post("/sandbox/payments/:payment_id/:action")
                .summary("sandboxAct", "Move a sandbox intent along", TAG)
                .description("What a customer and Stripe would do to the intent; the change reaches the ledger as a "
                        + "provider event, through the same path webhooks take. Actions: require_action, process, "
                        + "succeed, fail, cancel; any other is NOT_FOUND.")
                .pathParameter("payment_id", "the payment id (pi_…)", ClientOperations.PAYMENT_ID)
                .pathParameter("action", "require_action, process, succeed, fail or cancel", "succeed")
                .ok("the intent after the action (never its client secret)", closedObject(new JsonObject()
                                .put("payment_id", string("pi_…"))
                                .put("status", ref("PaymentStatus"))
                                .put("amount", integer(1, Schemas.MAX_AMOUNT, "minor units"))
                                .put("currency", string("ISO 4217, lowercase")), "payment_id", "status", "amount", "currency"),
                        new JsonObject().put("payment_id", ClientOperations.PAYMENT_ID).put("status", "succeeded")
                                .put("amount", 2000).put("currency", "usd"))
                .errors("NOT_FOUND", "PAYMENT_NOT_FOUND", "PAYMENT_INTENT_UNEXPECTED_STATE", "CONTROL_PLANE_UNAVAILABLE");
    }

    private static Operation onboardingPage() {
        return Operation.get("/sandbox/accounts/:account_id/onboarding")
                .summary("sandboxOnboardingPage", "The sandbox's onboarding page", TAG)
                .description("Where a sandbox account's onboarding_url points: an HTML page with one button, like"
                        + " Stripe's test-mode onboarding.")
                .pathParameter("account_id", "the connected account (acct_…)", AdminOperations.ACCOUNT_ID)
                .answers(200, "an HTML page with a Finish onboarding button", "text/html", string("HTML"), null)
                .errors("ACCOUNT_NOT_FOUND");
    }

    private static Operation onboardingPageButton() {
        return Operation.post("/sandbox/accounts/:account_id/onboarding")
                .summary("sandboxOnboardingFinish", "The onboarding page's button", TAG)
                .description("Finishes onboarding (charges_enabled, account.updated) and redirects to the platform's"
                        + " return page, /onboarding/return?account=….")
                .pathParameter("account_id", "the connected account (acct_…)", AdminOperations.ACCOUNT_ID)
                .answers(303, "a redirect (Location) to /onboarding/return?account=…", "text/html", string("empty"),
                        null)
                .errors("ACCOUNT_NOT_FOUND", "CONTROL_PLANE_UNAVAILABLE");
    }

    private static Operation dispute() {
        return Operation.post("/sandbox/payments/:payment_id/dispute")
                .summary("sandboxDispute", "Dispute a sandbox charge, or move its dispute", TAG)
                .description("No body opens a dispute (needs_response) and emits charge.dispute.created; "
                        + "{\"status\": …} moves it (won and lost close it).")
                .pathParameter("payment_id", "the payment id (pi_…)", ClientOperations.PAYMENT_ID)
                .body(closedObject(new JsonObject().put("status", Schemas.oneOf(List.of("needs_response",
                        "under_review", "won", "lost"), "where the dispute goes"))),
                        new JsonObject().put("status", "lost"), false)
                .ok("the dispute", closedObject(new JsonObject()
                                .put("payment_id", string("pi_…"))
                                .put("dispute_status", string("needs_response, under_review, won or lost")),
                                "payment_id", "dispute_status"),
                        new JsonObject().put("payment_id", ClientOperations.PAYMENT_ID).put("dispute_status", "lost"))
                .errors("INVALID_BODY", "PAYMENT_NOT_FOUND", "PAYMENT_INTENT_UNEXPECTED_STATE",
                        "CONTROL_PLANE_UNAVAILABLE");
    }

    private static Operation moveRefund() {
        return Operation.post("/sandbox/refunds/:refund_id/:action")
                .summary("sandboxMoveRefund", "Settle a sandbox refund", TAG)
                .description("Sandbox refunds start pending and succeed after a moment unless told otherwise; "
                        + "actions: succeed, fail. The refund event reaches the ledger like a webhook.")
                .pathParameter("refund_id", "the refund id (re_…)", MoneyBackOperations.REFUND_ID)
                .pathParameter("action", "succeed or fail", "fail")
                .ok("the refund", closedObject(new JsonObject()
                                .put("refund_id", string("re_…"))
                                .put("payment_id", string("pi_…"))
                                .put("status", string("succeeded or failed"))
                                .put("amount", integer(1, Schemas.MAX_AMOUNT, "minor units")),
                                "refund_id", "payment_id", "status", "amount"),
                        new JsonObject().put("refund_id", MoneyBackOperations.REFUND_ID)
                                .put("payment_id", ClientOperations.PAYMENT_ID).put("status", "failed")
                                .put("amount", 500))
                .errors("NOT_FOUND", "REFUND_NOT_FOUND", "PAYMENT_INTENT_UNEXPECTED_STATE",
                        "CONTROL_PLANE_UNAVAILABLE");
    }

    private static Operation completeOnboarding() {
        return Operation.post("/sandbox/accounts/:account_id/complete_onboarding")
                .summary("sandboxCompleteOnboarding", "Finish a sandbox account's onboarding", TAG)
                .description("Sets charges_enabled and emits account.updated.")
                .pathParameter("account_id", "the connected account (acct_…)", AdminOperations.ACCOUNT_ID)
                .ok("the account", closedObject(new JsonObject()
                                .put("stripe_account_id", string("acct_…"))
                                .put("charges_enabled", bool("true once onboarded")), "stripe_account_id", "charges_enabled"),
                        new JsonObject().put("stripe_account_id", AdminOperations.ACCOUNT_ID).put("charges_enabled", true))
                .errors("ACCOUNT_NOT_FOUND", "CONTROL_PLANE_UNAVAILABLE");
    }
}
