package com.amba.payments.adapter.stripe;

import com.amba.payments.domain.model.ClientSecret;
import com.amba.payments.domain.model.Currency;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;
import com.stripe.model.PaymentIntent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** A stripe-java PaymentIntent into the domain's {@link ProviderIntent}; nothing of stripe-java leaves here. */
final class IntentMapping {

    private IntentMapping() {
    }

    static Result<ProviderIntent, ProviderFailure> toProviderIntent(PaymentIntent intent) {
        Optional<PaymentId> id = PaymentId.parse(intent.getId());
        Optional<PaymentStatus> status = Optional.ofNullable(intent.getStatus()).flatMap(StripeStatuses::of);
        Optional<Currency> currency = Currency.of(intent.getCurrency());
        if (id.isEmpty() || status.isEmpty() || currency.isEmpty() || !isMinorAmount(intent.getAmount())
                || intent.getCreated() == null || intent.getClientSecret() == null) {
            // Stripe answered 200 with something Amba cannot read: not a retryable outage, a mismatch to look at.
            return Result.err(new ProviderFailure.Refused(requestIdOf(intent),
                    "unreadable PaymentIntent " + intent.getId() + " (status " + intent.getStatus() + ", currency "
                            + intent.getCurrency() + ")"));
        }
        return Result.ok(new ProviderIntent(id.get(), new ClientSecret(intent.getClientSecret()), status.get(),
                new Money(intent.getAmount(), currency.get()), Instant.ofEpochSecond(intent.getCreated()),
                answeredAt(intent)));
    }

    /**
     * When Stripe's answer was true: the {@code Date} of its response, Stripe's own clock to the second, the
     * clock its events' {@code created} come from. Without one (never seen from Stripe), Amba's clock now.
     */
    static Instant answeredAt(PaymentIntent intent) {
        return Optional.ofNullable(intent.getLastResponse())
                .flatMap(response -> response.headers().firstValue("Date"))
                .flatMap(IntentMapping::httpDate)
                .orElseGet(Instant::now);
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static boolean isMinorAmount(Long amount) {
        return amount != null && amount >= 0 && amount <= Money.MAXIMUM_MINOR;
    }

    private static String requestIdOf(PaymentIntent intent) {
        return intent.getLastResponse() == null ? "none" : intent.getLastResponse().requestId();
    }
}
