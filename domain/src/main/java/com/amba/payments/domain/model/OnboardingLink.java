package com.amba.payments.domain.model;

/** Where a project owner finishes onboarding with the provider. */
public record OnboardingLink(String url) {
}
