package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.model.ClientSecret;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.OnboardingLink;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.IntentRequest;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The provider side of a create, as Stripe deduplicates it: one intent per idempotency key, however often and
 * from whichever instance the key is sent. Counts the intents it made, and can play a process that dies right
 * after the provider created the intent but before the answer was recorded.
 */
final class RecordingProvider implements PaymentProvider {

    /** The process died: nothing after this point of the create ran. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("process killed after the provider created the intent");
        }
    }

    private final Map<String, ProviderIntent> intentsByKey = new ConcurrentHashMap<>();
    private final Duration latency;
    private final AtomicBoolean dieAfterNextCreate = new AtomicBoolean(false);

    RecordingProvider(Duration latency) {
        this.latency = latency;
    }

    void dieAfterNextCreate() {
        dieAfterNextCreate.set(true);
    }

    int intentsCreated() {
        return intentsByKey.size();
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> createIntent(IntentRequest request) {
        sleep(latency);
        ProviderIntent intent = intentsByKey.computeIfAbsent(request.idempotencyKey().value(), key -> {
            PaymentId id = TestIds.paymentId();
            return new ProviderIntent(id, new ClientSecret(id.value() + "_secret_" + TestIds.alphanumeric(16)),
                    PaymentStatus.REQUIRES_PAYMENT_METHOD, request.amount(), Instant.parse("2025-03-01T12:00:00Z"),
                    Instant.parse("2025-03-01T12:00:00Z"));
        });
        if (dieAfterNextCreate.getAndSet(false)) {
            throw new SimulatedCrash();
        }
        return Result.ok(intent);
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> retrieveIntent(ConnectedAccountId account, PaymentId id) {
        return intentsByKey.values().stream().filter(i -> i.id().equals(id)).findFirst()
                .<Result<ProviderIntent, ProviderFailure>>map(Result::ok)
                .orElseGet(() -> Result.err(new ProviderFailure.NotFound("no such intent " + id)));
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> cancelIntent(ConnectedAccountId account, PaymentId id) {
        return Result.err(new ProviderFailure.Refused("req_test", "not used by these tests"));
    }

    @Override
    public Result<ConnectedAccount, ProviderFailure> createAccount(ProjectId project) {
        return Result.err(new ProviderFailure.Refused("req_test", "not used by these tests"));
    }

    @Override
    public Result<ConnectedAccount, ProviderFailure> retrieveAccount(ConnectedAccountId account) {
        return Result.err(new ProviderFailure.NotFound("not used by these tests"));
    }

    @Override
    public Result<OnboardingLink, ProviderFailure> createOnboardingLink(ConnectedAccountId account) {
        return Result.err(new ProviderFailure.Refused("req_test", "not used by these tests"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
