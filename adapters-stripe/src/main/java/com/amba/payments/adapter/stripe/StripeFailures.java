package com.amba.payments.adapter.stripe;

import com.amba.payments.domain.model.ProviderFailure;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Stripe error into Amba's words. The order matters: "may or may not have happened" (network,
 * timeout, 409, 429, 5xx) is decided first, because only an idempotent retry can settle it.
 */
final class StripeFailures {

    private static final Set<String> AMOUNT_CODES = Set.of("amount_too_small", "amount_too_large");
    private static final String INVALID_CHARGE_AMOUNT = "invalid_charge_amount";

    /** Stripe-Account names an account that does not exist or is not connected to this platform. */
    private static final String ACCOUNT_INVALID = "account_invalid";
    private static final String RESOURCE_MISSING = "resource_missing";
    private static final String UNEXPECTED_STATE = "payment_intent_unexpected_state";

    /** Stripe's refusals of a refund: nothing left to give back, or not from where the charge stands. */
    private static final String ALREADY_REFUNDED = "charge_already_refunded";
    private static final String MORE_THAN_UNREFUNDED = "greater than unrefunded amount";
    private static final Set<String> NOT_REFUNDABLE_CODES = Set.of("charge_disputed", "charge_not_refundable");

    /**
     * Stripe answers a charge on an account that cannot take charges yet without a dedicated error code; its
     * messages are stable and name the missing capability ("…without the `card_payments` capability
     * enabled") or the disabled account ("This Connect account cannot currently make live charges").
     */
    private static final Set<String> NOT_READY_PHRASES = Set.of(
            "card_payments` capability", "cannot currently make live charges", "cannot currently make test charges",
            "charges_enabled");

    private StripeFailures() {
    }

    static ProviderFailure of(StripeException e) {
        int status = e.getStatusCode() == null ? 0 : e.getStatusCode();
        String code = codeOf(e);
        String message = messageOf(e);
        String requestId = Optional.ofNullable(e.getRequestId()).orElse("none");
        String detail = describe(status, code, message, requestId);

        if (e instanceof ApiConnectionException) {
            return new ProviderFailure.Unavailable("no answer from Stripe (connection failed or timed out): "
                    + message);
        }
        // Before the credential checks: Stripe answers an unknown Stripe-Account with 403, and stripe-java's
        // PermissionException is a kind of AuthenticationException, yet the key is fine; the account is not.
        if (ACCOUNT_INVALID.equals(code)) {
            return new ProviderFailure.NotFound("the connected account is unknown to this platform: " + detail);
        }
        if (e instanceof PermissionException || status == 403) {
            return new ProviderFailure.Misconfigured("the platform secret key lacks a permission: " + detail);
        }
        if (e instanceof AuthenticationException || status == 401) {
            return new ProviderFailure.Misconfigured("Stripe refused the platform secret key: " + detail);
        }
        // ApiException is stripe-java's word for a 5xx, an unexpected status or an answer it could not read.
        if (e instanceof RateLimitException || e instanceof ApiException
                || status == 409 || status == 429 || status >= 500) {
            return new ProviderFailure.Unavailable("Stripe could not take the request now: " + detail);
        }
        if (ALREADY_REFUNDED.equals(code) || message.contains(MORE_THAN_UNREFUNDED)) {
            return new ProviderFailure.AmountRejected(code + ": " + message);
        }
        if (NOT_REFUNDABLE_CODES.contains(code)) {
            return new ProviderFailure.UnexpectedState(code + ": " + message);
        }
        if (AMOUNT_CODES.contains(code) || code.startsWith(INVALID_CHARGE_AMOUNT)) {
            return new ProviderFailure.AmountRejected(code + ": " + message);
        }
        if (isAccountNotReady(message)) {
            return new ProviderFailure.AccountNotReady(detail);
        }
        if (RESOURCE_MISSING.equals(code) || status == 404) {
            return new ProviderFailure.NotFound(detail);
        }
        if (UNEXPECTED_STATE.equals(code)) {
            return new ProviderFailure.UnexpectedState(message);
        }
        return new ProviderFailure.Refused(requestId, detail);
    }

    private static boolean isAccountNotReady(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return NOT_READY_PHRASES.stream().anyMatch(lower::contains);
    }

    /** Not every stripe-java exception copies the code out of the error body (PermissionException does not). */
    private static String codeOf(StripeException e) {
        if (e.getCode() != null) {
            return e.getCode();
        }
        return e.getStripeError() != null && e.getStripeError().getCode() != null ? e.getStripeError().getCode() : "";
    }

    /** Stripe's own sentence when it sent one; stripe-java's message (with code and request id) otherwise. */
    private static String messageOf(StripeException e) {
        String message = e.getStripeError() != null && e.getStripeError().getMessage() != null
                ? e.getStripeError().getMessage() : e.getMessage();
        return SecretRedaction.redact(message);
    }

    private static String describe(int status, String code, String message, String requestId) {
        return "HTTP " + status + (code.isEmpty() ? "" : " " + code) + ": " + message + " (request " + requestId + ")";
    }
}
