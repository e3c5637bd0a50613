package com.amba.payments.app;

import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.ProjectId;

/** What dev mode prints once at start so a person can use the service with curl right away. */
public record DemoCredentials(ProjectId projectId, ConnectedAccountId accountId, String serverKey,
                              String clientKey) {

    @Override
    public String toString() {
        return "DemoCredentials[" + projectId + ", " + accountId + ", keys redacted]";
    }
}
