package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One try at a delivery: the endpoint's status code, or why there was none (timeout, refused, …). */
public record DeliveryAttempt(int number, Instant at, Optional<Integer> responseCode, Optional<String> error) {
    public DeliveryAttempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(responseCode, "responseCode");
        Objects.requireNonNull(error, "error");
        if (number < 1) {
            throw new IllegalArgumentException("attempts count from 1");
        }
    }

    public boolean delivered() {
        return responseCode.map(code -> code >= 200 && code < 300).orElse(false);
    }
}
