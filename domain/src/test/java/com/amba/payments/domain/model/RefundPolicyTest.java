package com.amba.payments.domain.model;

import static com.amba.payments.domain.testing.Payments.aPayment;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefundPolicyTest {

    private static final Payment PAID = aPayment().withAmount(1_000, "usd").withFee(30)
            .withStatus(PaymentStatus.SUCCEEDED).build();

    private static Result<RefundShare, PaymentError> share(Payment payment, RefundStanding held, Long amount,
                                                          boolean fee) {
        return RefundPolicy.share(payment, held, Optional.ofNullable(amount), fee);
    }

    @Test
    void onlyASucceededPaymentIsRefundable() {
        for (PaymentStatus status : PaymentStatus.values()) {
            Payment payment = aPayment().withAmount(1_000, "usd").withFee(30).withStatus(status).build();
            Result<RefundShare, PaymentError> result = share(payment, RefundStanding.NOTHING, 100L, true);
            assertEquals(status == PaymentStatus.SUCCEEDED, result.isOk(), status::toString);
        }
        assertEquals(Result.err(new PaymentError.PaymentNotRefundable(PaymentStatus.PROCESSING)),
                share(aPayment().withStatus(PaymentStatus.PROCESSING).build(), RefundStanding.NOTHING, 1L, true));
    }

    @Test
    void theRemainderIsTheAmountLessWhatRefundsHold() {
        RefundStanding held = new RefundStanding(700, 21);
        assertEquals(Result.ok(new RefundShare(300, 9)), share(PAID, held, 300L, true));
        assertEquals(Result.ok(new RefundShare(300, 9)), share(PAID, held, null, true), "absent: all that is left");
        assertEquals(Result.err(new PaymentError.RefundExceedsAmount(301, 300)), share(PAID, held, 301L, true));
        assertEquals(Result.err(new PaymentError.RefundExceedsAmount(0, 0)),
                share(PAID, new RefundStanding(1_000, 30), null, true), "nothing is left");
    }

    @Test
    void theFeeGoesBackInProportionRoundedHalfUpNeverMoreThanIsLeft() {
        assertEquals(15, share(PAID, RefundStanding.NOTHING, 500L, true).orElseThrow().fee());
        assertEquals(2, share(PAID, RefundStanding.NOTHING, 50L, true).orElseThrow().fee(), "1.5 rounds to 2");
        assertEquals(1, share(PAID, RefundStanding.NOTHING, 49L, true).orElseThrow().fee(), "1.47 rounds to 1");
        assertEquals(2, share(PAID, new RefundStanding(900, 28), 100L, true).orElseThrow().fee(),
                "3 by proportion, but only 2 of the fee is left");
        assertEquals(0, share(PAID, RefundStanding.NOTHING, 500L, false).orElseThrow().fee(),
                "refund_application_fee false keeps the fee");
    }

    @Test
    void refundStateFollowsTheSucceededSum() {
        assertEquals(RefundPolicy.RefundState.NONE, RefundPolicy.stateOf(PAID, 0));
        assertEquals(RefundPolicy.RefundState.PARTIAL, RefundPolicy.stateOf(PAID, 999));
        assertEquals(RefundPolicy.RefundState.FULL, RefundPolicy.stateOf(PAID, 1_000));
    }
}
