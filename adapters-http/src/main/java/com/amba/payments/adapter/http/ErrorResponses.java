package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.PaymentError;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The error envelope, and the one place that knows which HTTP status each domain error is. */
final class ErrorResponses {

    static final String RETRY_AFTER = "Retry-After";
    static final String PROVIDER_RETRY_AFTER_SECONDS = "2";
    static final String SERVICE_RETRY_AFTER_SECONDS = "1";

    private ErrorResponses() {
    }

    static int status(PaymentError error) {
        return switch (error) {
            case PaymentError.InvalidApiKey e -> 401;
            case PaymentError.InvalidAdminToken e -> 401;
            case PaymentError.ServerKeyRequired e -> 403;
            case PaymentError.InvalidBody e -> 400;
            case PaymentError.InvalidAmount e -> 400;
            case PaymentError.InvalidCurrency e -> 400;
            case PaymentError.InvalidFee e -> 400;
            case PaymentError.NoPlatformFee e -> 400;
            case PaymentError.FeeExceedsAmount e -> 400;
            case PaymentError.InvalidQuery e -> 400;
            case PaymentError.InvalidIdempotencyKey e -> 400;
            case PaymentError.IdempotencyKeyReused e -> 409;
            case PaymentError.InvalidSignature e -> 400;
            case PaymentError.PaymentNotFound e -> 404;
            case PaymentError.ProjectNotFound e -> 404;
            case PaymentError.ApiKeyNotFound e -> 404;
            case PaymentError.AccountNotFound e -> 404;
            case PaymentError.WebhookEndpointNotFound e -> 404;
            case PaymentError.WebhookDeliveryNotFound e -> 404;
            case PaymentError.PaymentsNotSetUp e -> 409;
            case PaymentError.PaymentsNotReady e -> 409;
            case PaymentError.ClientReferenceConflict e -> 409;
            case PaymentError.AccountAlreadyAttached e -> 409;
            case PaymentError.UnexpectedPaymentState e -> 409;
            case PaymentError.RefundExceedsAmount e -> 400;
            case PaymentError.RefundNotFound e -> 404;
            case PaymentError.PaymentNotRefundable e -> 409;
            case PaymentError.PaymentNotCancelable e -> 409;
            case PaymentError.PaymentProviderUnavailable e -> 502;
            case PaymentError.PaymentsNotEnabled e -> 503;
            case PaymentError.ControlPlaneUnavailable e -> 503;
            case PaymentError.Overloaded e -> 503;
        };
    }

    /** 502 and 503 tell the caller when to come back (SPEC §3). */
    static Optional<String> retryAfter(int status) {
        return switch (status) {
            case 502 -> Optional.of(PROVIDER_RETRY_AFTER_SECONDS);
            case 503 -> Optional.of(SERVICE_RETRY_AFTER_SECONDS);
            default -> Optional.empty();
        };
    }

    static void send(RoutingContext ctx, PaymentError error) {
        send(ctx, status(error), error.code(), error.message());
    }

    static void send(RoutingContext ctx, int status, String code, String message) {
        send(ctx, status, envelope(code, message));
    }

    static void send(RoutingContext ctx, int status, JsonObject envelope) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        retryAfter(status).ifPresent(seconds -> ctx.response().putHeader(RETRY_AFTER, seconds));
        Replies.json(ctx, status, envelope);
    }

    static JsonObject envelope(String code, String message) {
        return new JsonObject().put("error", new JsonObject().put("code", code).put("message", message));
    }
}
