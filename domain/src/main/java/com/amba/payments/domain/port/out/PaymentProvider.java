package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.OnboardingLink;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;

/** The payment processor (Stripe, or the sandbox that behaves like it). */
public interface PaymentProvider {

    /** A direct charge on the connected account; the same idempotency key always reaches the same intent. */
    Result<ProviderIntent, ProviderFailure> createIntent(IntentRequest request);

    Result<ProviderIntent, ProviderFailure> retrieveIntent(ConnectedAccountId account, PaymentId id);

    Result<ProviderIntent, ProviderFailure> cancelIntent(ConnectedAccountId account, PaymentId id);

    /** A new Express connected account for the project; it starts unable to take charges. */
    Result<ConnectedAccount, ProviderFailure> createAccount(ProjectId project);

    Result<ConnectedAccount, ProviderFailure> retrieveAccount(ConnectedAccountId account);

    Result<OnboardingLink, ProviderFailure> createOnboardingLink(ConnectedAccountId account);
}
