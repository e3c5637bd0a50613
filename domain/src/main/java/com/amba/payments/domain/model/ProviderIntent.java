package com.amba.payments.domain.model;

import java.time.Instant;

/** A PaymentIntent as the provider describes it. */
public record ProviderIntent(PaymentId id, ClientSecret clientSecret, PaymentStatus status, Money amount,
                             Instant created) {
}
