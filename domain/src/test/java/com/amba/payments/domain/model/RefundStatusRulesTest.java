package com.amba.payments.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amba.payments.domain.model.ProviderEvent.RefundChanged;
import com.amba.payments.domain.model.RefundStatusRules.RefundVerdict;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefundStatusRulesTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    private static Refund refund(RefundStatus status) {
        return new Refund(new RefundId("re_1"), new PaymentId("pi_1"), new ProjectId("proj_1"), Money.of(500, "usd"),
                15, Optional.empty(), Optional.empty(), status, T0, T0, T0, 0);
    }

    private static RefundChanged event(RefundStatus status, Instant created, long amount) {
        return new RefundChanged(new ProviderEventId("evt_1"), created, new RefundId("re_1"), new PaymentId("pi_1"),
                Optional.empty(), status, amount, "usd", Optional.empty(), Optional.empty());
    }

    @Test
    void newerNewsMovesAPendingRefund() {
        assertEquals(new RefundVerdict.Move(RefundStatus.SUCCEEDED),
                RefundStatusRules.judge(refund(RefundStatus.PENDING), event(RefundStatus.SUCCEEDED, T0.plusSeconds(1), 500)));
    }

    @Test
    void aFinalRefundStaysFinal() {
        assertEquals(new RefundVerdict.Keep(EventDisposition.IGNORED_FINAL),
                RefundStatusRules.judge(refund(RefundStatus.SUCCEEDED), event(RefundStatus.PENDING, T0.plusSeconds(9), 500)));
        assertEquals(new RefundVerdict.Keep(EventDisposition.ALREADY_THERE),
                RefundStatusRules.judge(refund(RefundStatus.FAILED), event(RefundStatus.FAILED, T0.plusSeconds(9), 500)));
    }

    @Test
    void whenTheEventCannotTellTheProviderIsAsked() {
        assertEquals(new RefundVerdict.AskProvider(),
                RefundStatusRules.judge(refund(RefundStatus.PENDING), event(RefundStatus.FAILED, T0, 500)));
        ProviderRefund current = new ProviderRefund(new RefundId("re_1"), new PaymentId("pi_1"), RefundStatus.SUCCEEDED,
                Money.of(500, "usd"), Optional.empty(), T0);
        assertEquals(new RefundVerdict.Move(RefundStatus.SUCCEEDED),
                RefundStatusRules.judgeProviderAnswer(refund(RefundStatus.PENDING), current));
    }

    @Test
    void anEventThatDisagreesAboutTheAmountIsKeptAsAMismatch() {
        assertEquals(new RefundVerdict.Keep(EventDisposition.MISMATCH),
                RefundStatusRules.judge(refund(RefundStatus.PENDING), event(RefundStatus.SUCCEEDED, T0.plusSeconds(1), 501)));
    }
}
