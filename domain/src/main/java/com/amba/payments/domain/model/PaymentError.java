package com.amba.payments.domain.model;

/**
 * Every failure a caller of Amba can see, by its code. The HTTP adapter alone knows the status codes.
 */
public sealed interface PaymentError {

    String code();

    String message();

    record InvalidApiKey() implements PaymentError {
        public String code() { return "INVALID_API_KEY"; }
        public String message() { return "X-Api-Key is missing, unknown or revoked"; }
    }

    record ServerKeyRequired() implements PaymentError {
        public String code() { return "SERVER_KEY_REQUIRED"; }
        public String message() { return "creating a payment needs a server key; call this from your backend"; }
    }

    record PaymentsNotEnabled() implements PaymentError {
        public String code() { return "PAYMENTS_NOT_ENABLED"; }
        public String message() { return "Amba Payments is not enabled on this platform yet"; }
    }

    record InvalidBody(String message) implements PaymentError {
        public String code() { return "INVALID_BODY"; }
    }

    record InvalidAmount(String message) implements PaymentError {
        public String code() { return "INVALID_AMOUNT"; }
    }

    record InvalidCurrency(String message) implements PaymentError {
        public String code() { return "INVALID_CURRENCY"; }
    }

    record InvalidFee(String message) implements PaymentError {
        public String code() { return "INVALID_FEE"; }
    }

    record PaymentsNotSetUp() implements PaymentError {
        public String code() { return "PAYMENTS_NOT_SET_UP"; }
        public String message() { return "payments are not set up for this project: it has no connected account"; }
    }

    record PaymentsNotReady() implements PaymentError {
        public String code() { return "PAYMENTS_NOT_READY"; }
        public String message() { return "onboarding is not complete: the connected account cannot take charges yet"; }
    }

    record NoPlatformFee() implements PaymentError {
        public String code() { return "NO_PLATFORM_FEE"; }
        public String message() {
            return "no platform fee: send application_fee_amount or platform_fee_bps, or set a default fee";
        }
    }

    record FeeExceedsAmount(long fee, long amount) implements PaymentError {
        public String code() { return "FEE_EXCEEDS_AMOUNT"; }
        public String message() {
            return "application fee " + fee + " must be less than the amount " + amount;
        }
    }

    record InvalidIdempotencyKey() implements PaymentError {
        public String code() { return "INVALID_IDEMPOTENCY_KEY"; }
        public String message() { return "Idempotency-Key must be 1 to 255 printable ASCII characters"; }
    }

    record IdempotencyKeyReused() implements PaymentError {
        public String code() { return "IDEMPOTENCY_KEY_REUSED"; }
        public String message() {
            return "Idempotency-Key was already used for a different request; use a new key for a new request";
        }
    }

    record ClientReferenceConflict() implements PaymentError {
        public String code() { return "CLIENT_REFERENCE_CONFLICT"; }
        public String message() {
            return "client_reference was already used for a different request (amount, currency or fee)";
        }
    }

    record PaymentProviderUnavailable() implements PaymentError {
        public String code() { return "PAYMENT_PROVIDER_UNAVAILABLE"; }
        public String message() { return "the payment provider is temporarily unavailable; retry"; }
    }

    record ControlPlaneUnavailable() implements PaymentError {
        public String code() { return "CONTROL_PLANE_UNAVAILABLE"; }
        public String message() { return "could not read platform or payment state; retry"; }
    }

    /** More creates are in flight on this instance than it admits; refused before any work, retry shortly. */
    record Overloaded() implements PaymentError {
        public String code() { return "OVERLOADED"; }
        public String message() { return "too many payments are being created right now; retry after a moment"; }
    }

    record PaymentNotFound() implements PaymentError {
        public String code() { return "PAYMENT_NOT_FOUND"; }
        public String message() { return "no payment with that id for this project"; }
    }

    record InvalidAdminToken() implements PaymentError {
        public String code() { return "INVALID_ADMIN_TOKEN"; }
        public String message() { return "Authorization: Bearer <admin token> is missing or wrong"; }
    }

    record ProjectNotFound() implements PaymentError {
        public String code() { return "PROJECT_NOT_FOUND"; }
        public String message() { return "no project with that id"; }
    }

    record ApiKeyNotFound() implements PaymentError {
        public String code() { return "API_KEY_NOT_FOUND"; }
        public String message() { return "no API key with that id in this project"; }
    }

    record AccountNotFound() implements PaymentError {
        public String code() { return "ACCOUNT_NOT_FOUND"; }
        public String message() { return "no connected account with that id"; }
    }

    record AccountAlreadyAttached(String message) implements PaymentError {
        public String code() { return "ACCOUNT_ALREADY_ATTACHED"; }
    }

    record UnexpectedPaymentState(String message) implements PaymentError {
        public String code() { return "PAYMENT_INTENT_UNEXPECTED_STATE"; }
    }

    record WebhookEndpointNotFound() implements PaymentError {
        public String code() { return "WEBHOOK_ENDPOINT_NOT_FOUND"; }
        public String message() { return "no webhook endpoint with that id in this project"; }
    }

    record WebhookDeliveryNotFound() implements PaymentError {
        public String code() { return "WEBHOOK_DELIVERY_NOT_FOUND"; }
        public String message() { return "no delivery with that id for this endpoint"; }
    }

    record InvalidSignature() implements PaymentError {
        public String code() { return "INVALID_SIGNATURE"; }
        public String message() { return "Stripe-Signature is missing or does not match the payload"; }
    }

    record InvalidQuery(String message) implements PaymentError {
        public String code() { return "INVALID_QUERY"; }
    }

    record PaymentNotRefundable(PaymentStatus status) implements PaymentError {
        public String code() { return "PAYMENT_NOT_REFUNDABLE"; }
        public String message() { return "only a succeeded payment can be refunded; this one is " + status; }
    }

    record RefundExceedsAmount(long requested, long refundable) implements PaymentError {
        public String code() { return "REFUND_EXCEEDS_AMOUNT"; }
        public String message() {
            return "amount " + requested + " is more than the " + refundable + " still refundable on this payment";
        }
    }

    record PaymentNotCancelable(PaymentStatus status) implements PaymentError {
        public String code() { return "PAYMENT_NOT_CANCELABLE"; }
        public String message() {
            return "a payment that is " + status + " cannot be canceled"
                    + (status == PaymentStatus.SUCCEEDED ? "; refund it instead" : "");
        }
    }

    record RefundNotFound() implements PaymentError {
        public String code() { return "REFUND_NOT_FOUND"; }
        public String message() { return "no refund with that id"; }
    }
}
