package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.PlatformSettings;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.port.out.ControlPlane;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The platform owner's settings in memory (dev mode and tests). One monitor makes every call atomic. */
public final class InMemoryControlPlane implements ControlPlane {

    private PlatformSettings platform = PlatformSettings.initial();
    private final Map<ProjectId, Project> projects = new LinkedHashMap<>();
    private final Map<KeyHash, ApiKey> keysByHash = new HashMap<>();

    @Override
    public synchronized PlatformSettings platform() {
        return platform;
    }

    @Override
    public synchronized void setPaymentsEnabled(boolean enabled) {
        platform = new PlatformSettings(enabled, platform.defaultFee());
    }

    @Override
    public synchronized void setPlatformDefaultFee(Optional<BasisPoints> fee) {
        platform = new PlatformSettings(platform.paymentsEnabled(), fee);
    }

    @Override
    public synchronized void addProject(Project project) {
        projects.put(project.id(), project);
    }

    @Override
    public synchronized Optional<Project> project(ProjectId id) {
        return Optional.ofNullable(projects.get(id));
    }

    @Override
    public synchronized List<Project> projects() {
        return List.copyOf(projects.values());
    }

    @Override
    public synchronized boolean setProjectDefaultFee(ProjectId id, Optional<BasisPoints> fee) {
        return projects.computeIfPresent(id, (key, project) -> project.withDefaultFee(fee)) != null;
    }

    @Override
    public synchronized boolean attachAccount(ProjectId id, ConnectedAccount account) {
        return projects.computeIfPresent(id, (key, project) -> project.withAccount(account)) != null;
    }

    @Override
    public synchronized Optional<ProjectId> setChargesEnabled(ConnectedAccountId account, boolean chargesEnabled) {
        Optional<Project> holder = projects.values().stream()
                .filter(p -> p.account().map(a -> a.id().equals(account)).orElse(false))
                .findFirst();
        holder.ifPresent(p -> projects.put(p.id(), p.withAccount(new ConnectedAccount(account, chargesEnabled))));
        return holder.map(Project::id);
    }

    @Override
    public synchronized void addApiKey(ApiKey key) {
        keysByHash.put(key.hash(), key);
    }

    @Override
    public synchronized Optional<ApiKey> apiKeyByHash(KeyHash hash) {
        return Optional.ofNullable(keysByHash.get(hash));
    }

    /** Every key is at hand here: this is the store. */
    @Override
    public Optional<ApiKey> apiKeyAtHand(KeyHash hash) {
        return apiKeyByHash(hash);
    }

    @Override
    public synchronized List<ApiKey> apiKeys(ProjectId project) {
        return keysByHash.values().stream().filter(key -> key.projectId().equals(project))
                .sorted(java.util.Comparator.comparing(ApiKey::createdAt).thenComparing(key -> key.id().value()))
                .toList();
    }

    @Override
    public synchronized boolean revokeApiKey(ProjectId project, ApiKeyId key, Instant at) {
        Optional<ApiKey> found = keysByHash.values().stream()
                .filter(k -> k.id().equals(key) && k.projectId().equals(project))
                .findFirst();
        found.ifPresent(k -> keysByHash.put(k.hash(), k.revoked(at)));
        return found.isPresent();
    }
}
