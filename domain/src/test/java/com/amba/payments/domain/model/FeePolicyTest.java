package com.amba.payments.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeePolicyTest {

    private static final Optional<BasisPoints> NONE = Optional.empty();

    private static Result<Long, PaymentError> resolve(long amount, FeeRequest request, Optional<BasisPoints> project,
                                                      Optional<BasisPoints> platform) {
        return FeePolicy.resolve(Money.of(amount, "usd"), request, project, platform);
    }

    private static Optional<BasisPoints> bps(int value) {
        return Optional.of(new BasisPoints(value));
    }

    @ParameterizedTest(name = "{1} bps of {0} is {2}")
    @CsvSource({
            "1000, 25, 3",   // 2.5 rounds half up
            "1000, 15, 2",   // 1.5 rounds half up
            "1000, 14, 1",   // 1.4 rounds down
            "1000, 0, 0",
            "2000, 250, 50",
            "99999999, 9999, 99989999"
    })
    void aRateRoundsHalfUpInWholeMinorUnits(long amount, int rate, long fee) {
        assertEquals(Result.ok(fee), resolve(amount, new FeeRequest.Rate(new BasisPoints(rate)), NONE, NONE));
    }

    @Test
    void aFullRateTakesTheWholeAmountAndIsRefused() {
        assertEquals(Result.err(new PaymentError.FeeExceedsAmount(1_000, 1_000)),
                resolve(1_000, new FeeRequest.Rate(new BasisPoints(10_000)), NONE, NONE));
    }

    @Test
    void anExplicitFeeOneBelowTheAmountIsAccepted() {
        assertEquals(Result.ok(999L), resolve(1_000, new FeeRequest.ExplicitAmount(999), NONE, NONE));
    }

    @Test
    void anExplicitFeeEqualToOrAboveTheAmountIsRefused() {
        assertEquals("FEE_EXCEEDS_AMOUNT",
                ((Result.Err<Long, PaymentError>) resolve(1_000, new FeeRequest.ExplicitAmount(1_000), NONE, NONE))
                        .error().code());
        assertEquals("FEE_EXCEEDS_AMOUNT",
                ((Result.Err<Long, PaymentError>) resolve(1_000, new FeeRequest.ExplicitAmount(5_000), NONE, NONE))
                        .error().code());
    }

    @Test
    void anExplicitFeeOfZeroIsValid() {
        assertEquals(Result.ok(0L), resolve(1_000, new FeeRequest.ExplicitAmount(0), bps(500), bps(500)));
    }

    @Test
    void anExplicitFeeBeatsEveryDefault() {
        assertEquals(Result.ok(7L), resolve(1_000, new FeeRequest.ExplicitAmount(7), bps(500), bps(900)));
    }

    @Test
    void theCallersRateBeatsEveryDefault() {
        assertEquals(Result.ok(10L), resolve(1_000, new FeeRequest.Rate(new BasisPoints(100)), bps(500), bps(900)));
    }

    @Test
    void theProjectDefaultBeatsThePlatformDefault() {
        assertEquals(Result.ok(50L), resolve(1_000, new FeeRequest.UseDefault(), bps(500), bps(900)));
    }

    @Test
    void withoutAProjectDefaultThePlatformDefaultApplies() {
        assertEquals(Result.ok(90L), resolve(1_000, new FeeRequest.UseDefault(), NONE, bps(900)));
    }

    @Test
    void aProjectDefaultOfZeroIsAFeeOfZeroNotAMissingFee() {
        assertEquals(Result.ok(0L), resolve(1_000, new FeeRequest.UseDefault(), bps(0), bps(900)));
    }

    @Test
    void withNoFeeAnywhereThereIsNoPlatformFee() {
        assertEquals(Result.err(new PaymentError.NoPlatformFee()), resolve(1_000, new FeeRequest.UseDefault(), NONE, NONE));
    }

    @Test
    void basisPointsOutsideZeroToTenThousandDoNotExist() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new BasisPoints(-1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new BasisPoints(10_001));
    }
}
