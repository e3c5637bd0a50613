package com.amba.payments.domain.model;

import java.util.Optional;

/**
 * The platform's fee on a payment. The first that is there wins: the caller's explicit fee amount; the
 * caller's rate; the project's default rate; the platform's default rate. No fee at all is refused, and so
 * is a fee that would take the whole amount. A rate is applied rounding half up, in whole minor units.
 */
public final class FeePolicy {

    private FeePolicy() {
    }

    public static Result<Long, PaymentError> resolve(Money amount, FeeRequest requested,
                                                     Optional<BasisPoints> projectDefault,
                                                     Optional<BasisPoints> platformDefault) {
        Optional<Long> fee = switch (requested) {
            case FeeRequest.ExplicitAmount explicit -> Optional.of(explicit.minor());
            case FeeRequest.Rate rate -> Optional.of(rate.bps().of(amount.minor()));
            case FeeRequest.UseDefault ignored -> projectDefault.or(() -> platformDefault)
                    .map(bps -> bps.of(amount.minor()));
        };
        if (fee.isEmpty()) {
            return Result.err(new PaymentError.NoPlatformFee());
        }
        if (fee.get() >= amount.minor()) {
            return Result.err(new PaymentError.FeeExceedsAmount(fee.get(), amount.minor()));
        }
        return Result.ok(fee.get());
    }
}
