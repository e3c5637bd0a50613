package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.OnboardingLink;
import java.util.Optional;

/** A project's connected account and, while it cannot take charges, where to finish onboarding. */
public record AccountSetup(ConnectedAccount account, Optional<OnboardingLink> onboarding) {
}
