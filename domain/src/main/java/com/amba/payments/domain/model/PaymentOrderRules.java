package com.amba.payments.domain.model;

import com.amba.payments.domain.model.InputValue.Null;
import com.amba.payments.domain.model.InputValue.Text;
import com.amba.payments.domain.model.InputValue.WholeNumber;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The input rules of a create, in the order the contract fixes: the body's shape, then the amount, then the
 * currency, then the fee fields. The first rule broken answers.
 */
public final class PaymentOrderRules {

    public static final String AMOUNT = "amount";
    public static final String CURRENCY = "currency";
    public static final String APPLICATION_FEE_AMOUNT = "application_fee_amount";
    public static final String PLATFORM_FEE_BPS = "platform_fee_bps";
    public static final String CLIENT_REFERENCE = "client_reference";

    public static final String METADATA = PaymentNotesRules.METADATA;
    public static final String DESCRIPTION = PaymentNotesRules.DESCRIPTION;

    private static final Set<String> KNOWN_FIELDS = Set.of(AMOUNT, CURRENCY, APPLICATION_FEE_AMOUNT,
            PLATFORM_FEE_BPS, CLIENT_REFERENCE, METADATA, DESCRIPTION);
    private static final Pattern THREE_LOWERCASE_LETTERS = Pattern.compile("[a-z]{3}");
    private static final String NOT_SENT = "";

    private PaymentOrderRules() {
    }

    public static Result<PaymentOrder, PaymentError> check(RequestBody body) {
        return switch (body) {
            case RequestBody.Empty empty -> Result.err(new PaymentError.InvalidBody("the body must be a JSON object"));
            case RequestBody.Unreadable unreadable -> Result.err(new PaymentError.InvalidBody(unreadable.reason()));
            case RequestBody.Fields fields -> check(fields.values());
        };
    }

    private static Result<PaymentOrder, PaymentError> check(Map<String, InputValue> fields) {
        Set<String> unknown = new TreeSet<>(fields.keySet());
        unknown.removeAll(KNOWN_FIELDS);
        if (!unknown.isEmpty()) {
            return Result.err(new PaymentError.InvalidBody("unknown field(s) " + String.join(", ", unknown)
                    + "; allowed: amount, currency, application_fee_amount, platform_fee_bps, client_reference, "
                    + "metadata, description"));
        }
        Optional<InputValue> reference = present(fields, CLIENT_REFERENCE);
        if (reference.isPresent() && !isValidReference(reference.get())) {
            return Result.err(new PaymentError.InvalidBody("client_reference must be a string of 1 to 255 characters"));
        }
        Result<PaymentNotes, PaymentError> notes = PaymentNotesRules.check(present(fields, METADATA),
                present(fields, DESCRIPTION));
        if (notes instanceof Result.Err<PaymentNotes, PaymentError> broken) {
            return Result.err(broken.error());
        }
        Optional<InputValue> amount = present(fields, AMOUNT);
        if (amount.isEmpty() || !(amount.get() instanceof WholeNumber whole) || !whole.isBetween(1, Money.MAXIMUM_MINOR)) {
            return Result.err(new PaymentError.InvalidAmount(
                    "amount must be a JSON integer from 1 to 99999999, in the currency's minor unit"));
        }
        long minor = whole.value().longValueExact();
        Optional<InputValue> currencyInput = present(fields, CURRENCY);
        Optional<Currency> currency = currencyInput
                .filter(c -> c instanceof Text text && THREE_LOWERCASE_LETTERS.matcher(text.value()).matches())
                .flatMap(c -> Currency.of(((Text) c).value()));
        if (currency.isEmpty()) {
            return Result.err(new PaymentError.InvalidCurrency(
                    "currency must be a lowercase three-letter ISO 4217 code that Stripe can charge in, such as usd"));
        }
        Optional<PaymentError> amountForCurrency = amountRulesOf(minor, currency.get());
        if (amountForCurrency.isPresent()) {
            return Result.err(amountForCurrency.get());
        }
        Optional<InputValue> explicitFee = present(fields, APPLICATION_FEE_AMOUNT);
        if (explicitFee.isPresent() && !isWholeBetween(explicitFee.get(), 0, Money.MAXIMUM_MINOR)) {
            return Result.err(new PaymentError.InvalidFee("application_fee_amount must be a JSON integer from 0 to 99999999"));
        }
        Optional<InputValue> rate = present(fields, PLATFORM_FEE_BPS);
        if (rate.isPresent() && !isWholeBetween(rate.get(), 0, BasisPoints.MAXIMUM)) {
            return Result.err(new PaymentError.InvalidFee("platform_fee_bps must be a JSON integer from 0 to 10000"));
        }
        FeeRequest fee = explicitFee.<FeeRequest>map(f -> new FeeRequest.ExplicitAmount(asLong(f)))
                .or(() -> rate.map(r -> new FeeRequest.Rate(new BasisPoints((int) asLong(r)))))
                .orElse(new FeeRequest.UseDefault());
        RequestFingerprint fingerprint = RequestFingerprint.of(minor, currency.get().code(),
                explicitFee.map(f -> String.valueOf(asLong(f))).orElse(NOT_SENT),
                rate.map(r -> String.valueOf(asLong(r))).orElse(NOT_SENT));
        return Result.ok(new PaymentOrder(new Money(minor, currency.get()), fee,
                reference.map(r -> new ClientReference(((Text) r).value())), notes.orElseThrow(), fingerprint));
    }

    /** Stripe's rules that depend on the currency: its minimum charge, and whole tens for three-decimal ones. */
    private static Optional<PaymentError> amountRulesOf(long minor, Currency currency) {
        if (minor < currency.minimumCharge()) {
            return Optional.of(new PaymentError.InvalidAmount("amount must be at least " + currency.minimumCharge()
                    + " (the smallest charge in " + currency.code() + ")"));
        }
        if (!currency.accepts(minor)) {
            return Optional.of(new PaymentError.InvalidAmount(
                    "amount in " + currency.code() + " must be a multiple of 10 (three-decimal currency)"));
        }
        return Optional.empty();
    }

    /** A field that is there and not JSON null; an explicit null counts as not sent. */
    private static Optional<InputValue> present(Map<String, InputValue> fields, String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !(v instanceof Null));
    }

    private static boolean isValidReference(InputValue value) {
        return value instanceof Text text && !text.value().isEmpty()
                && text.value().length() <= ClientReference.MAXIMUM_LENGTH;
    }

    private static boolean isWholeBetween(InputValue value, long min, long max) {
        return value instanceof WholeNumber whole && whole.isBetween(min, max);
    }

    private static long asLong(InputValue value) {
        return ((WholeNumber) value).value().longValueExact();
    }
}
