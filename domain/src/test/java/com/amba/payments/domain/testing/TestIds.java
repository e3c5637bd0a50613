package com.amba.payments.domain.testing;

import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.service.SecureRandomIds;
import java.util.UUID;

/** Fresh ids in the shapes the provider uses, so tests never collide with each other's data. */
public final class TestIds {

    private static final SecureRandomIds RANDOM = new SecureRandomIds();

    private TestIds() {
    }

    public static PaymentId paymentId() {
        return new PaymentId("pi_" + RANDOM.alphanumeric(24));
    }

    public static ProjectId projectId() {
        return RANDOM.newProjectId();
    }

    public static ConnectedAccountId accountId() {
        return new ConnectedAccountId("acct_" + RANDOM.alphanumeric(16));
    }

    public static ProviderEventId eventId() {
        return new ProviderEventId("evt_" + RANDOM.alphanumeric(24));
    }

    public static String outgoingEventId() {
        return UUID.randomUUID().toString();
    }

    public static String alphanumeric(int length) {
        return RANDOM.alphanumeric(length);
    }
}
