package com.amba.payments.domain.model;

import com.amba.payments.domain.model.InputValue.Text;
import com.amba.payments.domain.model.InputValue.Truth;
import com.amba.payments.domain.model.InputValue.WholeNumber;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The input rules of a refund request (SPEC §11): the body's shape and types first (INVALID_BODY), then the
 * amount (INVALID_AMOUNT). No body at all is a refund of everything still refundable.
 */
public final class RefundOrderRules {

    public static final String AMOUNT = "amount";
    public static final String REASON = "reason";
    public static final String REFUND_APPLICATION_FEE = "refund_application_fee";
    public static final String CLIENT_REFERENCE = "client_reference";

    private static final Set<String> KNOWN_FIELDS = Set.of(AMOUNT, REASON, REFUND_APPLICATION_FEE, CLIENT_REFERENCE);

    private RefundOrderRules() {
    }

    public static Result<RefundOrder, PaymentError> check(RequestBody body) {
        return switch (body) {
            case RequestBody.Empty empty -> Result.ok(new RefundOrder(Optional.empty(), Optional.empty(), true,
                    Optional.empty()));
            case RequestBody.Unreadable unreadable -> Result.err(new PaymentError.InvalidBody(unreadable.reason()));
            case RequestBody.Fields fields -> check(fields.values());
        };
    }

    private static Result<RefundOrder, PaymentError> check(Map<String, InputValue> fields) {
        Optional<PaymentError> unknown = InputFields.unknownFields(fields, KNOWN_FIELDS);
        if (unknown.isPresent()) {
            return Result.err(unknown.get());
        }
        Optional<InputValue> reference = InputFields.present(fields, CLIENT_REFERENCE);
        if (reference.isPresent() && !InputFields.isValidReference(reference.get())) {
            return Result.err(new PaymentError.InvalidBody("client_reference must be a string of 1 to 255 characters"));
        }
        Optional<InputValue> reasonInput = InputFields.present(fields, REASON);
        Optional<RefundReason> reason = reasonInput
                .flatMap(r -> r instanceof Text text ? RefundReason.fromWireName(text.value()) : Optional.empty());
        if (reasonInput.isPresent() && reason.isEmpty()) {
            return Result.err(new PaymentError.InvalidBody(
                    "reason must be one of duplicate, fraudulent, requested_by_customer"));
        }
        Optional<InputValue> feeInput = InputFields.present(fields, REFUND_APPLICATION_FEE);
        if (feeInput.isPresent() && !(feeInput.get() instanceof Truth)) {
            return Result.err(new PaymentError.InvalidBody("refund_application_fee must be true or false"));
        }
        boolean refundFee = feeInput.map(f -> ((Truth) f).value()).orElse(true);
        Optional<InputValue> amountInput = InputFields.present(fields, AMOUNT);
        if (amountInput.isPresent()
                && !(amountInput.get() instanceof WholeNumber whole && whole.isBetween(1, Money.MAXIMUM_MINOR))) {
            return Result.err(new PaymentError.InvalidAmount(
                    "amount must be a JSON integer from 1 to 99999999, in the currency's minor unit"));
        }
        Optional<Long> amount = amountInput.map(a -> ((WholeNumber) a).value().longValueExact());
        return Result.ok(new RefundOrder(amount, reason, refundFee,
                reference.map(r -> new ClientReference(((Text) r).value()))));
    }
}
