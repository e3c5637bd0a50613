package com.amba.payments.domain.model;

import java.time.Instant;

/**
 * A PaymentIntent as the provider describes it. {@code asOf} is the provider's time at which this answer was
 * true (the moment it was read): no event the provider created before it may overwrite what it says.
 */
public record ProviderIntent(PaymentId id, ClientSecret clientSecret, PaymentStatus status, Money amount,
                             Instant created, Instant asOf) {
}
