package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.CreationClaim;
import com.amba.payments.domain.model.FeePolicy;
import com.amba.payments.domain.model.IdempotencyKey;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentOrder;
import com.amba.payments.domain.model.PaymentOrderRules;
import com.amba.payments.domain.model.PlatformSettings;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.RecordedCreation;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.CreatePayment;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.IdSource;
import com.amba.payments.domain.port.out.IntentRequest;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

/**
 * Creating payments (reading them back is PaymentStandingService). The checks run in the contract's order; the
 * first that fails answers.
 * A create with a client reference binds the reference in the ledger before the provider is called, so
 * replays, concurrent duplicates and retries after a crash all reach the one provider intent.
 */
public final class PaymentsService implements CreatePayment {

    private final ControlPlane controlPlane;
    private final Ledger ledger;
    private final PaymentProvider provider;
    private final ProviderEventsService parkedEvents;
    private final IdSource ids;
    private final InstantSource clock;
    private final CreationTiming timing;
    private final ApiKeyAuthentication authentication;

    public PaymentsService(ControlPlane controlPlane, Ledger ledger, PaymentProvider provider,
                           ProviderEventsService parkedEvents, IdSource ids, InstantSource clock,
                           CreationTiming timing) {
        this.controlPlane = controlPlane;
        this.ledger = ledger;
        this.provider = provider;
        this.parkedEvents = parkedEvents;
        this.ids = ids;
        this.clock = clock;
        this.timing = timing;
        this.authentication = new ApiKeyAuthentication(controlPlane);
    }

    /** What an Idempotency-Key of this call binds under (other creates name their own operation). */
    static final String CREATE_PAYMENT = "create_payment";

    @Override
    public Result<Payment, PaymentError> create(Optional<String> apiKey, Optional<String> idempotencyKey,
                                                RequestBody body) {
        try {
            return authentication.authenticate(apiKey)
                    .flatMap(PaymentsService::mustBeServerKey)
                    .flatMap(key -> paymentsEnabled().flatMap(settings -> IdempotencyKey.parse(idempotencyKey)
                            .flatMap(idempotency -> PaymentOrderRules.check(body)
                                    .flatMap(order -> create(key, idempotency, order, settings)))));
        } catch (StoreUnavailable e) {
            return Result.err(new PaymentError.ControlPlaneUnavailable());
        }
    }

    private static Result<ApiKey, PaymentError> mustBeServerKey(ApiKey key) {
        return key.kind() == ApiKeyKind.SERVER ? Result.ok(key) : Result.err(new PaymentError.ServerKeyRequired());
    }

    private Result<PlatformSettings, PaymentError> paymentsEnabled() {
        PlatformSettings settings = controlPlane.platform();
        return settings.paymentsEnabled() ? Result.ok(settings) : Result.err(new PaymentError.PaymentsNotEnabled());
    }

    private Result<Payment, PaymentError> create(ApiKey key, Optional<IdempotencyKey> idempotency, PaymentOrder order,
                                                 PlatformSettings settings) {
        Optional<Project> found = controlPlane.project(key.projectId());
        if (found.isEmpty()) {
            return Result.err(new PaymentError.InvalidApiKey());
        }
        Project project = found.get();
        if (project.account().isEmpty()) {
            return Result.err(new PaymentError.PaymentsNotSetUp());
        }
        ConnectedAccount account = project.account().get();
        if (!account.chargesEnabled()) {
            return Result.err(new PaymentError.PaymentsNotReady());
        }
        return FeePolicy.resolve(order.amount(), order.fee(), project.defaultFee(), settings.defaultFee())
                .flatMap(fee -> idempotency.isPresent()
                        ? createWithKey(project, account, order, fee, idempotency.get())
                        : createWithReference(project, account, order, fee));
    }

    /**
     * Stripe's Idempotency-Key: bound like a client reference, to the whole request (reference included). With
     * a reference as well, the reference's own binding makes the payment and the key is then bound to it too.
     */
    private Result<Payment, PaymentError> createWithKey(Project project, ConnectedAccount account, PaymentOrder order,
                                                        long fee, IdempotencyKey key) {
        CreationAttempt keyAttempt = CreationAttempt.of(project.id(), key.bindingFor(CREATE_PAYMENT),
                order.wholeRequest());
        return bindOnce(keyAttempt, new PaymentError.IdempotencyKeyReused(), claimed -> {
            if (order.clientReference().isEmpty()) {
                return callProvider(project, account, order, fee, Optional.of(claimed), claimed.idempotencyKey());
            }
            Result<Payment, PaymentError> made = createWithReference(project, account, order, fee);
            switch (made) {
                case Result.Ok<Payment, PaymentError> ok -> ledger.completeCreation(claimed, ok.value().id());
                case Result.Err<Payment, PaymentError> failed -> releaseQuietly(Optional.of(claimed));
            }
            return made;
        });
    }

    private Result<Payment, PaymentError> createWithReference(Project project, ConnectedAccount account,
                                                              PaymentOrder order, long fee) {
        if (order.clientReference().isEmpty()) {
            return callProvider(project, account, order, fee, Optional.empty(), ids.newIdempotencyKey());
        }
        CreationAttempt attempt = CreationAttempt.of(project.id(), order.clientReference().get(), order.fingerprint(),
                order.notes());
        return bindOnce(attempt, new PaymentError.ClientReferenceConflict(), claimed ->
                callProvider(project, account, order, fee, Optional.of(claimed), claimed.idempotencyKey()));
    }

    /** Binds the attempt, or answers the payment it is already bound to, or waits for whoever is binding it. */
    private Result<Payment, PaymentError> bindOnce(CreationAttempt attempt, PaymentError conflictError,
                                                   Function<CreationAttempt, Result<Payment, PaymentError>> create) {
        Instant giveUpAt = clock.instant().plus(timing.waitForInFlight());
        while (true) {
            CreationClaim claim = ledger.claimCreation(attempt, now(), timing.lease());
            switch (claim) {
                case CreationClaim.AlreadyCreated created -> {
                    return Result.ok(created.payment());
                }
                case CreationClaim.Conflict conflict -> {
                    return Result.err(conflictError);
                }
                case CreationClaim.Claimed claimed -> {
                    return create.apply(claimed.attempt());
                }
                case CreationClaim.InFlight inFlight -> {
                    if (!clock.instant().isBefore(giveUpAt)) {
                        return Result.err(new PaymentError.PaymentProviderUnavailable());
                    }
                    timing.pauseBeforeLookingAgain("a concurrent create");
                }
            }
        }
    }

    private Result<Payment, PaymentError> callProvider(Project project, ConnectedAccount account, PaymentOrder order,
                                                       long fee, Optional<CreationAttempt> attempt,
                                                       ProviderIdempotencyKey idempotencyKey) {
        IntentRequest request = new IntentRequest(account.id(), order.amount(), fee, project.id(),
                order.clientReference(), order.notes(), idempotencyKey);
        Result<ProviderIntent, PaymentError> answer = provider.createIntent(request)
                .mapError(ProviderFailures::toPaymentError);
        return switch (answer) {
            case Result.Err<ProviderIntent, PaymentError> failed -> {
                attempt.ifPresent(ledger::releaseCreation);
                yield Result.err(failed.error());
            }
            case Result.Ok<ProviderIntent, PaymentError> created -> record(project, account, order, fee, attempt,
                    created.value());
        };
    }

    private Result<Payment, PaymentError> record(Project project, ConnectedAccount account, PaymentOrder order,
                                                 long fee, Optional<CreationAttempt> attempt, ProviderIntent intent) {
        Instant now = now();
        Payment payment = new Payment(intent.id(), project.id(), account.id(), order.amount(), fee,
                order.clientReference(), order.notes(), intent.clientSecret(), intent.status(), now, now, intent.created(), 0);
        RecordedCreation recorded;
        try {
            recorded = ledger.recordCreationAndCheckParked(attempt, payment,
                    PaymentEvent.created(ids.newEventId(), payment, now));
        } catch (StoreUnavailable e) {
            releaseQuietly(attempt);
            throw e;
        }
        if (recorded.eventsParked()) {
            applyParkedEventsQuietly(recorded.payment().id());
        }
        return Result.ok(recorded.payment());
    }

    /** Lets an immediate retry reuse the same idempotency key instead of waiting out the lease. */
    private void releaseQuietly(Optional<CreationAttempt> attempt) {
        try {
            attempt.ifPresent(ledger::releaseCreation);
        } catch (StoreUnavailable ignored) {
            // The lease runs out by itself; a later retry takes the attempt over.
        }
    }

    /** Events that raced the create are applied now; if that fails they stay parked for the next try. */
    private void applyParkedEventsQuietly(PaymentId id) {
        try {
            parkedEvents.applyParked(id);
        } catch (StoreUnavailable ignored) {
            // Parked events are kept; the reconciler's sweep applies them later.
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
