package com.amba.payments.domain.model;

import com.amba.payments.domain.model.InputValue.Text;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The input rules of a cancel (SPEC §11): the body is optional; if sent, only a known {@code reason}. */
public final class CancelOrderRules {

    public static final String REASON = "reason";

    private CancelOrderRules() {
    }

    public static Result<Optional<CancellationReason>, PaymentError> check(RequestBody body) {
        return switch (body) {
            case RequestBody.Empty empty -> Result.ok(Optional.empty());
            case RequestBody.Unreadable unreadable -> Result.err(new PaymentError.InvalidBody(unreadable.reason()));
            case RequestBody.Fields fields -> check(fields.values());
        };
    }

    private static Result<Optional<CancellationReason>, PaymentError> check(Map<String, InputValue> fields) {
        Optional<PaymentError> unknown = InputFields.unknownFields(fields, Set.of(REASON));
        if (unknown.isPresent()) {
            return Result.err(unknown.get());
        }
        Optional<InputValue> input = InputFields.present(fields, REASON);
        Optional<CancellationReason> reason = input
                .flatMap(r -> r instanceof Text text ? CancellationReason.fromWireName(text.value()) : Optional.empty());
        if (input.isPresent() && reason.isEmpty()) {
            return Result.err(new PaymentError.InvalidBody(
                    "reason must be one of requested_by_customer, duplicate, fraudulent, abandoned"));
        }
        return Result.ok(reason);
    }
}
