package com.amba.payments.domain.model;

import java.util.Optional;

/**
 * When money may go back, and how much of the platform's fee goes with it. Only a succeeded payment is
 * refundable; the refundable remainder is the amount less every refund that holds money (pending, requires
 * action, succeeded, or being made); the fee goes back in proportion to the amount, rounded half up, and never
 * more than is left of it.
 */
public final class RefundPolicy {

    private RefundPolicy() {
    }

    /** How the payment's refunds add up, for its read. */
    public enum RefundState {
        NONE("none"), PARTIAL("partial"), FULL("full");

        private final String wireName;

        RefundState(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    /**
     * Decided under the ledger's lock on the payment, so that two refunds racing for the last of the remainder
     * cannot both win. {@code requested} absent means all that is still refundable.
     */
    public static Result<RefundShare, PaymentError> share(Payment payment, RefundStanding held,
                                                         Optional<Long> requested, boolean refundApplicationFee) {
        if (payment.status() != PaymentStatus.SUCCEEDED) {
            return Result.err(new PaymentError.PaymentNotRefundable(payment.status()));
        }
        long remainder = remainder(payment, held);
        long amount = requested.orElse(remainder);
        if (remainder < 1 || amount > remainder) {
            return Result.err(new PaymentError.RefundExceedsAmount(amount, remainder));
        }
        long fee = refundApplicationFee ? proportionalFee(payment, held, amount) : 0;
        return Result.ok(new RefundShare(amount, fee));
    }

    public static long remainder(Payment payment, RefundStanding held) {
        return Math.max(0, payment.amount().minor() - held.heldAmount());
    }

    /** The fee's share of {@code amount}, rounded half up, capped at what is left of the fee. */
    static long proportionalFee(Payment payment, RefundStanding held, long amount) {
        long fee = payment.applicationFee();
        long total = payment.amount().minor();
        long share = (fee * amount + total / 2) / total;
        return Math.max(0, Math.min(share, fee - held.heldFee()));
    }

    public static RefundState stateOf(Payment payment, long amountRefunded) {
        if (amountRefunded <= 0) {
            return RefundState.NONE;
        }
        return amountRefunded >= payment.amount().minor() ? RefundState.FULL : RefundState.PARTIAL;
    }
}
