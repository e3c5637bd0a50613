package com.amba.payments.app;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.CreatePayment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Optional;

/**
 * Counts creates by outcome and currency ({@code amba_payment_creates_total{outcome, currency}}): {@code created}
 * (a replay counts too: the caller got its payment) or the error code; the currency is the payment's, or
 * {@code none} when the create failed before one existed.
 */
final class MeteredCreatePayment implements CreatePayment {

    private final CreatePayment creates;
    private final MeterRegistry registry;

    MeteredCreatePayment(CreatePayment creates, MeterRegistry registry) {
        this.creates = creates;
        this.registry = registry;
    }

    @Override
    public Result<Payment, PaymentError> create(Optional<String> apiKey, Optional<String> idempotencyKey,
                                                RequestBody body) {
        Result<Payment, PaymentError> answer = creates.create(apiKey, idempotencyKey, body);
        String outcome;
        String currency;
        switch (answer) {
            case Result.Ok<Payment, PaymentError> ok -> {
                outcome = "created";
                currency = ok.value().amount().currency().code();
            }
            case Result.Err<Payment, PaymentError> err -> {
                outcome = err.error().code().toLowerCase(Locale.ROOT);
                currency = "none";
            }
        }
        Counter.builder("amba.payment.creates")
                .description("Payment creates answered, by outcome and currency")
                .tag("outcome", outcome)
                .tag("currency", currency)
                .register(registry)
                .increment();
        return answer;
    }
}
