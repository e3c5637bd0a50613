package com.amba.payments.domain.service;

import com.amba.payments.domain.model.IdempotencyClaim;
import com.amba.payments.domain.model.IdempotentRequest;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stripe's {@code Idempotency-Key} for the creates that are not a payment's (a payment binds its key beside its
 * client reference, in one step with the payment: {@link PaymentsService}). The key is claimed before the create,
 * completed with the id of what it made, released if it failed; the same request then answers what was made,
 * read afresh ({@code replay}), another request is IDEMPOTENCY_KEY_REUSED, and a concurrent duplicate waits for
 * the first, as a payment's does.
 *
 * <p>Round trips: one claim before the create, one completion after it; a replay is the claim and the read.
 */
public final class IdempotentCreates {

    private final Ledger ledger;
    private final InstantSource clock;
    private final CreationTiming timing;

    public IdempotentCreates(Ledger ledger, InstantSource clock, CreationTiming timing) {
        this.ledger = ledger;
        this.clock = clock;
        this.timing = timing;
    }

    /**
     * Makes {@code create} happen once for {@code request}. {@code stillInFlight} answers a duplicate that waited
     * {@link CreationTiming#waitForInFlight()} for the first in vain.
     */
    public <T> Result<T, PaymentError> once(IdempotentRequest request, Supplier<Result<T, PaymentError>> create,
                                            Function<T, String> idOf,
                                            Function<String, Result<T, PaymentError>> replay,
                                            PaymentError stillInFlight) {
        Instant giveUpAt = clock.instant().plus(timing.waitForInFlight());
        while (true) {
            IdempotencyClaim claim = ledger.claimKey(request, now(), timing.lease());
            switch (claim) {
                case IdempotencyClaim.AlreadyCreated created -> {
                    return replay.apply(created.resourceId());
                }
                case IdempotencyClaim.Conflict conflict -> {
                    return Result.err(new PaymentError.IdempotencyKeyReused());
                }
                case IdempotencyClaim.Claimed claimed -> {
                    return createAndBind(request, create, idOf);
                }
                case IdempotencyClaim.InFlight inFlight -> {
                    if (!clock.instant().isBefore(giveUpAt)) {
                        return Result.err(stillInFlight);
                    }
                    timing.pauseBeforeLookingAgain("a concurrent create");
                }
            }
        }
    }

    private <T> Result<T, PaymentError> createAndBind(IdempotentRequest request,
                                                      Supplier<Result<T, PaymentError>> create,
                                                      Function<T, String> idOf) {
        Result<T, PaymentError> made;
        try {
            made = create.get();
        } catch (RuntimeException failed) {
            releaseQuietly(request);
            throw failed;
        }
        switch (made) {
            case Result.Ok<T, PaymentError> ok -> {
                try {
                    ledger.completeKey(request, idOf.apply(ok.value()));
                } catch (StoreUnavailable notBound) {
                    // Made all the same, and answered: the key stays held until its lease runs out.
                }
            }
            case Result.Err<T, PaymentError> err -> releaseQuietly(request);
        }
        return made;
    }

    /** A release that fails leaves the key to its lease, which runs out: the key is free again then. */
    private void releaseQuietly(IdempotentRequest request) {
        try {
            ledger.releaseKey(request);
        } catch (StoreUnavailable ignored) {
            // The lease frees it.
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
