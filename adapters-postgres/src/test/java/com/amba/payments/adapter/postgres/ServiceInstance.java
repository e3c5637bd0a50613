package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.model.InputValue;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.service.CreationTiming;
import com.amba.payments.domain.service.PaymentsService;
import com.amba.payments.domain.service.ProviderEventsService;
import com.amba.payments.domain.service.SecureRandomIds;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * One service instance as the app wires it, minus HTTP: its own Vert.x, its own PostgresStore (its own pools) and
 * the domain's create use case. Several of them on one database stand for several running services.
 */
final class ServiceInstance implements AutoCloseable {

    private final Vertx vertx;
    private final PostgresStore store;
    private final PaymentsService payments;

    ServiceInstance(String databaseUrl, PaymentProvider provider, CreationTiming timing) {
        this.vertx = Vertx.vertx();
        this.store = PostgresStore.connect(vertx, databaseUrl, PostgresSettings.defaults());
        // As the app wires it: the request paths read the cached control plane.
        SecureRandomIds ids = new SecureRandomIds();
        InstantSource clock = InstantSource.system();
        ProviderEventsService events = new ProviderEventsService(store.ledger(), store.cachedControlPlane(), provider, ids,
                clock);
        this.payments = new PaymentsService(store.cachedControlPlane(), store.ledger(), provider, events, ids, clock,
                timing);
    }

    PostgresStore store() {
        return store;
    }

    /** POST /client/payments/intents with {"amount", "currency": "usd", "client_reference"}. */
    Result<Payment, PaymentError> create(String serverKey, long amount, String reference) {
        return payments.create(Optional.of(serverKey), new RequestBody.Fields(Map.of(
                "amount", InputValue.WholeNumber.of(amount),
                "currency", new InputValue.Text("usd"),
                "client_reference", new InputValue.Text(reference))));
    }

    @Override
    public void close() {
        store.close();
        vertx.close().await();
    }
}
