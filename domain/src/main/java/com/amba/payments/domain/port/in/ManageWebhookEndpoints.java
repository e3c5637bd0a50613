package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.WebhookDelivery;
import com.amba.payments.domain.model.WebhookEndpoint;
import java.util.List;
import java.util.Optional;

/** The platform owner manages a project's webhook endpoints and looks at their deliveries (SPEC §12). */
public interface ManageWebhookEndpoints {

    /**
     * An endpoint with the secret it signs with: the only moment that secret is shown. A replay of the create (the
     * same Idempotency-Key and request) answers the same endpoint without it.
     */
    record EndpointWithSecret(WebhookEndpoint endpoint, Optional<String> signingSecret) {
        public EndpointWithSecret(WebhookEndpoint endpoint, String signingSecret) {
            this(endpoint, Optional.of(signingSecret));
        }

        public static EndpointWithSecret replayOf(WebhookEndpoint endpoint) {
            return new EndpointWithSecret(endpoint, Optional.empty());
        }

        @Override
        public String toString() {
            return "EndpointWithSecret[" + endpoint.id() + ", whsec_…]";
        }
    }

    /**
     * {@code {"url", "events": [...] | ["*"]}}, with the caller's {@code Idempotency-Key} header as sent (empty
     * when it sent none).
     */
    Result<EndpointWithSecret, PaymentError> create(String projectId, Optional<String> idempotencyKey,
                                                    RequestBody body);

    default Result<EndpointWithSecret, PaymentError> create(String projectId, RequestBody body) {
        return create(projectId, Optional.empty(), body);
    }

    Result<List<WebhookEndpoint>, PaymentError> list(String projectId);

    Result<Void, PaymentError> delete(String projectId, String endpointId);

    /** A new secret; the old one keeps signing beside it for 24 h. */
    Result<EndpointWithSecret, PaymentError> rotateSecret(String projectId, String endpointId);

    /** Newest first. */
    Result<List<WebhookDelivery>, PaymentError> deliveries(String projectId, String endpointId);

    /** Due at once, whatever its state was. */
    Result<WebhookDelivery, PaymentError> retry(String projectId, String endpointId, String deliveryId);
}
