package com.amba.payments.adapter.http.openapi;

import static com.amba.payments.adapter.http.openapi.Schemas.arrayOf;
import static com.amba.payments.adapter.http.openapi.Schemas.bool;
import static com.amba.payments.adapter.http.openapi.Schemas.closedObject;
import static com.amba.payments.adapter.http.openapi.Schemas.dateTime;
import static com.amba.payments.adapter.http.openapi.Schemas.integer;
import static com.amba.payments.adapter.http.openapi.Schemas.nullableString;
import static com.amba.payments.adapter.http.openapi.Schemas.oneOf;
import static com.amba.payments.adapter.http.openapi.Schemas.ref;
import static com.amba.payments.adapter.http.openapi.Schemas.string;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The platform owner's API (SPEC §8). */
final class AdminOperations {

    static final String TAG = "Admin";
    static final String PROJECT_ID = "proj_8fK2mQ4sT6vX9zB1";
    static final String ACCOUNT_ID = "acct_1PqXyZ2eZvKYlo2C";

    private AdminOperations() {
    }

    static List<Operation> all() {
        return List.of(status(), enable(), disable(), configurePlatform(), report(), createProject(), issueKey(),
                revokeKey(), setUpAccount(), configureProject(), listPayments(), listProjects(), readProject(),
                listKeys());
    }

    private static JsonObject projectOverview() {
        JsonObject schema = project();
        schema.getJsonObject("properties")
                .put("charges_enabled", bool("the connected account can take charges"))
                .put("platform_default_fee_bps", feeBps())
                .put("effective_default_fee_bps", feeBps())
                .put("created_at", dateTime("when the project was created"));
        return schema;
    }

    private static JsonObject sampleOverview() {
        return sampleProject().put("charges_enabled", true).put("platform_default_fee_bps", 250)
                .put("effective_default_fee_bps", 250).put("created_at", "2026-12-03T12:00:00Z");
    }

    private static Operation listProjects() {
        return admin(Operation.get("/admin/projects")
                .summary("listProjects", "List projects", TAG)
                .description("Every project, oldest first, with its readiness, account and fees.")
                .answers(200, "the projects", "application/json",
                        Schemas.envelopeOf(Schemas.arrayOf(projectOverview())),
                        new JsonObject().put("data", new io.vertx.core.json.JsonArray().add(sampleOverview()))));
    }

    private static Operation readProject() {
        return ofProject(Operation.get("/admin/projects/:id")
                .summary("readProject", "Read a project", TAG)
                .description("Its readiness (read from the ledger's copy of the account; account.updated keeps it"
                        + " current), account, its own default fee, the platform's, and the one a create would use.")
                .ok("the project", projectOverview(), sampleOverview()));
    }

    private static Operation listKeys() {
        return ofProject(Operation.get("/admin/projects/:id/api-keys")
                .summary("listApiKeys", "List a project's API keys", TAG)
                .description("Revoked keys too, oldest first. Never a key: Amba keeps only hashes, and the last four"
                        + " characters to tell keys apart (null for keys issued before they were kept).")
                .answers(200, "the keys", "application/json", Schemas.envelopeOf(Schemas.arrayOf(closedObject(
                                new JsonObject()
                                        .put("key_id", string("the key's id"))
                                        .put("kind", oneOf(List.of("server", "client"), "what it may do"))
                                        .put("status", oneOf(List.of("active", "revoked"), "revoked keys answer 401"))
                                        .put("last_four", nullableString("the key's last four characters"))
                                        .put("created_at", dateTime("issued"))
                                        .put("revoked_at", nullableString("when it was revoked")),
                                "key_id", "kind", "status", "last_four", "created_at", "revoked_at"))),
                        new JsonObject().put("data", new io.vertx.core.json.JsonArray().add(new JsonObject()
                                .put("key_id", "key_3hQ8").put("kind", "server").put("status", "active")
                                .put("last_four", "x9Qa").put("created_at", "2026-12-03T12:00:00Z")
                                .put("revoked_at", null)))));
    }

    private static Operation admin(Operation operation) {
        return operation.access(Access.ADMIN).errors("CONTROL_PLANE_UNAVAILABLE");
    }

    private static Operation ofProject(Operation operation) {
        return admin(operation).pathParameter("id", "the project id", PROJECT_ID).errors("PROJECT_NOT_FOUND");
    }

    static JsonObject settings() {
        return closedObject(new JsonObject()
                        .put("payments_enabled", bool("the platform switch"))
                        .put("default_platform_fee_bps", feeBps()),
                "payments_enabled", "default_platform_fee_bps");
    }

    private static JsonObject feeBps() {
        return new JsonObject().put("type", new JsonArray().add("integer").add("null")).put("minimum", 0)
                .put("maximum", 10_000).put("description", "basis points; null when none");
    }

    private static JsonObject project() {
        return closedObject(new JsonObject()
                        .put("project_id", string("the project's id"))
                        .put("name", string("its name"))
                        .put("payments", oneOf(List.of("not_set_up", "onboarding", "ready"), "can it take payments?"))
                        .put("default_platform_fee_bps", feeBps())
                        .put("stripe_account_id", nullableString("its connected account, null when none")),
                "project_id", "name", "payments", "default_platform_fee_bps", "stripe_account_id");
    }

    private static JsonObject sampleProject() {
        return new JsonObject().put("project_id", PROJECT_ID).put("name", "Demo shop").put("payments", "ready")
                .put("default_platform_fee_bps", null).put("stripe_account_id", ACCOUNT_ID);
    }

    private static JsonObject sampleSettings() {
        return new JsonObject().put("payments_enabled", true).put("default_platform_fee_bps", 250);
    }

    private static JsonObject feeBody() {
        return closedObject(new JsonObject().put("default_platform_fee_bps", feeBps()), "default_platform_fee_bps");
    }

    private static Operation status() {
        JsonObject status = settings().copy();
        status.getJsonObject("properties").put("projects", arrayOf(project()));
        status.getJsonArray("required").add("projects");
        return admin(Operation.get("/admin/payments/status")
                .summary("platformStatus", "Platform status", TAG)
                .ok("the switch, the default fee and each project's readiness", status,
                        sampleSettings().put("projects", new JsonArray().add(sampleProject()))));
    }

    private static Operation enable() {
        return admin(Operation.post("/admin/payments/enable")
                .summary("enablePayments", "Turn the platform switch on", TAG)
                .ok("the platform settings", settings(), sampleSettings()));
    }

    private static Operation disable() {
        return admin(Operation.post("/admin/payments/disable")
                .summary("disablePayments", "Turn the platform switch off", TAG)
                .description("While off, creates answer 503 PAYMENTS_NOT_ENABLED.")
                .ok("the platform settings", settings(), sampleSettings().put("payments_enabled", false)));
    }

    private static Operation configurePlatform() {
        return admin(Operation.put("/admin/payments/config")
                .summary("configurePlatform", "Set the platform's default fee", TAG)
                .body(feeBody(), new JsonObject().put("default_platform_fee_bps", 250), true)
                .ok("the platform settings", settings(), sampleSettings())
                .errors("INVALID_BODY", "INVALID_FEE"));
    }

    private static Operation report() {
        JsonObject line = closedObject(new JsonObject()
                        .put("project_id", string("the project"))
                        .put("currency", string("ISO 4217, lowercase"))
                        .put("count", integer(0, Long.MAX_VALUE, "payments"))
                        .put("gross", integer(0, Long.MAX_VALUE, "sum of succeeded amounts, minor units"))
                        .put("fees", integer(0, Long.MAX_VALUE, "sum of succeeded fees, minor units"))
                        .put("by_status", new JsonObject().put("type", "object")
                                .put("additionalProperties", new JsonObject().put("type", "integer"))),
                "project_id", "currency", "count", "gross", "fees", "by_status");
        JsonObject mismatch = closedObject(new JsonObject()
                .put("event_id", string("the provider event"))
                .put("payment_id", nullableString("the payment it named"))
                .put("note", string("what disagreed"))
                .put("decided_at", dateTime("RFC 3339")), "event_id", "payment_id", "note", "decided_at");
        return admin(Operation.get("/admin/payments/report")
                .summary("report", "Payments report", TAG)
                .description("Per project and currency. Send Accept: text/csv for CSV.")
                .ok("the report", closedObject(new JsonObject().put("lines", arrayOf(line))
                                .put("mismatches", arrayOf(mismatch)), "lines", "mismatches"),
                        new JsonObject().put("lines", new JsonArray().add(new JsonObject().put("project_id", PROJECT_ID)
                                .put("currency", "usd").put("count", 3).put("gross", 6000).put("fees", 150)
                                .put("by_status", new JsonObject().put("succeeded", 3)))).put("mismatches", new JsonArray()))
                .answers(200, "the report", "text/csv", string("one line per project and currency"), null));
    }

    private static Operation createProject() {
        return admin(Operation.post("/admin/projects")
                .summary("createProject", "Create a project", TAG)
                .idempotencyKey("platform and this route; the same key with the same body answers the project it "
                        + "made (as it stands now).")
                .body(closedObject(new JsonObject().put("name", string("1 to 200 characters")
                        .put("minLength", 1).put("maxLength", 200)), "name"), new JsonObject().put("name", "Demo shop"), true)
                .ok("the new project", project(), sampleProject().put("payments", "not_set_up")
                        .put("stripe_account_id", null))
                .errors("INVALID_IDEMPOTENCY_KEY", "INVALID_BODY", "IDEMPOTENCY_KEY_REUSED"));
    }

    private static Operation issueKey() {
        return ofProject(Operation.post("/admin/projects/:id/api-keys")
                .summary("issueApiKey", "Issue an API key", TAG)
                .description("The key is shown once, in this answer; Amba keeps only its hash. A replay (the same "
                        + "Idempotency-Key and body) answers the same key_id with api_key null, replayed true and a "
                        + "note: revoke that key and issue another if the first answer was lost.")
                .idempotencyKey("project and this route; the same key with the same body answers the key it made, "
                        + "without the key itself.")
                .body(closedObject(new JsonObject().put("kind", oneOf(List.of("server", "client"),
                        "server keys create payments; client keys only read")), "kind"),
                        new JsonObject().put("kind", "server"), true)
                .ok("the key, shown once", closedObject(new JsonObject()
                                .put("key_id", string("names the key for revocation"))
                                .put("api_key", nullableString("amba_sk_… or amba_pk_…; shown only here, null in a "
                                        + "replay"))
                                .put("kind", oneOf(List.of("server", "client"), "its kind"))
                                .put("project_id", string("its project"))
                                .put("replayed", bool("present, true, in an Idempotency-Key replay"))
                                .put("note", string("in a replay: why the key is not shown")),
                                "key_id", "api_key", "kind", "project_id"),
                        new JsonObject().put("key_id", "key_4hT7pQ2wX9").put("api_key", "amba_sk_…")
                                .put("kind", "server").put("project_id", PROJECT_ID))
                .errors("INVALID_IDEMPOTENCY_KEY", "INVALID_BODY", "IDEMPOTENCY_KEY_REUSED"));
    }

    private static Operation revokeKey() {
        return ofProject(Operation.delete("/admin/projects/:id/api-keys/:key_id")
                .summary("revokeApiKey", "Revoke an API key", TAG)
                .pathParameter("key_id", "the key's id", "key_4hT7pQ2wX9")
                .ok("revoked", closedObject(new JsonObject().put("key_id", string("the key"))
                                .put("revoked", bool("always true")), "key_id", "revoked"),
                        new JsonObject().put("key_id", "key_4hT7pQ2wX9").put("revoked", true))
                .errors("API_KEY_NOT_FOUND"));
    }

    private static Operation setUpAccount() {
        return ofProject(Operation.post("/admin/projects/:id/payments/account")
                .summary("setUpAccount", "Create or attach the project's connected account", TAG)
                .description("Without a body: creates an Express account (if absent) and answers an onboarding link. "
                        + "With {\"stripe_account_id\"}: attaches an existing account.")
                .idempotencyKey("project and this route; the same key with the same body answers the account it "
                        + "set up, as Stripe tells it now, with a fresh onboarding link (links are single-use).")
                .body(closedObject(new JsonObject().put("stripe_account_id", string("acct_…")
                        .put("pattern", "^acct_[A-Za-z0-9]+$"))), new JsonObject().put("stripe_account_id", ACCOUNT_ID),
                        false)
                .ok("the account", closedObject(new JsonObject()
                                .put("stripe_account_id", string("acct_…"))
                                .put("charges_enabled", bool("can it take charges yet?"))
                                .put("onboarding_url", nullableString("where the seller finishes onboarding")),
                        "stripe_account_id", "charges_enabled", "onboarding_url"),
                        new JsonObject().put("stripe_account_id", ACCOUNT_ID).put("charges_enabled", false)
                                .put("onboarding_url", "https://connect.stripe.com/setup/e/acct_1PqXyZ2eZvKYlo2C/abc"))
                .errors("INVALID_IDEMPOTENCY_KEY", "INVALID_BODY", "IDEMPOTENCY_KEY_REUSED", "ACCOUNT_NOT_FOUND",
                        "ACCOUNT_ALREADY_ATTACHED", "PAYMENT_PROVIDER_UNAVAILABLE"));
    }

    private static Operation configureProject() {
        return ofProject(Operation.put("/admin/projects/:id/payments/config")
                .summary("configureProject", "Set the project's default fee", TAG)
                .body(feeBody(), new JsonObject().put("default_platform_fee_bps", 300), true)
                .ok("the project", project(), sampleProject().put("default_platform_fee_bps", 300))
                .errors("INVALID_BODY", "INVALID_FEE"));
    }

    private static Operation listPayments() {
        JsonObject page = closedObject(new JsonObject()
                        .put("data", arrayOf(ref("Payment")))
                        .put("has_more", bool("another page follows"))
                        .put("next_cursor", nullableString("pass as cursor for the next page")),
                "data", "has_more", "next_cursor");
        JsonObject item = ClientOperations.samplePayment().put("project_id", PROJECT_ID);
        return ofProject(Operation.get("/admin/projects/:id/payments")
                .summary("listPayments", "List a project's payments", TAG)
                .description("Newest first. Unknown or repeated query parameters are INVALID_QUERY.")
                .query("status", ref("PaymentStatus"), "only payments in this status")
                .query("created_gte", dateTime("created at or after (RFC 3339)"), "lower bound, inclusive")
                .query("created_lt", dateTime("created before (RFC 3339)"), "upper bound, exclusive")
                .query("limit", integer(1, 100, "page size, default 20"), "page size")
                .query("cursor", string("next_cursor of the previous page"), "where the page starts")
                .answers(200, "one page", "application/json", page, new JsonObject()
                        .put("data", new JsonArray().add(item)).put("has_more", false).put("next_cursor", null))
                .errors("INVALID_QUERY"));
    }
}
