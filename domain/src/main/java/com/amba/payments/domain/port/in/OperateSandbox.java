package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.DisputeStatus;
import com.amba.payments.domain.model.ProviderRefund;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;

/**
 * Dev mode only: what a customer and Stripe would do to an intent or an account in the sandbox provider.
 * The resulting provider events reach the ledger through the same hand-off real webhooks take.
 */
public interface OperateSandbox {

    /** The actions a person can take on a sandbox intent. */
    enum IntentAction {
        REQUIRE_ACTION("require_action"),
        PROCESS("process"),
        SUCCEED("succeed"),
        FAIL("fail"),
        CANCEL("cancel");

        private final String wireName;

        IntentAction(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static java.util.Optional<IntentAction> fromWireName(String name) {
            return java.util.Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
        }
    }

    /** PAYMENT_NOT_FOUND for an unknown intent; PAYMENT_INTENT_UNEXPECTED_STATE when Stripe would refuse. */
    Result<ProviderIntent, PaymentError> act(String paymentId, IntentAction action);

    /** Whether the sandbox holds this connected account (its onboarding page exists). */
    boolean isAccount(String accountId);

    /** ACCOUNT_NOT_FOUND for an unknown account. Emits {@code account.updated}. */
    Result<ConnectedAccount, PaymentError> completeOnboarding(String accountId);

    /** What a person can do to a sandbox refund before it settles by itself. */
    enum RefundAction {
        SUCCEED("succeed"),
        FAIL("fail");

        private final String wireName;

        RefundAction(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static java.util.Optional<RefundAction> fromWireName(String name) {
            return java.util.Arrays.stream(values()).filter(a -> a.wireName.equals(name)).findFirst();
        }
    }

    /** REFUND_NOT_FOUND for an unknown refund; PAYMENT_INTENT_UNEXPECTED_STATE once it has settled. */
    Result<ProviderRefund, PaymentError> moveRefund(String refundId, RefundAction action);

    /**
     * The customer disputes the charge (needs_response), or the dispute moves on to {@code status}. Emits
     * {@code charge.dispute.created}, {@code .updated} or {@code .closed}.
     */
    Result<DisputeStatus, PaymentError> dispute(String paymentId, DisputeStatus status);
}
