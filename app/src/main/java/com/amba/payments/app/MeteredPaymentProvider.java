package com.amba.payments.app;

import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.OnboardingLink;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.IntentRequest;
import com.amba.payments.domain.port.out.PaymentProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Supplier;

/**
 * Every provider call timed by operation and outcome ({@code amba_provider_call_seconds{operation, outcome}}):
 * {@code ok}, or the kind of failure ({@code unavailable}, {@code refused}, …), so a slow or failing Stripe shows on
 * /metrics before it shows in the answers.
 */
final class MeteredPaymentProvider implements PaymentProvider {

    private final PaymentProvider provider;
    private final MeterRegistry registry;

    MeteredPaymentProvider(PaymentProvider provider, MeterRegistry registry) {
        this.provider = provider;
        this.registry = registry;
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> createIntent(IntentRequest request) {
        return timed("create_intent", () -> provider.createIntent(request));
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> retrieveIntent(ConnectedAccountId account, PaymentId id) {
        return timed("retrieve_intent", () -> provider.retrieveIntent(account, id));
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> cancelIntent(ConnectedAccountId account, PaymentId id) {
        return timed("cancel_intent", () -> provider.cancelIntent(account, id));
    }

    @Override
    public Result<ConnectedAccount, ProviderFailure> createAccount(ProjectId project) {
        return timed("create_account", () -> provider.createAccount(project));
    }

    @Override
    public Result<ConnectedAccount, ProviderFailure> retrieveAccount(ConnectedAccountId account) {
        return timed("retrieve_account", () -> provider.retrieveAccount(account));
    }

    @Override
    public Result<OnboardingLink, ProviderFailure> createOnboardingLink(ConnectedAccountId account) {
        return timed("create_onboarding_link", () -> provider.createOnboardingLink(account));
    }

    private <T> Result<T, ProviderFailure> timed(String operation, Supplier<Result<T, ProviderFailure>> call) {
        long started = System.nanoTime();
        String outcome = "exception";
        try {
            Result<T, ProviderFailure> answer = call.get();
            outcome = switch (answer) {
                case Result.Ok<T, ProviderFailure> ok -> "ok";
                case Result.Err<T, ProviderFailure> err -> Outcomes.snakeCase(err.error().getClass().getSimpleName());
            };
            return answer;
        } finally {
            Timer.builder("amba.provider.call")
                    .description("Calls to the payment provider, by operation and outcome")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .register(registry)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }
}
