package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.IdempotencyKey;
import com.amba.payments.domain.model.IdempotentRequest;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.RequestFingerprint;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderRefund;
import com.amba.payments.domain.model.Refund;
import com.amba.payments.domain.model.RefundAttempt;
import com.amba.payments.domain.model.RefundClaim;
import com.amba.payments.domain.model.RefundOrder;
import com.amba.payments.domain.model.RefundOrderRules;
import com.amba.payments.domain.model.RefundReservation;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.port.in.RefundPayment;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.IdSource;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.ProviderRefunds;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.port.out.RefundRequest;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Refunds (SPEC §11). The checks run in the create's order, then the refund's own: the payment, whether it is
 * refundable, the remainder. The attempt's share of the payment is set aside in the ledger before the provider
 * is called (and given back if the provider refuses), so concurrent refunds on any number of instances never
 * give back more than was paid, and a client reference reaches one provider refund whatever happens.
 *
 * <p>Round trips of a refund: the key and platform reads (as a create), one ledger read of the payment, one
 * reservation transaction, one provider call, one recording transaction.
 */
public final class RefundService implements RefundPayment {

    private final ProjectCaller caller;
    private final RefundLedger refunds;
    private final ProviderRefunds provider;
    private final IdSource ids;
    private final InstantSource clock;
    private final CreationTiming timing;
    private final IdempotentCreates creates;

    public RefundService(ControlPlane controlPlane, Ledger ledger, RefundLedger refunds, ProviderRefunds provider,
                         IdSource ids, InstantSource clock, CreationTiming timing) {
        this.caller = new ProjectCaller(controlPlane, ledger);
        this.refunds = refunds;
        this.provider = provider;
        this.ids = ids;
        this.clock = clock;
        this.timing = timing;
        this.creates = new IdempotentCreates(ledger, clock, timing);
    }

    /** What an Idempotency-Key of a refund binds under. */
    static final String CREATE_REFUND = "create_refund";

    @Override
    public Result<Refund, PaymentError> refund(Optional<String> apiKey, Optional<String> idempotencyKey,
                                               String paymentId, RequestBody body) {
        try {
            return caller.serverKeyWithPaymentsOn(apiKey)
                    .flatMap(key -> IdempotencyKey.parse(idempotencyKey)
                            .flatMap(idempotency -> RefundOrderRules.check(body)
                                    .flatMap(order -> caller.ownPayment(key, paymentId)
                                            .flatMap(payment -> idempotency.isPresent()
                                                    ? refundWithKey(key, payment, order, idempotency.get())
                                                    : refund(key, payment, order)))));
        } catch (StoreUnavailable e) {
            return Result.err(new PaymentError.ControlPlaneUnavailable());
        }
    }

    /**
     * As the payment create relates the two. The key is bound to the whole request (client reference included),
     * so another request under it is IDEMPOTENCY_KEY_REUSED. Beside a client reference, the reference decides
     * which refund it is; a key alone also holds the refund in the ledger as a reference would, so a retry after
     * a crash reaches the same provider refund.
     */
    private Result<Refund, PaymentError> refundWithKey(ApiKey key, Payment payment, RefundOrder order,
                                                       IdempotencyKey idempotency) {
        IdempotentRequest request = IdempotentRequest.of(key.projectId(), idempotency, CREATE_REFUND,
                new RequestFingerprint(order.fingerprintFor(payment.id()).value()).withReference(order.clientReference()));
        RefundOrder held = order.clientReference().isPresent()
                ? order : order.boundTo(idempotency.bindingFor(CREATE_REFUND));
        return creates.once(request, () -> refund(key, payment, held), made -> made.id().value(),
                id -> refunds.findRefund(new RefundId(id)).<Result<Refund, PaymentError>>map(Result::ok)
                        .orElseGet(() -> Result.err(new PaymentError.ControlPlaneUnavailable())),
                new PaymentError.PaymentProviderUnavailable());
    }

    @Override
    public Result<List<Refund>, PaymentError> refunds(Optional<String> apiKey, String paymentId) {
        try {
            return caller.anyKey(apiKey).flatMap(key -> caller.ownPayment(key, paymentId))
                    .map(payment -> refunds.refunds(payment.id()));
        } catch (StoreUnavailable e) {
            return Result.err(new PaymentError.ControlPlaneUnavailable());
        }
    }

    private Result<Refund, PaymentError> refund(ApiKey key, Payment payment, RefundOrder order) {
        if (payment.status() != PaymentStatus.SUCCEEDED && order.clientReference().isEmpty()) {
            // Said before anything is reserved; with a reference the ledger first answers a replay.
            return Result.err(new PaymentError.PaymentNotRefundable(payment.status()));
        }
        RefundAttempt attempt = RefundAttempt.of(key.projectId(), payment.id(), order, ids.newIdempotencyKey());
        Instant giveUpAt = clock.instant().plus(timing.waitForInFlight());
        while (true) {
            RefundClaim claim = refunds.reserve(attempt, now(), timing.lease());
            switch (claim) {
                case RefundClaim.Reserved reserved -> {
                    return callProvider(reserved.reservation());
                }
                case RefundClaim.AlreadyMade made -> {
                    return Result.ok(made.refund());
                }
                case RefundClaim.Conflict conflict -> {
                    return Result.err(new PaymentError.ClientReferenceConflict());
                }
                case RefundClaim.Refused refused -> {
                    return Result.err(refused.error());
                }
                case RefundClaim.InFlight inFlight -> {
                    if (!clock.instant().isBefore(giveUpAt)) {
                        return Result.err(new PaymentError.PaymentProviderUnavailable());
                    }
                    timing.pauseBeforeLookingAgain("a concurrent refund");
                }
            }
        }
    }

    private Result<Refund, PaymentError> callProvider(RefundReservation reservation) {
        RefundAttempt attempt = reservation.attempt();
        Payment payment = reservation.payment();
        RefundRequest request = new RefundRequest(payment.account(), payment.id(), reservation.share().amount(),
                attempt.order().reason(), attempt.order().refundApplicationFee(), payment.projectId(), attempt.id(),
                attempt.idempotencyKey());
        Result<ProviderRefund, ProviderFailure> answer = provider.createRefund(request);
        return switch (answer) {
            case Result.Err<ProviderRefund, ProviderFailure> failed -> {
                refunds.release(reservation);
                yield Result.err(toPaymentError(failed.error(), payment, reservation));
            }
            // A failure to record from here on keeps the reservation: the money may be on its way back, and the
            // provider's refund events, or a retry with the same reference, record it.
            case Result.Ok<ProviderRefund, ProviderFailure> made -> Result.ok(record(reservation, made.value()));
        };
    }

    private Refund record(RefundReservation reservation, ProviderRefund made) {
        Instant now = now();
        Payment payment = reservation.payment();
        Refund refund = new Refund(made.id(), payment.id(), payment.projectId(),
                new Money(made.amount().minor(), payment.amount().currency()), reservation.share().fee(),
                reservation.attempt().order().reason(), reservation.attempt().clientReference(), made.status(), now,
                now, made.created(), 0);
        return refunds.recordRefund(reservation.attempt().id(), refund,
                PaymentEvent.refundCreated(ids.newEventId(), payment, refund, now), Optional.empty());
    }

    /** The provider's refusals in refund words: it knows the charge's own remainder and state too. */
    private static PaymentError toPaymentError(ProviderFailure failure, Payment payment,
                                               RefundReservation reservation) {
        return switch (failure) {
            case ProviderFailure.AmountRejected rejected ->
                    new PaymentError.RefundExceedsAmount(reservation.share().amount(), 0);
            case ProviderFailure.UnexpectedState state -> new PaymentError.PaymentNotRefundable(payment.status());
            default -> ProviderFailures.toPaymentError(failure);
        };
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
