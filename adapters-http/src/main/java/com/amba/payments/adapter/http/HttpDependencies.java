package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.AdminToken;
import com.amba.payments.domain.port.in.AdministerPayments;
import com.amba.payments.domain.port.in.CreatePayment;
import com.amba.payments.domain.port.in.OperateSandbox;
import com.amba.payments.domain.port.in.ReadPayment;
import com.amba.payments.domain.port.in.ReceiveProviderWebhook;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the HTTP API calls. An empty {@code webhooks} or {@code sandbox} leaves those routes out, so they
 * answer 404 like any unknown path. {@code port} 0 picks a free port ({@link AmbaHttpServer#port()} tells which).
 */
public record HttpDependencies(CreatePayment createPayment,
                               ReadPayment readPayment,
                               AdministerPayments administerPayments,
                               Optional<ReceiveProviderWebhook> webhooks,
                               Optional<OperateSandbox> sandbox,
                               AdminToken adminToken,
                               List<ReadinessCheck> readinessChecks,
                               PrometheusMeterRegistry metrics,
                               int port) {

    public HttpDependencies {
        Objects.requireNonNull(createPayment, "createPayment");
        Objects.requireNonNull(readPayment, "readPayment");
        Objects.requireNonNull(administerPayments, "administerPayments");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(metrics, "metrics");
        readinessChecks = List.copyOf(readinessChecks);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }
}
