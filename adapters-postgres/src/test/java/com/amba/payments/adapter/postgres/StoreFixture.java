package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.testing.TestIds;
import java.time.Instant;
import java.util.Optional;

/** A platform ready to take payments: switched on, with a default fee and one onboarded project with a key. */
record StoreFixture(Project project, String serverKey) {

    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    static StoreFixture readyProject(ControlPlane controlPlane) {
        Project project = new Project(TestIds.projectId(), "Shop", Optional.empty(),
                Optional.of(new ConnectedAccount(TestIds.accountId(), true)), T0);
        controlPlane.addProject(project);
        controlPlane.setPaymentsEnabled(true);
        controlPlane.setPlatformDefaultFee(Optional.of(new BasisPoints(250)));
        String secret = ApiKeyKind.SERVER.prefix() + TestIds.alphanumeric(32);
        controlPlane.addApiKey(new ApiKey(new ApiKeyId("key_" + TestIds.alphanumeric(12)), project.id(),
                ApiKeyKind.SERVER, KeyHash.of(secret), T0, Optional.empty()));
        return new StoreFixture(project, secret);
    }

    ProjectId projectId() {
        return project.id();
    }
}
