package com.amba.payments.adapter.memory;

import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.Ledger;
import java.util.Optional;

/**
 * Where the sandbox looks for an intent or an account it does not hold in memory: with a durable store, the
 * ledger and the control plane outlive a restart, so the sandbox's state is kept where the ledger is. An intent
 * Amba never recorded (its create failed) cannot be recalled, as it could never be acted on either.
 */
public interface SandboxRecall {

    /** Nothing outlives the process: the in-memory store forgets along with the sandbox. */
    SandboxRecall NOTHING = new SandboxRecall() {
        @Override
        public Optional<Payment> payment(PaymentId id) {
            return Optional.empty();
        }

        @Override
        public Optional<ConnectedAccount> account(ConnectedAccountId id) {
            return Optional.empty();
        }
    };

    Optional<Payment> payment(PaymentId id);

    Optional<ConnectedAccount> account(ConnectedAccountId id);

    static SandboxRecall from(Ledger ledger, ControlPlane controlPlane) {
        return new SandboxRecall() {
            @Override
            public Optional<Payment> payment(PaymentId id) {
                return ledger.find(id);
            }

            @Override
            public Optional<ConnectedAccount> account(ConnectedAccountId id) {
                return controlPlane.projects().stream().flatMap(project -> project.account().stream())
                        .filter(account -> account.id().equals(id)).findFirst();
            }
        };
    }
}
