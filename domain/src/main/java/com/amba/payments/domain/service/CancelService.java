package com.amba.payments.domain.service;

import com.amba.payments.domain.model.CancelOrderRules;
import com.amba.payments.domain.model.CancellationReason;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.StatusChange;
import com.amba.payments.domain.model.Transition;
import com.amba.payments.domain.model.TransitionOutcome;
import com.amba.payments.domain.port.in.CancelPayment;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.IdSource;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.ProviderRefunds;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Canceling a payment (SPEC §11): the provider intent is canceled on the connected account first, then the
 * ledger records {@code canceled} with its event. Already canceled answers the payment again; succeeded or
 * processing is PAYMENT_NOT_CANCELABLE, as is an intent the provider will no longer cancel.
 */
public final class CancelService implements CancelPayment {

    static final String CAUSE = "canceled through Amba";
    private static final int MOST_ATTEMPTS_WHEN_RACED = 5;

    private final ProjectCaller caller;
    private final Ledger ledger;
    private final RefundLedger refunds;
    private final ProviderRefunds provider;
    private final IdSource ids;
    private final InstantSource clock;

    public CancelService(ControlPlane controlPlane, Ledger ledger, RefundLedger refunds, ProviderRefunds provider,
                         IdSource ids, InstantSource clock) {
        this.caller = new ProjectCaller(controlPlane, ledger);
        this.ledger = ledger;
        this.refunds = refunds;
        this.provider = provider;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Result<PaymentStanding, PaymentError> cancel(Optional<String> apiKey, String paymentId, RequestBody body) {
        try {
            return caller.serverKeyWithPaymentsOn(apiKey)
                    .flatMap(key -> CancelOrderRules.check(body)
                            .flatMap(reason -> caller.ownPayment(key, paymentId)
                                    .flatMap(payment -> cancel(payment, reason))))
                    .map(this::standingOf);
        } catch (StoreUnavailable e) {
            return Result.err(new PaymentError.ControlPlaneUnavailable());
        }
    }

    /** The payment as it now stands, read back with its refunds and dispute. */
    private PaymentStanding standingOf(Payment payment) {
        return refunds.standing(payment.id()).orElseThrow(
                () -> new StoreUnavailable("payment " + payment.id() + " vanished after it was canceled"));
    }

    private Result<Payment, PaymentError> cancel(Payment payment, Optional<CancellationReason> reason) {
        Optional<PaymentError> refusal = refusalOf(payment);
        if (refusal.isPresent()) {
            return Result.err(refusal.get());
        }
        if (payment.status() == PaymentStatus.CANCELED) {
            return Result.ok(payment);
        }
        Result<ProviderIntent, ProviderFailure> answer = provider.cancelIntent(payment.account(), payment.id(), reason);
        return switch (answer) {
            case Result.Err<ProviderIntent, ProviderFailure> failed when
                    failed.error() instanceof ProviderFailure.UnexpectedState ->
                    // The provider has moved on (the customer paid meanwhile); its events bring the ledger along.
                    Result.err(new PaymentError.PaymentNotCancelable(payment.status()));
            case Result.Err<ProviderIntent, ProviderFailure> failed ->
                    Result.err(ProviderFailures.toPaymentError(failed.error()));
            case Result.Ok<ProviderIntent, ProviderFailure> canceled -> recordCanceled(payment);
        };
    }

    private static Optional<PaymentError> refusalOf(Payment payment) {
        return payment.status() == PaymentStatus.SUCCEEDED || payment.status() == PaymentStatus.PROCESSING
                ? Optional.of(new PaymentError.PaymentNotCancelable(payment.status())) : Optional.empty();
    }

    /** The provider's canceled event may get there first: then the ledger already says so. */
    private Result<Payment, PaymentError> recordCanceled(Payment payment) {
        Payment current = payment;
        for (int attempt = 0; attempt < MOST_ATTEMPTS_WHEN_RACED; attempt++) {
            if (current.status() == PaymentStatus.CANCELED) {
                return Result.ok(current);
            }
            if (current.status().isTerminal()) {
                return Result.err(new PaymentError.PaymentNotCancelable(current.status()));
            }
            Instant now = now();
            Payment after = current.movedTo(PaymentStatus.CANCELED, now, now);
            StatusChange change = new StatusChange(current, after,
                    PaymentEvent.statusChanged(ids.newEventId(), after, current.status(), now), CAUSE);
            if (ledger.record(Transition.withoutEvent(change)) == TransitionOutcome.RECORDED) {
                return Result.ok(after);
            }
            current = ledger.find(payment.id()).orElseThrow(
                    () -> new StoreUnavailable("payment " + payment.id() + " vanished while it was canceled"));
        }
        throw new StoreUnavailable("payment " + payment.id() + " kept changing while it was canceled; retry");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
