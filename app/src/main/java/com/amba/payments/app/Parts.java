package com.amba.payments.app;

import com.amba.payments.adapter.http.ReadinessCheck;
import com.amba.payments.domain.port.in.ApplyProviderEvent;
import com.amba.payments.domain.port.in.OperateSandbox;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.Outbox;
import com.amba.payments.domain.port.out.PaymentEvents;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.port.out.ProviderEventHandoff;
import com.amba.payments.domain.port.out.ProviderWebhooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The adapters chosen for one run, plugged into the domain's ports. {@code consumeWith} connects the
 * provider-event consumer (in-process bus or Kafka) to the use case that applies events.
 */
public record Parts(ControlPlane controlPlane, Ledger ledger, Outbox outbox, PaymentProvider provider,
                    Optional<OperateSandbox> sandbox, Optional<ProviderWebhooks> webhooks,
                    ProviderEventHandoff handoff, PaymentEvents downstream,
                    Consumer<ApplyProviderEvent> consumeWith, List<ReadinessCheck> readiness,
                    List<AutoCloseable> closeables) {

    public Parts {
        readiness = List.copyOf(readiness);
        closeables = List.copyOf(closeables);
    }

    public Parts withControlPlane(ControlPlane replacement) {
        return new Parts(replacement, ledger, outbox, provider, sandbox, webhooks, handoff, downstream, consumeWith,
                readiness, closeables);
    }

    public Parts withLedger(Ledger replacement) {
        return new Parts(controlPlane, replacement, outbox, provider, sandbox, webhooks, handoff, downstream,
                consumeWith, readiness, closeables);
    }

    public Parts withProvider(PaymentProvider replacement, Optional<OperateSandbox> replacementSandbox) {
        return new Parts(controlPlane, ledger, outbox, replacement, replacementSandbox, webhooks, handoff, downstream,
                consumeWith, readiness, closeables);
    }

    public Parts withWebhooks(ProviderWebhooks replacement) {
        return new Parts(controlPlane, ledger, outbox, provider, sandbox, Optional.of(replacement), handoff,
                downstream, consumeWith, readiness, closeables);
    }

    public Parts closing(AutoCloseable resource) {
        List<AutoCloseable> more = new ArrayList<>(closeables);
        more.add(resource);
        return new Parts(controlPlane, ledger, outbox, provider, sandbox, webhooks, handoff, downstream, consumeWith,
                readiness, more);
    }
}
