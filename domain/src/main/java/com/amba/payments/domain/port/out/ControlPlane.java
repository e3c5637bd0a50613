package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.PlatformSettings;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The platform owner's settings: the platform switch and default fee, projects, their keys and connected
 * accounts. Every method may throw {@link StoreUnavailable}; then nothing was changed.
 */
public interface ControlPlane {

    PlatformSettings platform();

    void setPaymentsEnabled(boolean enabled);

    void setPlatformDefaultFee(Optional<BasisPoints> fee);

    void addProject(Project project);

    Optional<Project> project(ProjectId id);

    List<Project> projects();

    /** False when there is no such project. */
    boolean setProjectDefaultFee(ProjectId id, Optional<BasisPoints> fee);

    /** False when there is no such project. */
    boolean attachAccount(ProjectId id, ConnectedAccount account);

    /** Updates readiness of whichever project holds the account; empty when none does. */
    Optional<ProjectId> setChargesEnabled(ConnectedAccountId account, boolean chargesEnabled);

    void addApiKey(ApiKey key);

    Optional<ApiKey> apiKeyByHash(KeyHash hash);

    /**
     * The key with this hash if this instance already holds it, as {@link #apiKeyByHash} would answer it, without
     * asking the store: it never waits and never throws. Empty when it is not at hand, which says nothing about
     * whether such a key exists.
     */
    default Optional<ApiKey> apiKeyAtHand(KeyHash hash) {
        return Optional.empty();
    }

    /** A project's keys, revoked ones included, oldest first. */
    List<ApiKey> apiKeys(ProjectId project);

    /** False when the project has no such key. Revoking twice keeps the first revocation time. */
    boolean revokeApiKey(ProjectId project, ApiKeyId key, Instant at);
}
