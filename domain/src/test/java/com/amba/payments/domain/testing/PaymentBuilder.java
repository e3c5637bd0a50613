package com.amba.payments.domain.testing;

import com.amba.payments.domain.model.ClientReference;
import com.amba.payments.domain.model.ClientSecret;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProjectId;
import java.time.Instant;
import java.util.Optional;

/** A valid payment with sensible defaults; each {@code with…} changes one thing. */
public final class PaymentBuilder {

    /** Whole seconds, so every store (microsecond databases included) keeps it exactly. */
    public static final Instant DEFAULT_TIME = Instant.parse("2025-03-01T12:00:00Z");

    private PaymentId id = TestIds.paymentId();
    private ProjectId projectId = new ProjectId("proj_test");
    private ConnectedAccountId account = new ConnectedAccountId("acct_test");
    private Money amount = Money.of(2_000, "usd");
    private long applicationFee = 100;
    private Optional<ClientReference> clientReference = Optional.empty();
    private com.amba.payments.domain.model.PaymentNotes notes = com.amba.payments.domain.model.PaymentNotes.NONE;
    private PaymentStatus status = PaymentStatus.REQUIRES_PAYMENT_METHOD;
    private Instant createdAt = DEFAULT_TIME;
    private Optional<Instant> updatedAt = Optional.empty();
    private Optional<Instant> statusAsOf = Optional.empty();
    private long version;

    PaymentBuilder() {
    }

    public PaymentBuilder withId(PaymentId value) {
        id = value;
        return this;
    }

    public PaymentBuilder inProject(ProjectId value) {
        projectId = value;
        return this;
    }

    public PaymentBuilder onAccount(ConnectedAccountId value) {
        account = value;
        return this;
    }

    public PaymentBuilder withAmount(long minor, String currency) {
        amount = Money.of(minor, currency);
        return this;
    }

    public PaymentBuilder withFee(long minor) {
        applicationFee = minor;
        return this;
    }

    public PaymentBuilder withReference(String reference) {
        clientReference = Optional.of(new ClientReference(reference));
        return this;
    }

    public PaymentBuilder withNotes(java.util.Map<String, String> metadata, Optional<String> description) {
        notes = com.amba.payments.domain.model.PaymentNotes.of(metadata, description);
        return this;
    }

    public PaymentBuilder withStatus(PaymentStatus value) {
        status = value;
        return this;
    }

    /** Also the update time and the provider's time, unless those are set on their own. */
    public PaymentBuilder createdAt(Instant value) {
        createdAt = value;
        return this;
    }

    public PaymentBuilder updatedAt(Instant value) {
        updatedAt = Optional.of(value);
        return this;
    }

    public PaymentBuilder statusAsOf(Instant value) {
        statusAsOf = Optional.of(value);
        return this;
    }

    public PaymentBuilder withVersion(long value) {
        version = value;
        return this;
    }

    public Payment build() {
        return new Payment(id, projectId, account, amount, applicationFee, clientReference, notes,
                new ClientSecret(id.value() + "_secret_" + TestIds.alphanumeric(25)), status, createdAt,
                updatedAt.orElse(createdAt), statusAsOf.orElse(createdAt), version);
    }
}
