package com.amba.payments.domain.service;

import com.amba.payments.domain.model.CancellationReason;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.SweepOrphans;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.ProviderIntentSearch;
import com.amba.payments.domain.port.out.ProviderRefunds;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Orphans (SPEC §11): a create that crashed after the provider answered, and was never retried, leaves an intent
 * at the provider that the ledger never recorded. Nobody holds its client secret, so nobody can pay it; once the
 * grace period is over (a retry would have come by then) it is canceled at the provider, logged and counted. It
 * never becomes a payment by itself.
 */
public final class OrphanIntentsService implements SweepOrphans {

    private static final System.Logger LOG = System.getLogger(OrphanIntentsService.class.getName());
    /** Intents looked at per account and sweep, newest first among those older than the grace period. */
    static final int PER_ACCOUNT = 100;

    private final ControlPlane controlPlane;
    private final Ledger ledger;
    private final ProviderIntentSearch search;
    private final ProviderRefunds provider;
    private final InstantSource clock;
    private final Duration grace;

    public OrphanIntentsService(ControlPlane controlPlane, Ledger ledger, ProviderIntentSearch search,
                                ProviderRefunds provider, InstantSource clock, Duration grace) {
        this.controlPlane = controlPlane;
        this.ledger = ledger;
        this.search = search;
        this.provider = provider;
        this.clock = clock;
        this.grace = grace;
    }

    @Override
    public synchronized int sweepOnce() {
        Instant before = clock.instant().minus(grace);
        int canceled = 0;
        for (Project project : controlPlane.projects()) {
            Optional<ConnectedAccount> account = project.account();
            if (account.isPresent()) {
                canceled += sweep(project, account.get(), before);
            }
        }
        return canceled;
    }

    private int sweep(Project project, ConnectedAccount account, Instant before) {
        Result<List<ProviderIntent>, ProviderFailure> found = search.intentsMadeByAmba(account.id(), before,
                PER_ACCOUNT);
        if (found instanceof Result.Err<List<ProviderIntent>, ProviderFailure> failed) {
            LOG.log(Level.WARNING, "orphan sweep could not list intents on {0}: {1}", account.id(),
                    failed.error().detail());
            return 0;
        }
        int canceled = 0;
        for (ProviderIntent intent : found.orElseThrow()) {
            if (!intent.status().isTerminal() && isOrphan(intent) && cancel(project, account, intent)) {
                canceled++;
            }
        }
        return canceled;
    }

    private boolean isOrphan(ProviderIntent intent) {
        try {
            return ledger.find(intent.id()).isEmpty();
        } catch (StoreUnavailable e) {
            return false;
        }
    }

    private boolean cancel(Project project, ConnectedAccount account, ProviderIntent intent) {
        Result<ProviderIntent, ProviderFailure> answer = provider.cancelIntent(account.id(), intent.id(),
                Optional.of(CancellationReason.ABANDONED));
        if (answer instanceof Result.Err<ProviderIntent, ProviderFailure> failed) {
            LOG.log(Level.WARNING, "orphan intent {0} on {1} could not be canceled: {2}", intent.id(), account.id(),
                    failed.error().detail());
            return false;
        }
        LOG.log(Level.WARNING, "orphan intent {0} of {1} on {2} (project {3}, created {4}) was never recorded by "
                + "Amba; canceled at the provider", intent.id(), intent.amount(), account.id(), project.id(),
                intent.created());
        return true;
    }
}
