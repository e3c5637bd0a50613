package com.amba.payments.adapter.http.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every error code the API answers, with its HTTP status and an example message, as the document shows them.
 * The statuses agree with {@code ErrorResponses} (a test holds them together); this table only describes.
 */
public final class ErrorCodes {

    record Code(int status, String example) {
    }

    private static final Map<String, Code> CODES = new LinkedHashMap<>();

    static {
        code("INVALID_API_KEY", 401, "X-Api-Key is missing, unknown or revoked");
        code("INVALID_ADMIN_TOKEN", 401, "Authorization: Bearer <admin token> is missing or wrong");
        code("SERVER_KEY_REQUIRED", 403, "creating a payment needs a server key; call this from your backend");
        code("INVALID_BODY", 400, "unknown field(s) application_fee; allowed: amount, currency, ...");
        code("INVALID_AMOUNT", 400, "amount must be a JSON integer from 1 to 99999999");
        code("INVALID_CURRENCY", 400, "currency must be 3 lowercase letters of a currency Stripe charges in");
        code("INVALID_FEE", 400, "platform_fee_bps must be a JSON integer from 0 to 10000");
        code("NO_PLATFORM_FEE", 400, "no platform fee: send application_fee_amount or platform_fee_bps, or set a default fee");
        code("FEE_EXCEEDS_AMOUNT", 400, "application fee 1000 must be less than the amount 1000");
        code("INVALID_IDEMPOTENCY_KEY", 400, "Idempotency-Key must be 1 to 255 printable ASCII characters");
        code("INVALID_QUERY", 400, "limit must be a whole number from 1 to 100");
        code("INVALID_SIGNATURE", 400, "Stripe-Signature is missing or does not match the payload");
        code("PAYMENT_NOT_FOUND", 404, "no payment with that id for this project");
        code("PROJECT_NOT_FOUND", 404, "no project with that id");
        code("API_KEY_NOT_FOUND", 404, "no API key with that id in this project");
        code("ACCOUNT_NOT_FOUND", 404, "no connected account with that id");
        code("WEBHOOK_ENDPOINT_NOT_FOUND", 404, "no webhook endpoint with that id in this project");
        code("WEBHOOK_DELIVERY_NOT_FOUND", 404, "no delivery with that id for this endpoint");
        code("NOT_FOUND", 404, "no route GET /nowhere");
        code("METHOD_NOT_ALLOWED", 405, "PATCH is not allowed on /client/payments/intents");
        code("PAYMENTS_NOT_SET_UP", 409, "payments are not set up for this project: it has no connected account");
        code("PAYMENTS_NOT_READY", 409, "onboarding is not complete: the connected account cannot take charges yet");
        code("CLIENT_REFERENCE_CONFLICT", 409,
                "client_reference was already used for a different request (amount, currency or fee)");
        code("IDEMPOTENCY_KEY_REUSED", 409,
                "Idempotency-Key was already used for a different request; use a new key for a new request");
        code("ACCOUNT_ALREADY_ATTACHED", 409, "the project already has a connected account");
        code("PAYMENT_INTENT_UNEXPECTED_STATE", 409, "the intent cannot take that action in its current state");
        code("REFUND_NOT_FOUND", 404, "no refund with that id");
        code("PAYMENT_NOT_REFUNDABLE", 409, "only a succeeded payment can be refunded; this one is processing");
        code("PAYMENT_NOT_CANCELABLE", 409, "a payment that is succeeded cannot be canceled; refund it instead");
        code("REFUND_EXCEEDS_AMOUNT", 400, "amount 600 is more than the 500 still refundable on this payment");
        code("BODY_TOO_LARGE", 413, "a webhook body must be at most 1 MiB");
        code("INTERNAL_ERROR", 500, "something went wrong on our side; the request id names it");
        code("PAYMENT_PROVIDER_UNAVAILABLE", 502, "the payment provider is temporarily unavailable; retry");
        code("PAYMENTS_NOT_ENABLED", 503, "Amba Payments is not enabled on this platform yet");
        code("CONTROL_PLANE_UNAVAILABLE", 503, "could not read platform or payment state; retry");
        code("OVERLOADED", 503, "too many payments are being created right now; retry after a moment");
        code("NOT_READY", 503, "not ready: database");
    }

    private ErrorCodes() {
    }

    private static void code(String code, int status, String example) {
        CODES.put(code, new Code(status, example));
    }

    /** The HTTP status the API answers the code with. */
    public static int statusOf(String code) {
        Code known = CODES.get(code);
        if (known == null) {
            throw new IllegalArgumentException("no such error code in the API description: " + code);
        }
        return known.status();
    }

    static String exampleOf(String code) {
        statusOf(code);
        return CODES.get(code).example();
    }

    /** Every code the document knows. */
    public static Map<String, Integer> all() {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        CODES.forEach((code, described) -> statuses.put(code, described.status()));
        return statuses;
    }
}
