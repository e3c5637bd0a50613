package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.Result;

/**
 * The pages a project owner's browser lands on from the provider's hosted onboarding (Stripe's account link
 * {@code return_url} and {@code refresh_url}). Both ask the provider for the account's current state first, so
 * they never wait for {@code account.updated}.
 */
public interface OnboardingPages {

    /** The project holding the account, with the account as the provider describes it now. ACCOUNT_NOT_FOUND else. */
    Result<Project, PaymentError> returned(String accountId);

    /** A fresh onboarding link while the account cannot take charges; none once it can. ACCOUNT_NOT_FOUND else. */
    Result<AccountSetup, PaymentError> refreshed(String accountId);
}
