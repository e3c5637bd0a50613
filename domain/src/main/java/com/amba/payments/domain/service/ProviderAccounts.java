package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.OnboardingLink;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.AccountSetup;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.PaymentProvider;
import java.util.Optional;

/** The provider's word on a connected account, recorded on its project; and the link to finish onboarding. */
final class ProviderAccounts {

    private final ControlPlane controlPlane;
    private final PaymentProvider provider;

    ProviderAccounts(ControlPlane controlPlane, PaymentProvider provider) {
        this.controlPlane = controlPlane;
        this.provider = provider;
    }

    /** Records what the provider answered about the project's account (readiness included). */
    Result<ConnectedAccount, PaymentError> keep(Project project, Result<ConnectedAccount, ProviderFailure> answer) {
        return fromProvider(answer).map(account -> {
            controlPlane.attachAccount(project.id(), account);
            return account;
        });
    }

    /** A fresh link while the account cannot take charges; none once it can. */
    Result<AccountSetup, PaymentError> withOnboardingLink(ConnectedAccount account) {
        if (account.chargesEnabled()) {
            return Result.ok(new AccountSetup(account, Optional.empty()));
        }
        return fromProvider(provider.createOnboardingLink(account.id()))
                .map(link -> new AccountSetup(account, Optional.<OnboardingLink>of(link)));
    }

    static <T> Result<T, PaymentError> fromProvider(Result<T, ProviderFailure> answer) {
        return answer.mapError(failure -> failure instanceof ProviderFailure.NotFound
                ? new PaymentError.AccountNotFound() : ProviderFailures.toPaymentError(failure));
    }
}
