package com.amba.payments.adapter.postgres;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The control plane's hot reads (API keys by hash, projects, platform settings) from memory, so that a create or
 * a read does not spend a round trip on them. Safe across instances because it only serves what it holds while
 * its {@link ControlPlaneListener} is listening: every committed change notifies every instance, which then
 * forgets everything it holds; while not listening (connection lost, not yet back) every read goes to the
 * database. Whatever it holds is also re-read once it is {@code maxAge} old, which bounds how long a change can go
 * unseen even if a notification were lost without the connection looking lost. Writes go to the database, and
 * this instance forgets at once, without waiting for its own notification.
 */
final class CachedControlPlane implements ControlPlane, ControlPlaneListener.Changes {

    /** More entries than any real platform has keys and projects: beyond it, start again rather than grow. */
    static final int MOST_ENTRIES = 50_000;

    private record Entry<T>(T value, long generation, long loadedAtNanos) {}

    private final ControlPlane store;
    private final long maxAgeNanos;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private final Map<Boolean, Entry<PlatformSettings>> platform = new ConcurrentHashMap<>();
    private final Map<ProjectId, Entry<Optional<Project>>> projects = new ConcurrentHashMap<>();
    private final Map<KeyHash, Entry<Optional<ApiKey>>> keys = new ConcurrentHashMap<>();

    CachedControlPlane(ControlPlane store, Duration maxAge) {
        this.store = store;
        this.maxAgeNanos = maxAge.toNanos();
    }

    // ---- what the listener says ----

    @Override
    public void changed() {
        forget();
    }

    @Override
    public void listening(boolean now) {
        // Forget first: anything loaded before this moment may predate a change that was not heard.
        forget();
        listening = now;
        forget();
    }

    boolean isListening() {
        return listening;
    }

    private void forget() {
        generation.incrementAndGet();
        platform.clear();
        projects.clear();
        keys.clear();
    }

    // ---- reads ----

    @Override
    public PlatformSettings platform() {
        return cached(platform, Boolean.TRUE, store::platform, settings -> true);
    }

    @Override
    public Optional<Project> project(ProjectId id) {
        return cached(projects, id, () -> store.project(id), found -> true);
    }

    /** Keys that exist are kept (revoked ones too, with their revocation); an unknown hash is asked every time. */
    @Override
    public Optional<ApiKey> apiKeyByHash(KeyHash hash) {
        return cached(keys, hash, () -> store.apiKeyByHash(hash), Optional::isPresent);
    }

    /** A key read while listening, since the last change heard, and younger than {@code maxAge}; else empty. */
    @Override
    public Optional<ApiKey> apiKeyAtHand(KeyHash hash) {
        Entry<Optional<ApiKey>> held = keys.get(hash);
        return isFresh(held) ? held.value() : Optional.empty();
    }

    @Override
    public List<Project> projects() {
        return store.projects();
    }

    /** The platform owner's listing: rare, so never cached. */
    @Override
    public List<ApiKey> apiKeys(ProjectId project) {
        return store.apiKeys(project);
    }

    private <K, V> V cached(Map<K, Entry<V>> map, K key, Supplier<V> load, Predicate<V> worthKeeping) {
        Entry<V> held = map.get(key);
        if (isFresh(held)) {
            return held.value();
        }
        long before = generation.get();
        long loadedAt = System.nanoTime();
        V loaded = load.get();
        // Only what was read after the last change heard, while listening, may be kept.
        if (worthKeeping.test(loaded) && listening && generation.get() == before) {
            if (map.size() >= MOST_ENTRIES) {
                map.clear();
            }
            map.put(key, new Entry<>(loaded, before, loadedAt));
        }
        return loaded;
    }

    private boolean isFresh(Entry<?> held) {
        return held != null && listening && held.generation() == generation.get()
                && System.nanoTime() - held.loadedAtNanos() < maxAgeNanos;
    }

    // ---- writes: to the database, then forget here at once ----

    @Override
    public void setPaymentsEnabled(boolean enabled) {
        writingOnly(() -> store.setPaymentsEnabled(enabled));
    }

    @Override
    public void setPlatformDefaultFee(Optional<BasisPoints> fee) {
        writingOnly(() -> store.setPlatformDefaultFee(fee));
    }

    @Override
    public void addProject(Project project) {
        writingOnly(() -> store.addProject(project));
    }

    @Override
    public boolean setProjectDefaultFee(ProjectId id, Optional<BasisPoints> fee) {
        return writing(() -> store.setProjectDefaultFee(id, fee));
    }

    @Override
    public boolean attachAccount(ProjectId id, ConnectedAccount account) {
        return writing(() -> store.attachAccount(id, account));
    }

    @Override
    public Optional<ProjectId> setChargesEnabled(ConnectedAccountId account, boolean chargesEnabled) {
        return writing(() -> store.setChargesEnabled(account, chargesEnabled));
    }

    @Override
    public void addApiKey(ApiKey key) {
        writingOnly(() -> store.addApiKey(key));
    }

    @Override
    public boolean revokeApiKey(ProjectId project, ApiKeyId key, Instant at) {
        return writing(() -> store.revokeApiKey(project, key, at));
    }

    /** Forgets even when the write failed: it may have committed before its answer was lost. */
    private <T> T writing(Supplier<T> write) {
        try {
            return write.get();
        } finally {
            forget();
        }
    }

    private void writingOnly(Runnable write) {
        writing(() -> {
            write.run();
            return null;
        });
    }
}
