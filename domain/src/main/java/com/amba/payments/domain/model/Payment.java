package com.amba.payments.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment as Amba's ledger knows it. {@code statusAsOf} is the provider's time of the fact behind the
 * current status; it decides whether a later event is newer. {@code version} counts ledger changes. The
 * caller's {@code notes} (metadata, description) are kept as sent at the create.
 */
public record Payment(PaymentId id, ProjectId projectId, ConnectedAccountId account, Money amount,
                      long applicationFee, Optional<ClientReference> clientReference, PaymentNotes notes,
                      ClientSecret clientSecret,
                      PaymentStatus status, Instant createdAt, Instant updatedAt, Instant statusAsOf,
                      long version) {

    public Payment {
        Objects.requireNonNull(id);
        Objects.requireNonNull(projectId);
        Objects.requireNonNull(account);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(clientReference);
        Objects.requireNonNull(notes);
        Objects.requireNonNull(clientSecret);
        Objects.requireNonNull(status);
        if (applicationFee < 0 || applicationFee >= amount.minor()) {
            throw new IllegalArgumentException("fee must be at least 0 and below the amount");
        }
    }

    public boolean belongsTo(ProjectId project) {
        return projectId.equals(project);
    }

    /**
     * The same payment, its status confirmed by the provider as of {@code asOf}: nothing the provider dated
     * before may overwrite it now. Not a change of the payment ({@code updatedAt} stays), but a change of what the
     * ledger knows ({@code version} counts it).
     */
    public Payment confirmedAsOf(Instant asOf) {
        Instant latest = asOf.isAfter(statusAsOf) ? asOf : statusAsOf;
        return new Payment(id, projectId, account, amount, applicationFee, clientReference, notes, clientSecret, status,
                createdAt, updatedAt, latest, version + 1);
    }

    /** The same payment, moved to another status by a fact the provider dated {@code asOf}. */
    public Payment movedTo(PaymentStatus next, Instant asOf, Instant now) {
        Instant latest = asOf.isAfter(statusAsOf) ? asOf : statusAsOf;
        return new Payment(id, projectId, account, amount, applicationFee, clientReference, notes, clientSecret, next,
                createdAt, now, latest, version + 1);
    }
}
