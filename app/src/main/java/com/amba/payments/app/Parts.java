package com.amba.payments.app;

import com.amba.payments.adapter.http.ReadinessCheck;
import com.amba.payments.adapter.memory.InMemoryLedger;
import com.amba.payments.domain.port.in.ApplyProviderEvent;
import com.amba.payments.domain.port.in.OperateSandbox;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.PaymentEvents;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.port.out.ProviderEventHandoff;
import com.amba.payments.domain.port.out.ProviderIntentSearch;
import com.amba.payments.domain.port.out.ProviderRefunds;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.port.out.ProviderWebhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The adapters chosen for one run, plugged into the domain's ports. {@code consumeWith} connects the
 * provider-event consumer (in-process bus or Kafka) to the use case that applies events. {@code refunds} is kept
 * by the same store as {@code ledger}; {@code providerRefunds} and {@code providerSearch} are the same provider as {@code provider}.
 */
public record Parts(ControlPlane controlPlane, Ledger ledger, Outbox outbox, RefundLedger refunds,
                    PaymentProvider provider, ProviderRefunds providerRefunds, ProviderIntentSearch providerSearch,
                    Optional<OperateSandbox> sandbox, Optional<ProviderWebhooks> webhooks,
                    ProviderEventHandoff handoff, PaymentEvents downstream,
                    Consumer<ApplyProviderEvent> consumeWith, List<ReadinessCheck> readiness,
                    List<AutoCloseable> closeables, OutgoingWebhooks outgoing) {

    public Parts {
        readiness = List.copyOf(readiness);
        closeables = List.copyOf(closeables);
        java.util.Objects.requireNonNull(outgoing, "outgoing");
    }

    /**
     * Parts whose outbox is the in-memory ledger's: outgoing webhooks are kept in memory beside it. A durable
     * outbox needs its own webhook store, given to the canonical constructor.
     */
    public Parts(ControlPlane controlPlane, Ledger ledger, Outbox outbox, RefundLedger refunds,
                 PaymentProvider provider, ProviderRefunds providerRefunds, ProviderIntentSearch providerSearch,
                 Optional<OperateSandbox> sandbox, Optional<ProviderWebhooks> webhooks,
                 ProviderEventHandoff handoff, PaymentEvents downstream,
                 Consumer<ApplyProviderEvent> consumeWith, List<ReadinessCheck> readiness,
                 List<AutoCloseable> closeables) {
        this(controlPlane, ledger, outbox, refunds, provider, providerRefunds, providerSearch, sandbox, webhooks,
                handoff, downstream, consumeWith, readiness, closeables, OutgoingWebhooks.inMemory(inMemory(outbox)));
    }

    private static InMemoryLedger inMemory(Outbox outbox) {
        if (outbox instanceof InMemoryLedger memory) {
            return memory;
        }
        throw new IllegalArgumentException("a durable outbox needs a durable webhook store: pass OutgoingWebhooks");
    }

    public Parts withOutgoing(OutgoingWebhooks replacement) {
        return new Parts(controlPlane, ledger, outbox, refunds, provider, providerRefunds, providerSearch, sandbox,
                webhooks, handoff, downstream, consumeWith, readiness, closeables, replacement);
    }

    public Parts withControlPlane(ControlPlane replacement) {
        return new Parts(replacement, ledger, outbox, refunds, provider, providerRefunds, providerSearch, sandbox, webhooks, handoff,
                downstream, consumeWith, readiness, closeables, outgoing);
    }

    public Parts withLedger(Ledger replacement) {
        return new Parts(controlPlane, replacement, outbox, refunds, provider, providerRefunds, providerSearch, sandbox, webhooks,
                handoff, downstream, consumeWith, readiness, closeables, outgoing);
    }

    public Parts withRefunds(RefundLedger replacement) {
        return new Parts(controlPlane, ledger, outbox, replacement, provider, providerRefunds, providerSearch, sandbox, webhooks,
                handoff, downstream, consumeWith, readiness, closeables, outgoing);
    }

    public <P extends PaymentProvider & ProviderRefunds & ProviderIntentSearch> Parts withProvider(P replacement,
                                                                           Optional<OperateSandbox> replacementSandbox) {
        return new Parts(controlPlane, ledger, outbox, refunds, replacement, replacement, replacement, replacementSandbox, webhooks,
                handoff, downstream, consumeWith, readiness, closeables, outgoing);
    }

    public Parts withWebhooks(ProviderWebhooks replacement) {
        return new Parts(controlPlane, ledger, outbox, refunds, provider, providerRefunds, providerSearch, sandbox, Optional.of(replacement), handoff,
                downstream, consumeWith, readiness, closeables, outgoing);
    }

    public Parts withDownstream(PaymentEvents replacement) {
        return new Parts(controlPlane, ledger, outbox, refunds, provider, providerRefunds, providerSearch, sandbox, webhooks, handoff,
                replacement, consumeWith, readiness, closeables, outgoing);
    }

    public Parts closing(AutoCloseable resource) {
        List<AutoCloseable> more = new ArrayList<>(closeables);
        more.add(resource);
        return new Parts(controlPlane, ledger, outbox, refunds, provider, providerRefunds, providerSearch, sandbox, webhooks, handoff,
                downstream, consumeWith, readiness, more, outgoing);
    }
}
