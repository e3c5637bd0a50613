package com.amba.payments.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefundOrderRulesTest {

    private static Result<RefundOrder, PaymentError> check(Map<String, InputValue> fields) {
        return RefundOrderRules.check(new RequestBody.Fields(fields));
    }

    private static PaymentError error(Map<String, InputValue> fields) {
        return assertInstanceOf(Result.Err.class, check(fields)).error() instanceof PaymentError e ? e : null;
    }

    @Test
    void noBodyRefundsEverythingLeftWithTheFee() {
        assertEquals(Result.ok(new RefundOrder(Optional.empty(), Optional.empty(), true, Optional.empty())),
                RefundOrderRules.check(new RequestBody.Empty()));
    }

    @Test
    void everyFieldIsRead() {
        RefundOrder order = check(Map.of("amount", InputValue.WholeNumber.of(500),
                "reason", new InputValue.Text("duplicate"), "refund_application_fee", new InputValue.Truth(false),
                "client_reference", new InputValue.Text("r-1"))).orElseThrow();
        assertEquals(new RefundOrder(Optional.of(500L), Optional.of(RefundReason.DUPLICATE), false,
                Optional.of(new ClientReference("r-1"))), order);
    }

    @Test
    void shapeAndTypesAreInvalidBodyAndTheAmountIsInvalidAmount() {
        assertInstanceOf(PaymentError.InvalidBody.class, error(Map.of("amount", InputValue.WholeNumber.of(1),
                "fee", new InputValue.Truth(true))));
        assertInstanceOf(PaymentError.InvalidBody.class, error(Map.of("reason", new InputValue.Text("because"))));
        assertInstanceOf(PaymentError.InvalidBody.class,
                error(Map.of("refund_application_fee", new InputValue.Text("true"))));
        assertInstanceOf(PaymentError.InvalidBody.class, error(Map.of("client_reference", new InputValue.Text(""))));
        assertInstanceOf(PaymentError.InvalidBody.class, error(Map.of("amount", new InputValue.Other("x"),
                "client_reference", InputValue.WholeNumber.of(1))), "the body's shape is judged before the amount");
        assertInstanceOf(PaymentError.InvalidAmount.class, error(Map.of("amount", InputValue.WholeNumber.of(0))));
        assertInstanceOf(PaymentError.InvalidAmount.class, error(Map.of("amount", new InputValue.Text("5"))));
        assertInstanceOf(PaymentError.InvalidAmount.class,
                error(Map.of("amount", InputValue.WholeNumber.of(100_000_000))));
    }

    @Test
    void theSameRequestHasTheSameFingerprintAndADifferentOneDoesNot() {
        PaymentId payment = new PaymentId("pi_1");
        RefundOrder order = new RefundOrder(Optional.of(5L), Optional.empty(), true, Optional.empty());
        assertEquals(order.fingerprintFor(payment), order.fingerprintFor(payment));
        assertEquals(false, order.fingerprintFor(payment).equals(order.fingerprintFor(new PaymentId("pi_2"))));
        RefundOrder all = new RefundOrder(Optional.empty(), Optional.empty(), true, Optional.empty());
        assertEquals(false, order.fingerprintFor(payment).equals(all.fingerprintFor(payment)));
    }
}
