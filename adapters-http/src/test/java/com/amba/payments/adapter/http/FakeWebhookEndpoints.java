package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.WebhookDelivery;
import com.amba.payments.domain.model.WebhookEndpoint;
import com.amba.payments.domain.port.in.ManageWebhookEndpoints;
import java.util.List;
import java.util.Optional;

/** Answers every webhook-endpoint call with "no such project": enough for routing and the router walk. */
final class FakeWebhookEndpoints implements ManageWebhookEndpoints {

    @Override
    public Result<EndpointWithSecret, PaymentError> create(String projectId, Optional<String> idempotencyKey, RequestBody body) {
        return Result.err(new PaymentError.ProjectNotFound());
    }

    @Override
    public Result<List<WebhookEndpoint>, PaymentError> list(String projectId) {
        return Result.err(new PaymentError.ProjectNotFound());
    }

    @Override
    public Result<Void, PaymentError> delete(String projectId, String endpointId) {
        return Result.err(new PaymentError.ProjectNotFound());
    }

    @Override
    public Result<EndpointWithSecret, PaymentError> rotateSecret(String projectId, String endpointId) {
        return Result.err(new PaymentError.ProjectNotFound());
    }

    @Override
    public Result<List<WebhookDelivery>, PaymentError> deliveries(String projectId, String endpointId) {
        return Result.err(new PaymentError.ProjectNotFound());
    }

    @Override
    public Result<WebhookDelivery, PaymentError> retry(String projectId, String endpointId, String deliveryId) {
        return Result.err(new PaymentError.ProjectNotFound());
    }
}
