package com.amba.payments.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.amba.payments.domain.model.InputValue.Null;
import com.amba.payments.domain.model.InputValue.Other;
import com.amba.payments.domain.model.InputValue.Text;
import com.amba.payments.domain.model.InputValue.WholeNumber;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PaymentOrderRulesTest {

    private static Map<String, InputValue> valid() {
        Map<String, InputValue> fields = new HashMap<>();
        fields.put("amount", WholeNumber.of(2_000));
        fields.put("currency", new Text("usd"));
        return fields;
    }

    private static String codeOf(Map<String, InputValue> fields) {
        return switch (PaymentOrderRules.check(new RequestBody.Fields(fields))) {
            case Result.Ok<PaymentOrder, PaymentError> ok -> "OK";
            case Result.Err<PaymentOrder, PaymentError> err -> err.error().code();
        };
    }

    private static PaymentOrder order(Map<String, InputValue> fields) {
        return PaymentOrderRules.check(new RequestBody.Fields(fields)).orElseThrow();
    }

    @Test
    void aMinimalValidBodyUsesTheDefaultFee() {
        PaymentOrder order = order(valid());

        assertEquals(Money.of(2_000, "usd"), order.amount());
        assertEquals(new FeeRequest.UseDefault(), order.fee());
        assertEquals(Optional.empty(), order.clientReference());
    }

    private static String messageOf(Map<String, InputValue> fields) {
        return ((Result.Err<PaymentOrder, PaymentError>) PaymentOrderRules.check(new RequestBody.Fields(fields)))
                .error().message();
    }

    private static InputValue.Members members(Object... pairs) {
        Map<String, InputValue> members = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            members.put((String) pairs[i], pairs[i + 1] instanceof String text ? new Text(text) : (InputValue) pairs[i + 1]);
        }
        return new InputValue.Members(members);
    }

    @Test
    void metadataAndDescriptionBecomeTheOrdersNotesSortedByKey() {
        Map<String, InputValue> fields = valid();
        fields.put("metadata", members("z", "last", "a", "first"));
        fields.put("description", new Text("Two blue mugs"));

        PaymentOrder order = order(fields);

        assertEquals(java.util.List.of("a", "z"), java.util.List.copyOf(order.notes().metadata().entries().keySet()));
        assertEquals(Optional.of(new Description("Two blue mugs")), order.notes().description());
        fields.put("metadata", new Null());
        fields.put("description", new Null());
        assertEquals(PaymentNotes.NONE, order(fields).notes(), "JSON null is not sent");
    }

    @Test
    void theReferencesFingerprintLeavesTheNotesOutAndTheIdempotencyKeysTakesThemIn() {
        Map<String, InputValue> plain = valid();
        Map<String, InputValue> noted = valid();
        noted.put("metadata", members("order_id", "7"));
        Map<String, InputValue> otherValue = valid();
        otherValue.put("metadata", members("order_id", "8"));
        Map<String, InputValue> described = valid();
        described.put("description", new Text("mugs"));

        assertEquals(order(plain).fingerprint(), order(noted).fingerprint(), "SPEC §4: money fields only");
        assertEquals("amount=2000;currency=usd;application_fee_amount=;platform_fee_bps=;client_reference=",
                order(plain).wholeRequest().value(), "without notes as before they existed");
        assertNotEquals(order(plain).wholeRequest(), order(noted).wholeRequest());
        assertNotEquals(order(noted).wholeRequest(), order(otherValue).wholeRequest());
        assertNotEquals(order(plain).wholeRequest(), order(described).wholeRequest());
        Map<String, InputValue> sameInAnotherOrder = valid();
        sameInAnotherOrder.put("metadata", members("b", "2", "a", "1"));
        Map<String, InputValue> same = valid();
        same.put("metadata", members("a", "1", "b", "2"));
        assertEquals(order(same).wholeRequest(), order(sameInAnotherOrder).wholeRequest(), "order of keys is no difference");
    }

    @Test
    void keysAndValuesCannotBeShiftedIntoEachOtherToMatchAFingerprint() {
        Map<String, InputValue> one = valid();
        one.put("metadata", members("ab", "c"));
        Map<String, InputValue> other = valid();
        other.put("metadata", members("a", "bc"));
        assertNotEquals(order(one).wholeRequest(), order(other).wholeRequest());
    }

    @Test
    void brokenNotesAreInvalidBodyBeforeTheAmountIsLookedAt() {
        Map<String, InputValue> fields = new HashMap<>();
        fields.put("amount", new Other("1999.5"));
        fields.put("currency", new Text("usd"));
        fields.put("metadata", members("count", WholeNumber.of(3)));

        assertEquals("INVALID_BODY", codeOf(fields));
        assertEquals("metadata value for 'count' must be a string, not a number", messageOf(fields));
    }

    @Test
    void aKeyInAmbasNamespaceIsRefusedWhateverItsCase() {
        for (String key : java.util.List.of("amba_project_id", "amba_client_reference", "Amba_anything")) {
            Map<String, InputValue> fields = valid();
            fields.put("metadata", members(key, "x"));
            assertEquals("metadata key '" + key + "' starts with 'amba_', which is reserved for Amba's own keys",
                    messageOf(fields));
        }
        Map<String, InputValue> lookalike = valid();
        lookalike.put("metadata", members("ambassador", "x", "my_amba_id", "y"));
        assertEquals("OK", codeOf(lookalike), "only the amba_ prefix is Amba's");
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        Map<String, InputValue> fields = valid();
        String emoji = "\uD83D\uDE00";
        fields.put("metadata", members(emoji.repeat(40), emoji.repeat(500)));
        fields.put("description", new Text(emoji.repeat(1000)));
        assertEquals("OK", codeOf(fields));
        fields.put("description", new Text(emoji.repeat(1001)));
        assertEquals("description is longer than 1000 characters", messageOf(fields));
    }

    @Test
    void noObjectIsAnInvalidBody() {
        assertEquals("INVALID_BODY", ((Result.Err<PaymentOrder, PaymentError>)
                PaymentOrderRules.check(new RequestBody.Empty())).error().code());
        assertEquals(Result.err(new PaymentError.InvalidBody("not JSON")),
                PaymentOrderRules.check(new RequestBody.Unreadable("not JSON")));
    }

    @Test
    void anUnknownFieldIsAnInvalidBodyEvenWhenEverythingElseIsWrongToo() {
        Map<String, InputValue> fields = new HashMap<>();
        fields.put("amount", new Other("1999.5"));
        fields.put("currency", new Text("USD"));
        fields.put("application_fee", WholeNumber.of(10));

        assertEquals("INVALID_BODY", codeOf(fields));
    }

    @Test
    void aClientReferenceOf256CharactersIsAnInvalidBody() {
        Map<String, InputValue> fields = valid();
        fields.put("client_reference", new Text("r".repeat(256)));

        assertEquals("INVALID_BODY", codeOf(fields));
    }

    @Test
    void aClientReferenceOf255CharactersIsAccepted() {
        Map<String, InputValue> fields = valid();
        fields.put("client_reference", new Text("r".repeat(255)));

        assertEquals(Optional.of(new ClientReference("r".repeat(255))), order(fields).clientReference());
    }

    @Test
    void anEmptyOrNonTextClientReferenceIsAnInvalidBodyBeforeTheAmountIsLookedAt() {
        Map<String, InputValue> empty = valid();
        empty.put("client_reference", new Text(""));
        empty.put("amount", new Text("12"));
        Map<String, InputValue> number = valid();
        number.put("client_reference", WholeNumber.of(42));

        assertEquals("INVALID_BODY", codeOf(empty));
        assertEquals("INVALID_BODY", codeOf(number));
    }

    @Test
    void aNullClientReferenceCountsAsNotSent() {
        Map<String, InputValue> fields = valid();
        fields.put("client_reference", new Null());

        assertEquals(Optional.empty(), order(fields).clientReference());
    }

    @Test
    void amountsThatAreNotWholeNumbersAreInvalidAmounts() {
        for (InputValue amount : new InputValue[] {new Other("1999.0"), new Other("1e3"), new Text("1999"),
                new Other("true"), new Null()}) {
            Map<String, InputValue> fields = valid();
            fields.put("amount", amount);
            assertEquals("INVALID_AMOUNT", codeOf(fields), amount.toString());
        }
    }

    @Test
    void aMissingAmountIsAnInvalidAmount() {
        Map<String, InputValue> fields = valid();
        fields.remove("amount");

        assertEquals("INVALID_AMOUNT", codeOf(fields));
    }

    @Test
    void amountsOutsideOneToEightNinesAreInvalidAmounts() {
        for (BigInteger amount : new BigInteger[] {BigInteger.ZERO, BigInteger.valueOf(-5),
                BigInteger.valueOf(100_000_000), new BigInteger("123456789012345678901234567890")}) {
            Map<String, InputValue> fields = valid();
            fields.put("amount", new WholeNumber(amount));
            assertEquals("INVALID_AMOUNT", codeOf(fields), amount.toString());
        }
    }

    @Test
    void aBadAmountWithABadCurrencyIsAnInvalidAmount() {
        Map<String, InputValue> fields = valid();
        fields.put("amount", new Text("ten"));
        fields.put("currency", new Text("XYZ"));

        assertEquals("INVALID_AMOUNT", codeOf(fields));
    }

    @Test
    void badCurrenciesAreInvalidCurrencies() {
        for (InputValue currency : new InputValue[] {new Text("USD"), new Text("xyz"), new Text("us"),
                WholeNumber.of(840), new Null()}) {
            Map<String, InputValue> fields = valid();
            fields.put("currency", currency);
            assertEquals("INVALID_CURRENCY", codeOf(fields), currency.toString());
        }
    }

    @Test
    void aBadCurrencyWithABadFeeIsAnInvalidCurrency() {
        Map<String, InputValue> fields = valid();
        fields.put("currency", new Text("EUR"));
        fields.put("application_fee_amount", WholeNumber.of(-1));

        assertEquals("INVALID_CURRENCY", codeOf(fields));
    }

    @Test
    void anAmountBelowTheCurrencysMinimumIsAnInvalidAmountBeforeTheFeeIsLookedAt() {
        Map<String, InputValue> fields = valid();
        fields.put("amount", WholeNumber.of(49));
        fields.put("platform_fee_bps", WholeNumber.of(20_000));

        assertEquals("INVALID_AMOUNT", codeOf(fields));
    }

    @Test
    void aThreeDecimalAmountThatIsNotWholeTensIsAnInvalidAmount() {
        Map<String, InputValue> fields = valid();
        fields.put("currency", new Text("kwd"));
        fields.put("amount", WholeNumber.of(1_005));

        assertEquals("INVALID_AMOUNT", codeOf(fields));
    }

    @Test
    void feesOutOfRangeOrNotWholeNumbersAreInvalidFees() {
        Object[][] cases = {
                {"application_fee_amount", WholeNumber.of(-1)},
                {"application_fee_amount", WholeNumber.of(100_000_000)},
                {"application_fee_amount", new Text("10")},
                {"platform_fee_bps", WholeNumber.of(10_001)},
                {"platform_fee_bps", new Other("2.5")},
        };
        for (Object[] c : cases) {
            Map<String, InputValue> fields = valid();
            fields.put((String) c[0], (InputValue) c[1]);
            assertEquals("INVALID_FEE", codeOf(fields), c[0] + "=" + c[1]);
        }
    }

    @Test
    void anExplicitFeeAmountBeatsARate() {
        Map<String, InputValue> fields = valid();
        fields.put("application_fee_amount", WholeNumber.of(0));
        fields.put("platform_fee_bps", WholeNumber.of(500));

        assertEquals(new FeeRequest.ExplicitAmount(0), order(fields).fee());
    }

    @Test
    void aRateIsUsedWhenNoFeeAmountIsSent() {
        Map<String, InputValue> fields = valid();
        fields.put("platform_fee_bps", WholeNumber.of(10_000));
        fields.put("application_fee_amount", new Null());

        assertEquals(new FeeRequest.Rate(new BasisPoints(10_000)), order(fields).fee());
    }

    @Test
    void theFingerprintIsTheMoneyMovingFieldsAsSent() {
        Map<String, InputValue> base = valid();
        base.put("client_reference", new Text("order-1"));
        Map<String, InputValue> otherReference = valid();
        otherReference.put("client_reference", new Text("order-2"));
        Map<String, InputValue> withRate = valid();
        withRate.put("platform_fee_bps", WholeNumber.of(0));
        Map<String, InputValue> withAmount = valid();
        withAmount.put("application_fee_amount", WholeNumber.of(0));
        Map<String, InputValue> otherAmount = valid();
        otherAmount.put("amount", WholeNumber.of(2_001));

        RequestFingerprint fingerprint = order(base).fingerprint();
        assertEquals(fingerprint, order(otherReference).fingerprint());
        assertNotEquals(fingerprint, order(withRate).fingerprint());
        assertNotEquals(fingerprint, order(withAmount).fingerprint());
        assertNotEquals(order(withRate).fingerprint(), order(withAmount).fingerprint());
        assertNotEquals(fingerprint, order(otherAmount).fingerprint());
    }
}
