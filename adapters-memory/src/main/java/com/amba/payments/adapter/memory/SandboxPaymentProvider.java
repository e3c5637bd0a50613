package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.CancellationReason;
import com.amba.payments.domain.model.ClientSecret;
import com.amba.payments.domain.model.DisputeStatus;
import com.amba.payments.domain.model.ProviderRefund;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.RefundStatus;
import com.amba.payments.domain.port.out.ProviderIntentSearch;
import com.amba.payments.domain.port.out.ProviderRefunds;
import com.amba.payments.domain.port.out.RefundRequest;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.OnboardingLink;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentNotes;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderEvent;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.OperateSandbox;
import com.amba.payments.domain.port.out.IntentRequest;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.port.out.ProviderEventHandoff;
import com.amba.payments.domain.port.out.StoreUnavailable;
import com.amba.payments.domain.service.SecureRandomIds;
import com.amba.payments.domain.model.Payment;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A payment provider that behaves like Stripe, in memory: Stripe's id shapes, minimum amounts, idempotency
 * keys and state rules. Changes a person makes through {@link OperateSandbox} reach the ledger as provider
 * events through the same hand-off real webhooks take. Also has switches for tests: a provider outage, and an
 * answer lost after the intent was made.
 */
public final class SandboxPaymentProvider implements PaymentProvider, ProviderRefunds, ProviderIntentSearch,
        OperateSandbox {

    /** "Sandbox refunds start pending and succeed after a moment unless told otherwise" (SPEC §11). */
    public static final Duration REFUNDS_SETTLE_AFTER = Duration.ofSeconds(2);

    private static final System.Logger LOG = System.getLogger(SandboxPaymentProvider.class.getName());
    private static final String SANDBOX_REQUEST_ID = "req_sandbox";

    private final ProviderEventHandoff handoff;
    private final InstantSource clock;
    private final SandboxRecall recall;
    /** Where Amba serves the sandbox's pages, once it listens: onboarding links are absolute, like Stripe's. */
    private volatile String pagesBase = "";
    private final SecureRandomIds random = new SecureRandomIds();

    private final Map<PaymentId, SandboxIntent> intents = new HashMap<>();
    private final Map<ProviderIdempotencyKey, PaymentId> byIdempotencyKey = new HashMap<>();
    private final Map<ConnectedAccountId, ConnectedAccount> accounts = new HashMap<>();
    private final Map<RefundId, SandboxRefund> refunds = new HashMap<>();
    private final Map<ProviderIdempotencyKey, RefundId> refundsByIdempotencyKey = new HashMap<>();
    private final Map<PaymentId, DisputeStatus> disputes = new HashMap<>();
    private final ScheduledExecutorService settling = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sandbox-refunds").factory());
    private Duration settleAfter = REFUNDS_SETTLE_AFTER;
    private int refundCalls;
    private int failNextRefunds;
    private int createCalls;
    private int failNextCreates;
    private int loseNextCreateAnswers;
    private volatile Duration createLatency = Duration.ZERO;

    public SandboxPaymentProvider(ProviderEventHandoff handoff, InstantSource clock) {
        this(handoff, clock, SandboxRecall.NOTHING);
    }

    /** A sandbox that recalls, from {@code recall}, what an earlier run of the service created. */
    public SandboxPaymentProvider(ProviderEventHandoff handoff, InstantSource clock, SandboxRecall recall) {
        this.handoff = handoff;
        this.clock = clock;
        this.recall = recall;
    }

    /** The service listens at {@code base} (e.g. {@code http://localhost:8080}): onboarding links point there. */
    public void servedAt(URI base) {
        pagesBase = base.toString().replaceAll("/+$", "");
    }

    /** Held in memory, or recalled from the ledger (a payment of an earlier run), and then held again. */
    private SandboxIntent intent(PaymentId id) {
        SandboxIntent held = intents.get(id);
        if (held == null) {
            held = recall.payment(id).map(SandboxPaymentProvider::recalled).orElse(null);
            if (held != null) {
                intents.put(id, held);
            }
        }
        return held;
    }

    private ConnectedAccount account(ConnectedAccountId id) {
        ConnectedAccount held = accounts.get(id);
        if (held == null) {
            held = recall.account(id).orElse(null);
            if (held != null) {
                accounts.put(id, held);
            }
        }
        return held;
    }

    /** The intent as the ledger last saw it; its idempotency key is not recorded, so it is not looked up by one. */
    private static SandboxIntent recalled(Payment payment) {
        IntentRequest request = new IntentRequest(payment.account(), payment.amount(), payment.applicationFee(),
                payment.projectId(), payment.clientReference(), payment.notes(),
                new ProviderIdempotencyKey("recalled-" + payment.id()));
        return new SandboxIntent(payment.id(), payment.clientSecret(), request, payment.status(),
                payment.statusAsOf().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Makes every create take this long before it answers, as Stripe's does (about 120 ms), without holding the
     * sandbox's lock meanwhile: a benchmark then tests concurrency rather than CPU.
     */
    public void setCreateLatency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("a latency cannot be negative");
        }
        this.createLatency = latency;
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> createIntent(IntentRequest request) {
        Duration latency = createLatency;
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Result.err(new ProviderFailure.Unavailable("sandbox: interrupted, nothing was created"));
            }
        }
        return createNow(request);
    }

    private synchronized Result<ProviderIntent, ProviderFailure> createNow(IntentRequest request) {
        createCalls++;
        if (failNextCreates > 0) {
            failNextCreates--;
            return Result.err(new ProviderFailure.Unavailable("sandbox: simulated outage, nothing was created"));
        }
        PaymentId earlier = byIdempotencyKey.get(request.idempotencyKey());
        if (earlier != null) {
            SandboxIntent intent = intents.get(earlier);
            if (!intent.request().equals(request)) {
                return Result.err(new ProviderFailure.Refused(SANDBOX_REQUEST_ID, "idempotency_error: Keys for"
                        + " idempotent requests can only be used with the same parameters they were first used with"));
            }
            return answered(intent);
        }
        Optional<ProviderFailure> refusal = refusalOf(request);
        if (refusal.isPresent()) {
            return Result.err(refusal.get());
        }
        PaymentId id = new PaymentId("pi_" + random.alphanumeric(24));
        SandboxIntent intent = new SandboxIntent(id, new ClientSecret(id.value() + "_secret_" + random.alphanumeric(25)),
                request, PaymentStatus.REQUIRES_PAYMENT_METHOD, nowToTheSecond());
        intents.put(id, intent);
        byIdempotencyKey.put(request.idempotencyKey(), id);
        return answered(intent);
    }

    /** Stripe's checks on a create, in its order: the account first, then the amount. */
    private Optional<ProviderFailure> refusalOf(IntentRequest request) {
        ConnectedAccount account = account(request.account());
        if (account == null) {
            return Optional.of(new ProviderFailure.NotFound("No such account: '" + request.account() + "'"));
        }
        if (!account.chargesEnabled()) {
            return Optional.of(new ProviderFailure.AccountNotReady(
                    "account_invalid: " + request.account() + " cannot take charges yet (charges_enabled=false)"));
        }
        Money amount = request.amount();
        if (amount.minor() < amount.currency().minimumCharge()) {
            return Optional.of(new ProviderFailure.AmountRejected("amount_too_small: Amount must be at least "
                    + amount.currency().minimumCharge() + " " + amount.currency()));
        }
        if (!amount.currency().accepts(amount.minor())) {
            return Optional.of(new ProviderFailure.AmountRejected("invalid_charge_amount: amounts in "
                    + amount.currency() + " must be a multiple of 10"));
        }
        return Optional.empty();
    }

    /** The intent, unless a test asked for this answer to be lost on the way back (it exists all the same). */
    private Result<ProviderIntent, ProviderFailure> answered(SandboxIntent intent) {
        if (loseNextCreateAnswers > 0) {
            loseNextCreateAnswers--;
            return Result.err(new ProviderFailure.Unavailable("sandbox: simulated timeout after " + intent.id()
                    + " was created"));
        }
        return Result.ok(intent.view(clock.instant()));
    }

    @Override
    public synchronized Result<ProviderIntent, ProviderFailure> retrieveIntent(ConnectedAccountId account,
                                                                            PaymentId id) {
        return intentOn(account, id).map(intent -> intent.view(clock.instant()));
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> cancelIntent(ConnectedAccountId account, PaymentId id) {
        Result<SandboxIntent, ProviderFailure> found;
        synchronized (this) {
            found = intentOn(account, id);
        }
        if (found instanceof Result.Err<SandboxIntent, ProviderFailure> err) {
            return Result.err(err.error());
        }
        return act(id.value(), IntentAction.CANCEL)
                .mapError(error -> new ProviderFailure.UnexpectedState(error.message()));
    }

    private Result<SandboxIntent, ProviderFailure> intentOn(ConnectedAccountId account, PaymentId id) {
        SandboxIntent intent = intent(id);
        if (intent == null || !intent.account().equals(account)) {
            return Result.err(new ProviderFailure.NotFound("No such payment_intent: '" + id + "'"));
        }
        return Result.ok(intent);
    }

    @Override
    public synchronized Result<ConnectedAccount, ProviderFailure> createAccount(ProjectId project) {
        return Result.ok(newAccount(false));
    }

    /** An account that has finished onboarding, as dev mode's demo project has. Emits no event. */
    public synchronized ConnectedAccount createReadyAccount() {
        return newAccount(true);
    }

    private ConnectedAccount newAccount(boolean chargesEnabled) {
        ConnectedAccount account =
                new ConnectedAccount(new ConnectedAccountId("acct_" + random.alphanumeric(16)), chargesEnabled);
        accounts.put(account.id(), account);
        return account;
    }

    @Override
    public synchronized Result<ConnectedAccount, ProviderFailure> retrieveAccount(ConnectedAccountId account) {
        return Optional.ofNullable(account(account))
                .<Result<ConnectedAccount, ProviderFailure>>map(Result::ok)
                .orElseGet(() -> Result.err(new ProviderFailure.NotFound("No such account: '" + account + "'")));
    }

    /** The sandbox's onboarding page on Amba's own port: a browser opens it, its button finishes onboarding. */
    @Override
    public synchronized Result<OnboardingLink, ProviderFailure> createOnboardingLink(ConnectedAccountId account) {
        return retrieveAccount(account)
                .map(a -> new OnboardingLink(pagesBase + "/sandbox/accounts/" + a.id() + "/onboarding"));
    }

    @Override
    public synchronized boolean isAccount(String accountId) {
        return ConnectedAccountId.parse(accountId).map(id -> account(id) != null).orElse(false);
    }

    @Override
    public Result<ProviderIntent, PaymentError> act(String paymentId, IntentAction action) {
        ProviderEvent.PaymentIntentChanged event;
        SandboxIntent moved;
        synchronized (this) {
            Optional<SandboxIntent> found = PaymentId.parse(paymentId).map(this::intent);
            if (found.isEmpty()) {
                return Result.err(new PaymentError.PaymentNotFound());
            }
            SandboxIntent intent = found.get();
            if (intent.status().isTerminal()) {
                return Result.err(new PaymentError.UnexpectedPaymentState("payment_intent_unexpected_state: You"
                        + " cannot " + action.wireName() + " this PaymentIntent because it has a status of "
                        + intent.status() + "."));
            }
            moved = intent.movedTo(statusAfter(action));
            intents.put(moved.id(), moved);
            event = new ProviderEvent.PaymentIntentChanged(newEventId(), nowToTheSecond(), moved.id(),
                    Optional.of(moved.account()), moved.status(), moved.request().amount().minor(),
                    moved.request().amount().currency().code());
        }
        // Handed off outside the lock: applying the event may re-read this intent from another thread.
        deliver(event);
        return Result.ok(moved.view(clock.instant()));
    }

    /** {@code fail} is Stripe's payment_failed: the intent wants another payment method, it is not final. */
    private static PaymentStatus statusAfter(IntentAction action) {
        return switch (action) {
            case REQUIRE_ACTION -> PaymentStatus.REQUIRES_ACTION;
            case PROCESS -> PaymentStatus.PROCESSING;
            case SUCCEED -> PaymentStatus.SUCCEEDED;
            case FAIL -> PaymentStatus.REQUIRES_PAYMENT_METHOD;
            case CANCEL -> PaymentStatus.CANCELED;
        };
    }

    @Override
    public Result<ConnectedAccount, PaymentError> completeOnboarding(String accountId) {
        ConnectedAccount ready;
        synchronized (this) {
            Optional<ConnectedAccountId> id = ConnectedAccountId.parse(accountId).filter(known -> account(known) != null);
            if (id.isEmpty()) {
                return Result.err(new PaymentError.AccountNotFound());
            }
            ready = new ConnectedAccount(id.get(), true);
            accounts.put(ready.id(), ready);
        }
        deliver(new ProviderEvent.AccountChanged(newEventId(), nowToTheSecond(), ready.id(), true));
        return Result.ok(ready);
    }

    /** Like a webhook Stripe could not deliver: the change stands; the reconciler reads it later. */
    private void deliver(ProviderEvent event) {
        try {
            handoff.handOff(event);
        } catch (StoreUnavailable e) {
            LOG.log(Level.WARNING, "sandbox event {0} could not be handed off ({1}); the reconciler will catch up",
                    event.id(), e.getMessage());
        }
    }

    private ProviderEventId newEventId() {
        return new ProviderEventId("evt_" + random.alphanumeric(24));
    }

    private Instant nowToTheSecond() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Test switch: the next {@code n} creates fail as in an outage, before anything is created. */
    public synchronized void failNextCreates(int n) {
        failNextCreates = n;
    }

    /** Test switch: the next {@code n} creates make (or find) the intent, but the answer is lost: a timeout. */
    public synchronized void loseNextCreateAnswers(int n) {
        loseNextCreateAnswers = n;
    }

    /** How many times a create was asked for, whatever came of it. */
    public synchronized int createCalls() {
        return createCalls;
    }

    // ---- refunds, cancel with a reason, disputes (SPEC §11) ----

    @Override
    public Result<ProviderRefund, ProviderFailure> createRefund(RefundRequest request) {
        SandboxRefund made;
        synchronized (this) {
            refundCalls++;
            if (failNextRefunds > 0) {
                failNextRefunds--;
                return Result.err(new ProviderFailure.Unavailable("sandbox: simulated outage, nothing was refunded"));
            }
            RefundId earlier = refundsByIdempotencyKey.get(request.idempotencyKey());
            if (earlier != null) {
                SandboxRefund refund = refunds.get(earlier);
                if (!refund.request().equals(request)) {
                    return Result.err(new ProviderFailure.Refused(SANDBOX_REQUEST_ID, "idempotency_error: Keys for"
                            + " idempotent requests can only be used with the same parameters they were first used with"));
                }
                return Result.ok(refund.view());
            }
            Result<SandboxIntent, ProviderFailure> found = intentOn(request.account(), request.paymentId());
            if (found instanceof Result.Err<SandboxIntent, ProviderFailure> err) {
                return Result.err(err.error());
            }
            SandboxIntent intent = found.orElseThrow();
            if (intent.status() != PaymentStatus.SUCCEEDED) {
                return Result.err(new ProviderFailure.UnexpectedState("charge_not_refundable: this PaymentIntent "
                        + "has no succeeded charge to refund (status " + intent.status() + ")"));
            }
            long held = refunds.values().stream()
                    .filter(r -> r.request().paymentId().equals(intent.id()) && r.status().holdsMoney())
                    .mapToLong(r -> r.amount().minor()).sum();
            if (held + request.amount() > intent.request().amount().minor()) {
                return Result.err(new ProviderFailure.AmountRejected("amount_too_large: Refund amount ("
                        + request.amount() + ") is greater than unrefunded amount on charge ("
                        + (intent.request().amount().minor() - held) + ")"));
            }
            made = newRefund(request, intent);
            refundsByIdempotencyKey.put(request.idempotencyKey(), made.id());
        }
        announce(made);
        return Result.ok(made.view());
    }

    private SandboxRefund newRefund(RefundRequest request, SandboxIntent intent) {
        SandboxRefund made = new SandboxRefund(new RefundId("re_" + random.alphanumeric(24)), request,
                new Money(request.amount(), intent.request().amount().currency()), RefundStatus.PENDING,
                nowToTheSecond());
        refunds.put(made.id(), made);
        return made;
    }

    /** refund.created now; the refund succeeds by itself a moment later unless a person fails it first. */
    private void announce(SandboxRefund made) {
        deliver(refundEvent(made));
        RefundId id = made.id();
        settling.schedule(() -> moveRefundQuietly(id), settleAfter.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Test switch: a refund made at the provider directly (Stripe's dashboard), with none of Amba's metadata.
     * @throws IllegalStateException when the intent has not succeeded or has too little left
     */
    public ProviderRefund refundOutsideAmba(PaymentId paymentId, long amount) {
        SandboxRefund made;
        synchronized (this) {
            SandboxIntent intent = intents.get(paymentId);
            long held = refunds.values().stream()
                    .filter(r -> r.request().paymentId().equals(paymentId) && r.status().holdsMoney())
                    .mapToLong(r -> r.amount().minor()).sum();
            if (intent == null || intent.status() != PaymentStatus.SUCCEEDED
                    || held + amount > intent.request().amount().minor()) {
                throw new IllegalStateException(paymentId + " has no " + amount + " left to refund");
            }
            RefundRequest request = new RefundRequest(intent.account(), paymentId, amount, Optional.empty(), false,
                    intent.request().projectId(), "", random.newIdempotencyKey());
            made = newRefund(request, intent);
        }
        announce(made);
        return made.view();
    }

    /** Test switch: the next {@code n} refunds fail as in an outage, before anything is refunded. */
    public synchronized void failNextRefunds(int n) {
        failNextRefunds = n;
    }

    /** The caller's notes (metadata, description) the intent was created with, as a provider would hold them. */
    public synchronized Optional<PaymentNotes> intentNotes(PaymentId id) {
        return Optional.ofNullable(intents.get(id)).map(intent -> intent.request().notes());
    }

    /** Where the intent stands at the provider (tests check that a cancel reached it). */
    public synchronized Optional<PaymentStatus> intentStatus(PaymentId id) {
        return Optional.ofNullable(intents.get(id)).map(SandboxIntent::status);
    }

    private void moveRefundQuietly(RefundId id) {
        moveRefund(id.value(), RefundAction.SUCCEED);
    }

    @Override
    public synchronized Result<ProviderRefund, ProviderFailure> retrieveRefund(ConnectedAccountId account, RefundId id) {
        SandboxRefund refund = refunds.get(id);
        if (refund == null || !refund.request().account().equals(account)) {
            return Result.err(new ProviderFailure.NotFound("No such refund: '" + id + "'"));
        }
        return Result.ok(refund.view());
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> cancelIntent(ConnectedAccountId account, PaymentId id,
                                                                Optional<CancellationReason> reason) {
        return cancelIntent(account, id);
    }

    @Override
    public Result<ProviderRefund, PaymentError> moveRefund(String refundId, RefundAction action) {
        SandboxRefund moved;
        synchronized (this) {
            Optional<SandboxRefund> found = RefundId.parse(refundId).map(refunds::get);
            if (found.isEmpty()) {
                return Result.err(new PaymentError.RefundNotFound());
            }
            if (found.get().status().isFinal()) {
                return Result.err(new PaymentError.UnexpectedPaymentState("refund " + refundId + " has already "
                        + found.get().status() + "; it cannot " + action.wireName()));
            }
            moved = found.get().movedTo(action == RefundAction.SUCCEED ? RefundStatus.SUCCEEDED : RefundStatus.FAILED);
            refunds.put(moved.id(), moved);
        }
        deliver(refundEvent(moved));
        return Result.ok(moved.view());
    }

    private ProviderEvent.RefundChanged refundEvent(SandboxRefund refund) {
        return new ProviderEvent.RefundChanged(newEventId(), nowToTheSecond(), refund.id(),
                refund.request().paymentId(), Optional.of(refund.request().account()), refund.status(),
                refund.amount().minor(), refund.amount().currency().code(), refund.request().reason(),
                Optional.of(refund.request().attemptId()).filter(attempt -> !attempt.isEmpty()));
    }

    @Override
    public Result<DisputeStatus, PaymentError> dispute(String paymentId, DisputeStatus status) {
        ProviderEvent.DisputeChanged event;
        synchronized (this) {
            Optional<SandboxIntent> found = PaymentId.parse(paymentId).map(intents::get);
            if (found.isEmpty()) {
                return Result.err(new PaymentError.PaymentNotFound());
            }
            SandboxIntent intent = found.get();
            DisputeStatus current = disputes.getOrDefault(intent.id(), DisputeStatus.NONE);
            if (intent.status() != PaymentStatus.SUCCEEDED || current.isFinal() || status == DisputeStatus.NONE) {
                return Result.err(new PaymentError.UnexpectedPaymentState("a dispute needs a succeeded charge and "
                        + "goes needs_response, under_review, won or lost; this one is " + current));
            }
            disputes.put(intent.id(), status);
            event = new ProviderEvent.DisputeChanged(newEventId(), nowToTheSecond(), intent.id(),
                    Optional.of(intent.account()), status, intent.request().amount().minor(),
                    intent.request().amount().currency().code(), Optional.of("fraudulent"));
        }
        deliver(event);
        return Result.ok(status);
    }

    /** Every sandbox intent was made through Amba (it carries its project); newest first. */
    @Override
    public synchronized Result<List<ProviderIntent>, ProviderFailure> intentsMadeByAmba(ConnectedAccountId account,
                                                                                      Instant before, int limit) {
        return Result.ok(intents.values().stream()
                .filter(intent -> intent.account().equals(account) && intent.created().isBefore(before))
                .sorted(Comparator.comparing((SandboxIntent intent) -> intent.created()).reversed())
                .limit(limit)
                .map(intent -> intent.view(clock.instant()))
                .toList());
    }

    /** The ids of the intents on one connected account, whatever the ledger knows of them. */
    public synchronized List<PaymentId> intentIdsOn(ConnectedAccountId account) {
        return intents.values().stream().filter(intent -> intent.account().equals(account)).map(SandboxIntent::id)
                .toList();
    }

    /** Test switch: how long a new refund stays pending before it succeeds by itself. */
    public synchronized void settleRefundsAfter(Duration delay) {
        settleAfter = delay;
    }

    /** How many times a refund was asked for, whatever came of it. */
    public synchronized int refundCalls() {
        return refundCalls;
    }

    /** How many distinct refunds exist on one intent. */
    public synchronized int refundCountOn(PaymentId payment) {
        return (int) refunds.values().stream().filter(r -> r.request().paymentId().equals(payment)).count();
    }

    /** How many distinct intents exist: "the provider made one intent" is this being 1. */
    public synchronized int createdIntentCount() {
        return intents.size();
    }

    /** How many intents were made on one connected account. */
    public synchronized int intentCountOn(ConnectedAccountId account) {
        return (int) intents.values().stream().filter(intent -> intent.account().equals(account)).count();
    }
}
