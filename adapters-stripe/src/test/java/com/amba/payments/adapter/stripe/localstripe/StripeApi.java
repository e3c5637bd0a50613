package com.amba.payments.adapter.stripe.localstripe;

import com.amba.payments.domain.service.SecureRandomIds;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.net.URI;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Stripe's API Amba uses, with Stripe's rules: objects scoped to the account in
 * {@code Stripe-Account}, parameter validation before execution, state rules on cancel. All state sits behind
 * this object's lock; events for changes are handed to {@code changes} (the server delivers them later).
 */
final class StripeApi {

    /** The scope of requests without {@code Stripe-Account}: the platform's own objects. */
    static final String PLATFORM = "platform";

    private static final Pattern INTENT = Pattern.compile("/v1/payment_intents/([^/]+)");
    private static final Pattern INTENT_CANCEL = Pattern.compile("/v1/payment_intents/([^/]+)/cancel");
    private static final Pattern INTENT_CONFIRM = Pattern.compile("/v1/payment_intents/([^/]+)/confirm");
    private static final Pattern ACCOUNT = Pattern.compile("/v1/accounts/([^/]+)");
    private static final Pattern REFUND = Pattern.compile("/v1/refunds/([^/]+)");
    private static final Set<String> REFUND_REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");
    private static final Set<String> CANCELABLE = Set.of(
            "requires_payment_method", "requires_capture", "requires_confirmation", "requires_action", "processing");
    private static final List<String> CONFIRMABLE = List.of(
            "requires_payment_method", "requires_confirmation", "requires_action");
    private static final Set<String> ACCOUNT_TYPES = Set.of("express", "standard", "custom");
    private static final Set<String> LINK_TYPES = Set.of("account_onboarding", "account_update");

    /** An object change Stripe would announce with an event. */
    record Change(String eventType, JsonObject object, Optional<String> connectedAccount) {}

    record LinkTarget(String account, String returnUrl) {}

    /** A finished 3D Secure step: the event it causes and where the hosted page sends the customer back. */
    record Authenticated(Change change, String returnUrl) {}

    private record PendingAuthentication(String intentId, String returnUrl) {}

    private record Intent(String scope, JsonObject json) {}

    private record StoredRefund(String scope, JsonObject json) {}

    private final StripeFixtures fixtures;
    private final InstantSource clock;
    private final SecureRandomIds ids;
    private final URI base;
    private final Consumer<Change> changes;
    private final Map<String, JsonObject> accounts = new LinkedHashMap<>();
    private final Map<String, Intent> intents = new LinkedHashMap<>();
    private final Map<String, LinkTarget> links = new HashMap<>();
    private final Map<String, TestPaymentMethod> confirmedWith = new HashMap<>();
    private final Map<String, PendingAuthentication> authentications = new HashMap<>();
    private final CardAttempt cards;
    private final Map<String, StoredRefund> refunds = new LinkedHashMap<>();
    private final Map<String, JsonObject> disputes = new HashMap<>();

    StripeApi(StripeFixtures fixtures, InstantSource clock, SecureRandomIds ids, URI base, Consumer<Change> changes) {
        this.fixtures = fixtures;
        this.clock = clock;
        this.ids = ids;
        this.base = base;
        this.changes = changes;
        this.cards = new CardAttempt(fixtures, clock, ids, base);
    }

    synchronized Answer handle(String method, String path, Optional<String> stripeAccount, FormBody form) {
        if (stripeAccount.isPresent() && !accounts.containsKey(stripeAccount.get())) {
            return accountInvalid(stripeAccount.get());
        }
        String scope = stripeAccount.orElse(PLATFORM);
        boolean post = method.equals("POST");
        boolean get = method.equals("GET");
        Matcher m;
        if (post && path.equals("/v1/payment_intents")) {
            return createIntent(scope, form);
        }
        if (get && path.equals("/v1/payment_intents")) {
            return listIntents(scope, form);
        }
        if (get && (m = INTENT.matcher(path)).matches()) {
            String id = m.group(1);
            return intentIn(scope, id).map(intent -> Answer.ok(intent.json().deepCopy()))
                    .orElseGet(() -> noSuchIntent(id));
        }
        if (post && (m = INTENT_CANCEL.matcher(path)).matches()) {
            return cancelIntent(scope, m.group(1), form);
        }
        if (post && (m = INTENT_CONFIRM.matcher(path)).matches()) {
            return confirmIntent(scope, m.group(1), form);
        }
        if (post && path.equals("/v1/refunds")) {
            return createRefund(scope, form);
        }
        if (get && (m = REFUND.matcher(path)).matches()) {
            StoredRefund refund = refunds.get(m.group(1));
            return refund != null && refund.scope().equals(scope) ? Answer.ok(refund.json().deepCopy())
                    : Answer.rejected(404, "invalid_request_error", "resource_missing",
                            "No such refund: '" + m.group(1) + "'", "id");
        }
        if (post && path.equals("/v1/accounts")) {
            return createAccount(form);
        }
        if (get && (m = ACCOUNT.matcher(path)).matches()) {
            JsonObject account = accounts.get(m.group(1));
            return account == null ? accountInvalid(m.group(1)) : Answer.ok(account.deepCopy());
        }
        if (post && path.equals("/v1/account_links")) {
            return createAccountLink(form);
        }
        return Answer.rejected(404, "invalid_request_error", null, "Unrecognized request URL (" + method + ": "
                + path + "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.", null);
    }

    private Answer createIntent(String scope, FormBody form) {
        Optional<Answer> invalid = missing(form, "amount", "currency");
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<Long> amount = integer(form.value("amount").orElseThrow());
        if (amount.isEmpty()) {
            return invalidInteger("amount", form);
        }
        String currency = form.value("currency").orElseThrow().toLowerCase(java.util.Locale.ROOT);
        if (!currency.matches("[a-z]{3}")) {
            return Answer.rejected(400, "invalid_request_error", null, "Invalid currency: " + currency + ".", "currency");
        }
        long minor = amount.get();
        if (minor > Minimums.MAXIMUM) {
            return Answer.rejected(400, "invalid_request_error", "amount_too_large",
                    "Amount must be no more than " + Minimums.MAXIMUM + " (in the smallest currency unit).", "amount");
        }
        if (minor < Minimums.minimumCharge(currency)) {
            return Answer.rejected(400, "invalid_request_error", "amount_too_small", "Amount must be at least "
                    + Minimums.minimumCharge(currency) + " " + currency + " (in the smallest currency unit).", "amount");
        }
        if (!Minimums.chargeable(currency, minor)) {
            return Answer.rejected(400, "invalid_request_error", "invalid_charge_amount",
                    "Amounts in " + currency + " must be a multiple of 10 in the smallest currency unit.", "amount");
        }
        Optional<Long> fee = Optional.empty();
        if (form.value("application_fee_amount").isPresent()) {
            fee = integer(form.value("application_fee_amount").get()).filter(f -> f >= 0);
            if (fee.isEmpty()) {
                return invalidInteger("application_fee_amount", form);
            }
            if (scope.equals(PLATFORM)) {
                return Answer.rejected(400, "invalid_request_error", null, "Can only apply an"
                        + " application_fee_amount when the PaymentIntent is attempting a direct payment (using an"
                        + " OAuth key or Stripe-Account header) or destination payment (using"
                        + " `transfer_data[destination]`).", "application_fee_amount");
            }
            if (fee.get() > minor) {
                return Answer.rejected(400, "invalid_request_error", null,
                        "application_fee_amount must be less than or equal to amount.", "application_fee_amount");
            }
        }
        Optional<Answer> badNotes = metadataRules(form).or(() -> descriptionRules(form));
        if (badNotes.isPresent()) {
            return badNotes.get();
        }
        if (!scope.equals(PLATFORM) && !accounts.get(scope).get("charges_enabled").getAsBoolean()) {
            // Raised while executing, so Stripe keeps it for the idempotency key like any other result.
            return Answer.executedError(400, "invalid_request_error", null, "You cannot create a charge on a"
                    + " connected account without the `card_payments` capability enabled.", null);
        }
        JsonObject intent = newIntent(minor, currency, fee, form);
        intents.put(intent.get("id").getAsString(), new Intent(scope, intent));
        changes.accept(new Change("payment_intent.created", intent.deepCopy(), connected(scope)));
        return Answer.ok(intent.deepCopy());
    }

    private JsonObject newIntent(long amount, String currency, Optional<Long> fee, FormBody form) {
        String id = "pi_" + ids.alphanumeric(24);
        JsonObject intent = fixtures.example("payment_intent");
        intent.addProperty("id", id);
        intent.addProperty("client_secret", id + "_secret_" + ids.alphanumeric(25));
        intent.addProperty("amount", amount);
        intent.addProperty("amount_capturable", 0);
        intent.addProperty("amount_received", 0);
        intent.addProperty("currency", currency);
        intent.addProperty("created", clock.instant().getEpochSecond());
        intent.addProperty("livemode", false);
        intent.addProperty("status", "requires_payment_method");
        fee.ifPresentOrElse(f -> intent.addProperty("application_fee_amount", f),
                () -> intent.add("application_fee_amount", JsonNull.INSTANCE));
        boolean automatic = form.value("automatic_payment_methods[enabled]").map("true"::equals).orElse(false);
        if (automatic) {
            JsonObject methods = new JsonObject();
            methods.addProperty("enabled", true);
            form.value("automatic_payment_methods[allow_redirects]")
                    .ifPresent(redirects -> methods.addProperty("allow_redirects", redirects));
            intent.add("automatic_payment_methods", methods);
        } else {
            intent.add("automatic_payment_methods", JsonNull.INSTANCE);
        }
        intent.add("metadata", metadata(form));
        form.value("description").ifPresentOrElse(d -> intent.addProperty("description", d),
                () -> intent.add("description", JsonNull.INSTANCE));
        for (String unset : List.of("canceled_at", "cancellation_reason", "last_payment_error", "latest_charge",
                "next_action", "processing", "transfer_data", "payment_method", "payment_method_configuration_details")) {
            intent.add(unset, JsonNull.INSTANCE);
        }
        return intent;
    }

    /** {@code GET /v1/payment_intents}: the account's intents, newest first, {@code created[lt]} and {@code limit}. */
    private Answer listIntents(String scope, FormBody form) {
        Optional<Long> createdBefore = form.value("created[lt]").flatMap(StripeApi::integer);
        long limit = form.value("limit").flatMap(StripeApi::integer).orElse(10L);
        if (limit < 1 || limit > 100) {
            return Answer.rejected(400, "invalid_request_error", null,
                    "This value must be greater than or equal to 1 and less than or equal to 100.", "limit");
        }
        List<JsonObject> matching = intents.values().stream()
                .filter(intent -> intent.scope().equals(scope))
                .map(Intent::json)
                .filter(json -> createdBefore.map(lt -> json.get("created").getAsLong() < lt).orElse(true))
                .sorted((a, b) -> Long.compare(b.get("created").getAsLong(), a.get("created").getAsLong()))
                .toList();
        JsonArray data = new JsonArray();
        matching.stream().limit(limit).forEach(json -> data.add(json.deepCopy()));
        JsonObject list = new JsonObject();
        list.addProperty("object", "list");
        list.add("data", data);
        list.addProperty("has_more", matching.size() > limit);
        list.addProperty("url", "/v1/payment_intents");
        return Answer.ok(list);
    }

    private Answer cancelIntent(String scope, String id, FormBody form) {
        Optional<Intent> found = intentIn(scope, id);
        if (found.isEmpty()) {
            return noSuchIntent(id);
        }
        JsonObject intent = found.get().json();
        String status = intent.get("status").getAsString();
        if (!CANCELABLE.contains(status)) {
            return Answer.executedError(400, "invalid_request_error", "payment_intent_unexpected_state",
                    "You cannot cancel this PaymentIntent because it has a status of " + status + ". Only a"
                            + " PaymentIntent with one of the following statuses may be canceled: "
                            + String.join(", ", CANCELABLE) + ".", null);
        }
        intent.addProperty("status", "canceled");
        intent.addProperty("canceled_at", clock.instant().getEpochSecond());
        form.value("cancellation_reason").ifPresentOrElse(r -> intent.addProperty("cancellation_reason", r),
                () -> intent.add("cancellation_reason", JsonNull.INSTANCE));
        changes.accept(new Change("payment_intent.canceled", intent.deepCopy(), connected(scope)));
        return Answer.ok(intent.deepCopy());
    }

    /**
     * What a Stripe client SDK (or a server with the secret key) does to pay: confirm with a payment method.
     * Stripe's test methods decide the outcome; the intent moves exactly as {@link #move} moves it, plus what
     * the card attempt leaves behind, and the event is announced like any other API call's.
     */
    private Answer confirmIntent(String scope, String id, FormBody form) {
        Optional<Intent> found = intentIn(scope, id);
        if (found.isEmpty()) {
            return noSuchIntent(id);
        }
        Intent intent = found.get();
        JsonObject json = intent.json();
        Optional<String> named = form.value("payment_method").filter(v -> !v.isEmpty());
        if (named.isPresent() && TestPaymentMethod.byId(named.get()).isEmpty()) {
            return Answer.rejected(400, "invalid_request_error", "resource_missing",
                    "No such PaymentMethod: '" + named.get() + "'", "payment_method");
        }
        String status = json.get("status").getAsString();
        if (!CONFIRMABLE.contains(status)) {
            return unexpectedState(json, status.equals("succeeded")
                    ? "You cannot confirm this PaymentIntent because it has already succeeded after being"
                            + " previously confirmed."
                    : "You cannot confirm this PaymentIntent because it has a status of " + status + ". Only a"
                            + " PaymentIntent with one of the following statuses may be confirmed: "
                            + String.join(", ", CONFIRMABLE) + ".");
        }
        Optional<TestPaymentMethod> card = named.flatMap(TestPaymentMethod::byId)
                .or(() -> Optional.ofNullable(confirmedWith.get(id)));
        if (card.isEmpty()) {
            return unexpectedState(json, "You cannot confirm this PaymentIntent because it's missing a payment"
                    + " method. You can either update the PaymentIntent with a payment method and then confirm it"
                    + " again, or confirm it again directly with a payment method.");
        }
        Optional<String> returnUrl = form.value("return_url").filter(v -> !v.isEmpty());
        if (returnUrl.isEmpty() && allowsRedirects(json)) {
            return Answer.rejected(400, "invalid_request_error", null, "A `return_url` must be specified because"
                    + " this Payment Intent is configured to automatically accept the payment methods enabled in"
                    + " the Dashboard, some of which may require a full page redirect to succeed. If you do not"
                    + " want to accept redirect-based payment methods, set `automatic_payment_methods[enabled]` to"
                    + " `true` and `automatic_payment_methods[allow_redirects]` to `never` when creating Setup"
                    + " Intents and Payment Intents.", null);
        }
        confirmedWith.put(id, card.get());
        IntentMove outcome = card.get().outcome();
        moveTo(json, outcome);
        JsonObject method = cards.paymentMethod(card.get());
        Answer answer = switch (outcome) {
            case FAIL -> cards.declined(json, method);
            case REQUIRE_ACTION -> {
                String token = ids.alphanumeric(24);
                authentications.put(token, new PendingAuthentication(id, returnUrl.orElse(base.toString())));
                cards.needsAuthentication(json, method, token, returnUrl);
                yield Answer.ok(json.deepCopy());
            }
            default -> {
                cards.charged(json, method.get("id").getAsString());
                yield Answer.ok(json.deepCopy());
            }
        };
        changes.accept(changeOf(intent, outcome));
        return answer;
    }

    /** Stripe's default for {@code automatic_payment_methods}: redirects allowed unless asked otherwise. */
    private static boolean allowsRedirects(JsonObject intent) {
        if (!intent.has("automatic_payment_methods") || !intent.get("automatic_payment_methods").isJsonObject()) {
            return false;
        }
        JsonObject automatic = intent.getAsJsonObject("automatic_payment_methods");
        return automatic.get("enabled").getAsBoolean() && !(automatic.has("allow_redirects")
                && automatic.get("allow_redirects").getAsString().equals("never"));
    }

    private static Answer unexpectedState(JsonObject intent, String message) {
        Answer answer = Answer.executedError(400, "invalid_request_error", "payment_intent_unexpected_state",
                message, null);
        answer.body().getAsJsonObject("error").add("payment_intent", intent.deepCopy());
        return answer;
    }

    /**
     * {@code POST /v1/refunds} as Stripe answers it for a card payment in test mode: the refund succeeds at once;
     * {@code refund.created} and {@code charge.refunded} follow. A charge refunds at most its amount.
     */
    private Answer createRefund(String scope, FormBody form) {
        Optional<Answer> invalid = missing(form, "payment_intent");
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String intentId = form.value("payment_intent").orElseThrow();
        Optional<Intent> found = intentIn(scope, intentId);
        if (found.isEmpty()) {
            return Answer.rejected(400, "invalid_request_error", "resource_missing",
                    "No such payment_intent: '" + intentId + "'", "payment_intent");
        }
        JsonObject intent = found.get().json();
        if (!intent.get("status").getAsString().equals("succeeded")) {
            return Answer.executedError(400, "invalid_request_error", "charge_not_refundable", "This PaymentIntent ("
                    + intentId + ") does not have a successful charge to refund.", "payment_intent");
        }
        Optional<String> reason = form.value("reason");
        if (reason.isPresent() && !REFUND_REASONS.contains(reason.get())) {
            return Answer.rejected(400, "invalid_request_error", null, "Invalid reason: must be one of "
                    + String.join(", ", REFUND_REASONS), "reason");
        }
        long charged = intent.get("amount_received").getAsLong();
        long refunded = refundedOn(intentId);
        long unrefunded = charged - refunded;
        Optional<Long> asked = form.value("amount").map(StripeApi::integer).orElse(Optional.of(unrefunded));
        if (asked.isEmpty() || asked.get() < 1) {
            return invalidInteger("amount", form);
        }
        if (unrefunded == 0) {
            return Answer.executedError(400, "invalid_request_error", "charge_already_refunded", "Charge "
                    + chargeIdOf(intent) + " has already been refunded.", null);
        }
        if (asked.get() > unrefunded) {
            return Answer.executedError(400, "invalid_request_error", null, "Refund amount (" + asked.get()
                    + ") is greater than unrefunded amount on charge (" + unrefunded + ")", "amount");
        }
        JsonObject refund = newRefund(intent, asked.get(), reason, metadata(form));
        refunds.put(refund.get("id").getAsString(), new StoredRefund(scope, refund));
        changes.accept(new Change("refund.created", refund.deepCopy(), connected(scope)));
        changes.accept(new Change("charge.refunded", chargeOf(intent), connected(scope)));
        return Answer.ok(refund.deepCopy());
    }

    private JsonObject newRefund(JsonObject intent, long amount, Optional<String> reason, JsonObject metadata) {
        JsonObject refund = fixtures.example("refund");
        refund.addProperty("id", "re_" + ids.alphanumeric(24));
        refund.addProperty("amount", amount);
        refund.addProperty("charge", chargeIdOf(intent));
        refund.addProperty("currency", intent.get("currency").getAsString());
        refund.addProperty("created", clock.instant().getEpochSecond());
        refund.addProperty("payment_intent", intent.get("id").getAsString());
        reason.ifPresentOrElse(r -> refund.addProperty("reason", r), () -> refund.add("reason", JsonNull.INSTANCE));
        refund.addProperty("status", "succeeded");
        refund.add("metadata", metadata);
        return refund;
    }

    private long refundedOn(String intentId) {
        return refunds.values().stream()
                .filter(r -> r.json().get("payment_intent").getAsString().equals(intentId))
                .filter(r -> !Set.of("failed", "canceled").contains(r.json().get("status").getAsString()))
                .mapToLong(r -> r.json().get("amount").getAsLong()).sum();
    }

    /** The intent's charge, with what has been refunded of it; {@code refunds} is no longer embedded by default. */
    private JsonObject chargeOf(JsonObject intent) {
        JsonObject charge = fixtures.example("charge");
        long refunded = refundedOn(intent.get("id").getAsString());
        charge.addProperty("id", chargeIdOf(intent));
        charge.addProperty("amount", intent.get("amount").getAsLong());
        charge.addProperty("amount_captured", intent.get("amount_received").getAsLong());
        charge.addProperty("amount_refunded", refunded);
        charge.addProperty("refunded", refunded == intent.get("amount_received").getAsLong());
        charge.addProperty("currency", intent.get("currency").getAsString());
        charge.addProperty("payment_intent", intent.get("id").getAsString());
        charge.addProperty("created", intent.get("created").getAsLong());
        charge.addProperty("livemode", false);
        charge.remove("refunds");
        return charge;
    }

    private String chargeIdOf(JsonObject intent) {
        if (intent.has("latest_charge") && intent.get("latest_charge").isJsonPrimitive()) {
            return intent.get("latest_charge").getAsString();
        }
        String charge = "ch_" + ids.alphanumeric(24);
        intent.addProperty("latest_charge", charge);
        return charge;
    }

    private Answer createAccount(FormBody form) {
        Optional<Answer> invalid = missing(form, "type");
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String type = form.value("type").orElseThrow();
        if (!ACCOUNT_TYPES.contains(type)) {
            return Answer.rejected(400, "invalid_request_error", null, "Invalid type: must be one of "
                    + String.join(", ", ACCOUNT_TYPES), "type");
        }
        List<String> capabilities = new ArrayList<>();
        form.flat().forEach((key, value) -> {
            Matcher m = Pattern.compile("capabilities\\[([a-z_]+)\\]\\[requested\\]").matcher(key);
            if (m.matches() && value.equals("true")) {
                capabilities.add(m.group(1));
            }
        });
        JsonObject account = newAccount(type, capabilities, metadata(form));
        return Answer.ok(account.deepCopy());
    }

    private JsonObject newAccount(String type, List<String> capabilities, JsonObject metadata) {
        String id = "acct_" + ids.alphanumeric(16);
        JsonObject account = fixtures.example("account");
        account.addProperty("id", id);
        account.addProperty("type", type);
        account.addProperty("created", clock.instant().getEpochSecond());
        account.addProperty("charges_enabled", false);
        account.addProperty("payouts_enabled", false);
        account.addProperty("details_submitted", false);
        account.add("email", JsonNull.INSTANCE);
        JsonObject controller = new JsonObject();
        controller.addProperty("type", "application");
        controller.addProperty("is_controller", true);
        account.add("controller", controller);
        JsonObject capabilityStates = new JsonObject();
        capabilities.forEach(c -> capabilityStates.addProperty(c, "inactive"));
        account.add("capabilities", capabilityStates);
        account.add("metadata", metadata);
        account.getAsJsonObject("external_accounts").addProperty("url", "/v1/accounts/" + id + "/external_accounts");
        accounts.put(id, account);
        return account;
    }

    private Answer createAccountLink(FormBody form) {
        Optional<Answer> invalid = missing(form, "account", "refresh_url", "return_url", "type");
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String account = form.value("account").orElseThrow();
        if (!accounts.containsKey(account)) {
            return Answer.rejected(400, "invalid_request_error", "resource_missing",
                    "No such account: '" + account + "'", "account");
        }
        if (!LINK_TYPES.contains(form.value("type").orElseThrow())) {
            return Answer.rejected(400, "invalid_request_error", null, "Invalid type: must be one of "
                    + String.join(", ", LINK_TYPES), "type");
        }
        String token = ids.alphanumeric(12);
        links.put(token, new LinkTarget(account, form.value("return_url").orElseThrow()));
        long now = clock.instant().getEpochSecond();
        JsonObject link = fixtures.example("account_link");
        link.addProperty("created", now);
        link.addProperty("expires_at", now + 300);
        link.addProperty("url", base.resolve("/setup/s/" + account + "/" + token).toString());
        return Answer.ok(link);
    }

    // ---- what tests (and the onboarding page) do to Stripe's state directly ----

    synchronized String createAccount(boolean chargesEnabled) {
        JsonObject account = newAccount("express", List.of("card_payments", "transfers"), new JsonObject());
        String id = account.get("id").getAsString();
        if (chargesEnabled) {
            completeOnboarding(id);
        }
        return id;
    }

    /** The account finished onboarding: it can take charges; the snapshot Stripe sends in account.updated. */
    synchronized Optional<JsonObject> completeOnboarding(String id) {
        JsonObject account = accounts.get(id);
        if (account == null) {
            return Optional.empty();
        }
        account.addProperty("charges_enabled", true);
        account.addProperty("payouts_enabled", true);
        account.addProperty("details_submitted", true);
        JsonObject capabilities = account.getAsJsonObject("capabilities");
        capabilities.keySet().forEach(c -> capabilities.addProperty(c, "active"));
        JsonObject requirements = account.getAsJsonObject("requirements");
        requirements.add("currently_due", new JsonArray());
        requirements.add("eventually_due", new JsonArray());
        requirements.add("disabled_reason", JsonNull.INSTANCE);
        return Optional.of(account.deepCopy());
    }

    synchronized Optional<LinkTarget> link(String account, String token) {
        LinkTarget target = links.get(token);
        return target != null && target.account().equals(account) ? Optional.of(target) : Optional.empty();
    }

    synchronized Optional<Change> move(String intentId, IntentMove move) {
        Intent intent = intents.get(intentId);
        if (intent == null) {
            return Optional.empty();
        }
        JsonObject json = intent.json();
        String status = json.get("status").getAsString();
        if (status.equals("succeeded") || status.equals("canceled")) {
            throw new IllegalStateException(intentId + " is " + status + " and cannot " + move);
        }
        moveTo(json, move);
        return Optional.of(changeOf(intent, move));
    }

    /**
     * The customer finished the hosted 3D Secure page of a confirm: the payment goes through, as with
     * {@link #move}. Empty for an unknown token or one already used.
     */
    synchronized Optional<Authenticated> authenticate(String token) {
        PendingAuthentication pending = authentications.remove(token);
        if (pending == null) {
            return Optional.empty();
        }
        Intent intent = intents.get(pending.intentId());
        if (!intent.json().get("status").getAsString().equals("requires_action")) {
            return Optional.empty();
        }
        moveTo(intent.json(), IntentMove.SUCCEED);
        cards.charged(intent.json(), intent.json().get("payment_method").getAsString());
        return Optional.of(new Authenticated(changeOf(intent, IntentMove.SUCCEED), pending.returnUrl()));
    }

    /** What a move does to the intent's own fields, whoever caused it (a test, a confirm, a 3D Secure page). */
    private void moveTo(JsonObject json, IntentMove move) {
        json.addProperty("status", move.status());
        long amount = json.get("amount").getAsLong();
        switch (move) {
            case SUCCEED -> json.addProperty("amount_received", amount);
            case AUTHORIZE -> json.addProperty("amount_capturable", amount);
            case FAIL -> json.add("last_payment_error", Answer.errorBody("card_error", "card_declined",
                    "Your card was declined.", null).getAsJsonObject("error"));
            case CANCEL -> json.addProperty("canceled_at", clock.instant().getEpochSecond());
            default -> { }
        }
    }

    private static Change changeOf(Intent intent, IntentMove move) {
        return new Change(move.eventType(), intent.json().deepCopy(), connected(intent.scope()));
    }

    /**
     * A refund made on Stripe's dashboard, not through Amba: no Amba metadata. Empty for an unknown intent;
     * refused (IllegalStateException) when the charge has too little left.
     */
    synchronized List<Change> refundOnDashboard(String intentId, long amount) {
        Intent intent = intents.get(intentId);
        if (intent == null) {
            return List.of();
        }
        if (!intent.json().get("status").getAsString().equals("succeeded")
                || amount > intent.json().get("amount_received").getAsLong() - refundedOn(intentId)) {
            throw new IllegalStateException(intentId + " has no " + amount + " left to refund");
        }
        JsonObject refund = newRefund(intent.json(), amount, Optional.of("requested_by_customer"), new JsonObject());
        refunds.put(refund.get("id").getAsString(), new StoredRefund(intent.scope(), refund));
        return List.of(new Change("refund.created", refund.deepCopy(), connected(intent.scope())),
                new Change("charge.refunded", chargeOf(intent.json()), connected(intent.scope())));
    }

    /** Snapshots of every refund of the intent, as {@code eventType} would carry them (for replaying webhooks). */
    synchronized List<Change> refundSnapshots(String eventType, String intentId) {
        return refunds.values().stream()
                .filter(r -> r.json().get("payment_intent").getAsString().equals(intentId))
                .map(r -> new Change(eventType, r.json().deepCopy(), connected(r.scope())))
                .toList();
    }

    synchronized List<String> refundIdsOf(String intentId) {
        return refunds.entrySet().stream()
                .filter(e -> e.getValue().json().get("payment_intent").getAsString().equals(intentId))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * The customer disputes the charge, or the dispute moves: {@code charge.dispute.created} for the first,
     * {@code .closed} for won or lost, {@code .updated} otherwise. Statuses are Stripe's (needs_response,
     * under_review, won, lost).
     */
    synchronized Optional<Change> dispute(String intentId, String status) {
        Intent intent = intents.get(intentId);
        if (intent == null) {
            return Optional.empty();
        }
        JsonObject existing = disputes.get(intentId);
        String type = existing == null ? "charge.dispute.created"
                : Set.of("won", "lost").contains(status) ? "charge.dispute.closed" : "charge.dispute.updated";
        JsonObject dispute = existing != null ? existing : fixtures.example("dispute");
        if (existing == null) {
            dispute.addProperty("id", "dp_" + ids.alphanumeric(24));
            dispute.addProperty("amount", intent.json().get("amount").getAsLong());
            dispute.addProperty("currency", intent.json().get("currency").getAsString());
            dispute.addProperty("charge", chargeIdOf(intent.json()));
            dispute.addProperty("payment_intent", intentId);
            dispute.addProperty("created", clock.instant().getEpochSecond());
            dispute.addProperty("livemode", false);
            dispute.addProperty("reason", "fraudulent");
            disputes.put(intentId, dispute);
        }
        dispute.addProperty("status", status);
        return Optional.of(new Change(type, dispute.deepCopy(), connected(intent.scope())));
    }

    synchronized Optional<JsonObject> paymentIntent(String id) {
        return Optional.ofNullable(intents.get(id)).map(intent -> intent.json().deepCopy());
    }

    synchronized List<String> paymentIntentIdsOn(String account) {
        return intents.entrySet().stream().filter(e -> e.getValue().scope().equals(account)).map(Map.Entry::getKey)
                .toList();
    }

    synchronized Optional<JsonObject> account(String id) {
        return Optional.ofNullable(accounts.get(id)).map(JsonObject::deepCopy);
    }

    synchronized Optional<Change> intentSnapshot(String eventType, String intentId) {
        Intent intent = intents.get(intentId);
        return intent == null ? Optional.empty()
                : Optional.of(new Change(eventType, intent.json().deepCopy(), connected(intent.scope())));
    }

    // ---- helpers ----

    private Optional<Intent> intentIn(String scope, String id) {
        Intent intent = intents.get(id);
        return intent != null && intent.scope().equals(scope) ? Optional.of(intent) : Optional.empty();
    }

    private static Optional<String> connected(String scope) {
        return scope.equals(PLATFORM) ? Optional.empty() : Optional.of(scope);
    }

    /** Stripe's limits on an object's metadata: 50 keys, keys up to 40 characters, values up to 500. */
    private static Optional<Answer> metadataRules(FormBody form) {
        Map<String, String> metadata = form.nested("metadata");
        if (metadata.size() > 50) {
            return Optional.of(Answer.rejected(400, "invalid_request_error", null, "Invalid metadata: metadata can"
                    + " have up to 50 keys, but you passed in " + metadata.size() + " keys.", "metadata"));
        }
        for (Map.Entry<String, String> pair : metadata.entrySet()) {
            if (pair.getKey().codePointCount(0, pair.getKey().length()) > 40) {
                return Optional.of(Answer.rejected(400, "invalid_request_error", null,
                        "Invalid metadata: keys can be a maximum of 40 characters.", "metadata"));
            }
            if (pair.getValue().codePointCount(0, pair.getValue().length()) > 500) {
                return Optional.of(Answer.rejected(400, "invalid_request_error", null,
                        "Invalid metadata: values can be a maximum of 500 characters.", "metadata"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Answer> descriptionRules(FormBody form) {
        return form.value("description").filter(d -> d.codePointCount(0, d.length()) > 1000)
                .map(d -> Answer.rejected(400, "invalid_request_error", null,
                        "Invalid string: " + d.substring(0, 10) + "...; must be at most 1000 characters", "description"));
    }

    private static JsonObject metadata(FormBody form) {
        JsonObject metadata = new JsonObject();
        form.nested("metadata").forEach(metadata::addProperty);
        return metadata;
    }

    private static Optional<Answer> missing(FormBody form, String... required) {
        for (String param : required) {
            if (form.value(param).filter(v -> !v.isEmpty()).isEmpty()) {
                return Optional.of(Answer.rejected(400, "invalid_request_error", "parameter_missing",
                        "Missing required param: " + param + ".", param));
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> integer(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Answer invalidInteger(String param, FormBody form) {
        return Answer.rejected(400, "invalid_request_error", "parameter_invalid_integer",
                "Invalid integer: " + form.value(param).orElse(""), param);
    }

    private static Answer noSuchIntent(String id) {
        return Answer.rejected(404, "invalid_request_error", "resource_missing",
                "No such payment_intent: '" + id + "'", "intent");
    }

    private static Answer accountInvalid(String account) {
        return Answer.rejected(403, "invalid_request_error", "account_invalid", "The provided key 'sk_test_********'"
                + " does not have access to account '" + account + "' (or that account does not exist)."
                + " Application access may have been revoked.", null);
    }
}
