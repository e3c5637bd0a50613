package com.amba.payments.domain.model;

/** A project's Stripe Connect account and whether it can take charges yet. */
public record ConnectedAccount(ConnectedAccountId id, boolean chargesEnabled) {
}
