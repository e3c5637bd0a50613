package com.amba.payments.adapter.memory.usecase;

import static com.amba.payments.domain.testing.Payments.aPayment;
import static com.amba.payments.domain.testing.Payments.createdEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.amba.payments.adapter.memory.InMemoryLedger;
import com.amba.payments.domain.model.CancellationReason;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderEvent.RefundChanged;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.ProviderRefund;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.RefundStatus;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.EventReceipt;
import com.amba.payments.domain.port.out.ProviderRefunds;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.port.out.RefundRequest;
import com.amba.payments.domain.service.RefundEventsService;
import com.amba.payments.domain.service.SecureRandomIds;
import com.amba.payments.domain.testing.PaymentBuilder;
import com.amba.payments.domain.testing.TestIds;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Refund events on the in-memory ledger, with a provider that answers re-reads from a fixed truth. */
class RefundEventsServiceTest {

    private static final Instant T0 = PaymentBuilder.DEFAULT_TIME;

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final RefundLedger refunds = ledger.refunds();
    private final List<RefundId> reReads = new ArrayList<>();
    private RefundStatus providerSays = RefundStatus.SUCCEEDED;
    private final RefundEventsService service = new RefundEventsService(ledger, refunds, new ProviderRefunds() {
        @Override
        public Result<ProviderRefund, ProviderFailure> createRefund(RefundRequest request) {
            throw new UnsupportedOperationException("events never create refunds");
        }

        @Override
        public Result<ProviderRefund, ProviderFailure> retrieveRefund(ConnectedAccountId account, RefundId id) {
            reReads.add(id);
            return Result.ok(new ProviderRefund(id, PAYMENT, providerSays, Money.of(400, "usd"), Optional.empty(),
                    T0.plusSeconds(5)));
        }

        @Override
        public Result<ProviderIntent, ProviderFailure> cancelIntent(ConnectedAccountId account, PaymentId id,
                                                                    Optional<CancellationReason> reason) {
            throw new UnsupportedOperationException("events never cancel");
        }
    }, new SecureRandomIds(), InstantSource.fixed(T0.plusSeconds(60)));

    private static final PaymentId PAYMENT = TestIds.paymentId();
    private static final RefundId REFUND = new RefundId("re_" + TestIds.alphanumeric(24));

    private Payment recordPayment() {
        Payment payment = aPayment().withId(PAYMENT).withAmount(1_000, "usd").withFee(30)
                .withStatus(PaymentStatus.SUCCEEDED).build();
        return ledger.recordCreation(Optional.empty(), payment, createdEvent(payment));
    }

    private static RefundChanged event(RefundStatus status, Instant created) {
        return new RefundChanged(TestIds.eventId(), created, REFUND, PAYMENT, Optional.empty(), status, 400, "usd",
                Optional.empty(), Optional.empty());
    }

    @Test
    void aRefundMadeOutsideAmbaIsRecordedAndItsNewsMoveIt() {
        recordPayment();
        assertEquals(new EventReceipt.Decided(EventDisposition.APPLIED),
                service.apply(event(RefundStatus.PENDING, T0.plusSeconds(1))));
        RefundChanged succeeded = event(RefundStatus.SUCCEEDED, T0.plusSeconds(2));
        assertEquals(new EventReceipt.Decided(EventDisposition.APPLIED), service.apply(succeeded));
        assertInstanceOf(EventReceipt.Duplicate.class, service.apply(succeeded));
        assertEquals(RefundStatus.SUCCEEDED, refunds.findRefund(REFUND).orElseThrow().status());
        assertEquals(400, refunds.standing(PAYMENT).orElseThrow().amountRefunded());
    }

    @Test
    void aFinalRefundStaysFinalWhateverArrivesLate() {
        recordPayment();
        service.apply(event(RefundStatus.SUCCEEDED, T0.plusSeconds(2)));
        assertEquals(new EventReceipt.Decided(EventDisposition.IGNORED_FINAL),
                service.apply(event(RefundStatus.PENDING, T0.plusSeconds(9))));
        assertEquals(RefundStatus.SUCCEEDED, refunds.findRefund(REFUND).orElseThrow().status());
    }

    @Test
    void whenTheEventCannotTellTheProviderDecides() {
        recordPayment();
        service.apply(event(RefundStatus.PENDING, T0.plusSeconds(3)));
        providerSays = RefundStatus.FAILED;
        assertEquals(new EventReceipt.Decided(EventDisposition.APPLIED),
                service.apply(event(RefundStatus.SUCCEEDED, T0.plusSeconds(3))));
        assertEquals(List.of(REFUND), reReads);
        assertEquals(RefundStatus.FAILED, refunds.findRefund(REFUND).orElseThrow().status(), "the provider's word");
    }

    @Test
    void anEventThatBeatItsPaymentIsKeptAndAppliedOnceThePaymentIsThere() {
        assertInstanceOf(EventReceipt.Parked.class, service.apply(event(RefundStatus.SUCCEEDED, T0.plusSeconds(1))));
        assertEquals(0, service.applyParked(), "still no payment");
        recordPayment();
        assertEquals(1, service.applyParked());
        assertEquals(List.of(), refunds.parkedRefunds(Optional.empty(), 10));
        assertEquals(RefundStatus.SUCCEEDED, refunds.findRefund(REFUND).orElseThrow().status());
    }
}
