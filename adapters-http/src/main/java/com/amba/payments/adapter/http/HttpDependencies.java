package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.AdminToken;
import com.amba.payments.domain.port.in.AdministerPayments;
import com.amba.payments.domain.port.in.AdmitCreate;
import com.amba.payments.domain.port.in.OnboardingPages;
import com.amba.payments.domain.port.in.OperateSandbox;
import com.amba.payments.domain.port.in.ReadPaymentStanding;
import com.amba.payments.domain.port.in.ReadProjects;
import com.amba.payments.domain.port.in.ReceiveProviderWebhook;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the HTTP API calls. An empty {@code webhooks}, {@code sandbox} or {@code webhookEndpoints} leaves
 * those routes out, so they answer 404 like any unknown path. {@code port} 0 picks a free port
 * ({@link AmbaHttpServer#port()} tells which);
 * {@link #SHARED_FREE_PORT} picks one free port that every instance deployed with it on the same Vert.x shares.
 */
public record HttpDependencies(AdmitCreate creates,
                               ReadPaymentStanding readPayment,
                               MoneyBackCalls moneyBack,
                               AdministerPayments administerPayments,
                               OnboardingPages onboardingPages,
                               ReadProjects readProjects,
                               Optional<ReceiveProviderWebhook> webhooks,
                               Optional<OperateSandbox> sandbox,
                               AdminToken adminToken,
                               List<ReadinessCheck> readinessChecks,
                               PrometheusMeterRegistry metrics,
                               int port,
                               Optional<OutgoingWebhooksApi> webhookEndpoints) {

    /** Without outgoing webhooks: their Admin API routes are left out. */
    public HttpDependencies(AdmitCreate creates, ReadPaymentStanding readPayment, MoneyBackCalls moneyBack,
                            AdministerPayments administerPayments, OnboardingPages onboardingPages,
                            ReadProjects readProjects, Optional<ReceiveProviderWebhook> webhooks,
                            Optional<OperateSandbox> sandbox, AdminToken adminToken,
                            List<ReadinessCheck> readinessChecks, PrometheusMeterRegistry metrics, int port) {
        this(creates, readPayment, moneyBack, administerPayments, onboardingPages, readProjects, webhooks,
                sandbox, adminToken, readinessChecks, metrics, port, Optional.empty());
    }

    /** Vert.x binds a negative port once, to a free port, and shares it among the servers that ask for it. */
    public static final int SHARED_FREE_PORT = -1;

    public HttpDependencies {
        Objects.requireNonNull(creates, "creates");
        Objects.requireNonNull(readPayment, "readPayment");
        Objects.requireNonNull(moneyBack, "moneyBack");
        Objects.requireNonNull(administerPayments, "administerPayments");
        Objects.requireNonNull(onboardingPages, "onboardingPages");
        Objects.requireNonNull(readProjects, "readProjects");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(webhookEndpoints, "webhookEndpoints");
        readinessChecks = List.copyOf(readinessChecks);
        if (port < SHARED_FREE_PORT || port > 65_535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }

    /** The same dependencies on another port (further verticle instances share the first one's port). */
    public HttpDependencies withPort(int otherPort) {
        return new HttpDependencies(creates, readPayment, moneyBack, administerPayments, onboardingPages,
                readProjects, webhooks, sandbox, adminToken, readinessChecks, metrics, otherPort,
                webhookEndpoints);
    }
}
