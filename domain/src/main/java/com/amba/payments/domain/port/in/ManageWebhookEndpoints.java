package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.WebhookDelivery;
import com.amba.payments.domain.model.WebhookEndpoint;
import java.util.List;

/** The platform owner manages a project's webhook endpoints and looks at their deliveries (SPEC §12). */
public interface ManageWebhookEndpoints {

    /** An endpoint with the secret it signs with: the only moment that secret is shown. */
    record EndpointWithSecret(WebhookEndpoint endpoint, String signingSecret) {
        @Override
        public String toString() {
            return "EndpointWithSecret[" + endpoint.id() + ", whsec_…]";
        }
    }

    /** {@code {"url", "events": [...] | ["*"]}}. */
    Result<EndpointWithSecret, PaymentError> create(String projectId, RequestBody body);

    Result<List<WebhookEndpoint>, PaymentError> list(String projectId);

    Result<Void, PaymentError> delete(String projectId, String endpointId);

    /** A new secret; the old one keeps signing beside it for 24 h. */
    Result<EndpointWithSecret, PaymentError> rotateSecret(String projectId, String endpointId);

    /** Newest first. */
    Result<List<WebhookDelivery>, PaymentError> deliveries(String projectId, String endpointId);

    /** Due at once, whatever its state was. */
    Result<WebhookDelivery, PaymentError> retry(String projectId, String endpointId, String deliveryId);
}
