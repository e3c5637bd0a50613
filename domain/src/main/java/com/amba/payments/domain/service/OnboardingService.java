package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.AccountSetup;
import com.amba.payments.domain.port.in.OnboardingPages;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the provider's hosted onboarding sends a project owner back to. Only accounts a project holds are
 * answered: any other id, well-formed or not, is ACCOUNT_NOT_FOUND, and the provider is not asked about it.
 */
public final class OnboardingService implements OnboardingPages {

    private final ControlPlane controlPlane;
    private final PaymentProvider provider;
    private final ProviderAccounts accounts;

    public OnboardingService(ControlPlane controlPlane, PaymentProvider provider) {
        this.controlPlane = controlPlane;
        this.provider = provider;
        this.accounts = new ProviderAccounts(controlPlane, provider);
    }

    @Override
    public Result<Project, PaymentError> returned(String accountId) {
        return guarded(() -> holderOf(accountId).flatMap(project -> current(project).map(project::withAccount)));
    }

    @Override
    public Result<AccountSetup, PaymentError> refreshed(String accountId) {
        return guarded(() -> holderOf(accountId).flatMap(this::current).flatMap(accounts::withOnboardingLink));
    }

    private Result<ConnectedAccount, PaymentError> current(Project project) {
        ConnectedAccountId id = project.account().orElseThrow().id();
        return accounts.keep(project, provider.retrieveAccount(id));
    }

    private Result<Project, PaymentError> holderOf(String accountId) {
        Optional<ConnectedAccountId> id = ConnectedAccountId.parse(accountId);
        return id.flatMap(wanted -> controlPlane.projects().stream()
                        .filter(project -> project.account().map(held -> held.id().equals(wanted)).orElse(false))
                        .findFirst())
                .<Result<Project, PaymentError>>map(Result::ok)
                .orElseGet(() -> Result.err(new PaymentError.AccountNotFound()));
    }

    private static <T> Result<T, PaymentError> guarded(Supplier<Result<T, PaymentError>> call) {
        try {
            return call.get();
        } catch (StoreUnavailable e) {
            return Result.err(new PaymentError.ControlPlaneUnavailable());
        }
    }
}
