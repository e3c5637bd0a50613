package com.amba.payments.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.InputValue;
import com.amba.payments.domain.model.RequestBody;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestBodyReaderTest {

    private static RequestBody read(String json) {
        return RequestBodyReader.read(Optional.of("application/json"), json.getBytes(StandardCharsets.UTF_8), false);
    }

    private static InputValue field(String json, String name) {
        RequestBody body = read(json);
        RequestBody.Fields fields = assertInstanceOf(RequestBody.Fields.class, body, () -> "got " + body);
        return fields.values().get(name);
    }

    @Test
    void aJsonIntegerIsAWholeNumber() {
        assertEquals(new InputValue.WholeNumber(BigInteger.valueOf(1999)), field("{\"amount\": 1999}", "amount"));
    }

    @Test
    void negativeAndHugeIntegersStayExactWholeNumbers() {
        assertEquals(new InputValue.WholeNumber(BigInteger.valueOf(-5)), field("{\"amount\": -5}", "amount"));
        assertEquals(new InputValue.WholeNumber(new BigInteger("123456789012345678901234567890")),
                field("{\"amount\": 123456789012345678901234567890}", "amount"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1999.0", "1e3", "1E3", "19.99", "-0.5", "2e-1"})
    void aFractionOrAnExponentIsNotAWholeNumber(String number) {
        assertEquals(new InputValue.Other(RequestBodyReader.FRACTION_OR_EXPONENT),
                field("{\"amount\": " + number + "}", "amount"));
    }

    @Test
    void aQuotedNumberIsText() {
        assertEquals(new InputValue.Text("1999"), field("{\"amount\": \"1999\"}", "amount"));
    }

    @Test
    void nullIsNullAndOtherKindsAreDescribed() {
        assertEquals(new InputValue.Null(), field("{\"fee\": null}", "fee"));
        assertEquals(new InputValue.Truth(true), field("{\"fee\": true}", "fee"));
        assertEquals(new InputValue.Truth(false), field("{\"fee\": false}", "fee"));
        assertEquals(new InputValue.Other("an array"), field("{\"fee\": [1, [2]]}", "fee"));
        assertEquals(new InputValue.Members(Map.of("a", new InputValue.Other("an object"))),
                field("{\"fee\": {\"a\": {\"b\": 1}}}", "fee"));
    }

    @Test
    void anObjectIsReadOneLevelDeepInTheOrderWritten() {
        InputValue metadata = field("{\"metadata\": {\"z\": \"1\", \"a\": 2, \"m\": [\"x\"], \"n\": null}}", "metadata");
        InputValue.Members members = (InputValue.Members) metadata;
        assertEquals(java.util.List.of("z", "a", "m", "n"), java.util.List.copyOf(members.values().keySet()));
        assertEquals(new InputValue.Text("1"), members.values().get("z"));
        assertEquals(InputValue.WholeNumber.of(2), members.values().get("a"));
        assertEquals(new InputValue.Texts(java.util.List.of("x")), members.values().get("m"));
        assertEquals(new InputValue.Null(), members.values().get("n"));
    }

    @Test
    void aKeyWrittenTwiceInsideAnObjectIsUnreadable() {
        RequestBody body = read("{\"metadata\": {\"k\": \"1\", \"k\": \"2\"}}");
        assertEquals(new RequestBody.Unreadable("the key \"k\" appears more than once in an object"), body);
    }

    @Test
    void everyFieldIsKeptSoTheDomainCanRejectUnknownOnes() {
        RequestBody body = read("{\"amount\": 1999, \"currency\": \"usd\", \"application_fee\": 5}");
        assertEquals(new RequestBody.Fields(Map.of(
                "amount", InputValue.WholeNumber.of(1999),
                "currency", new InputValue.Text("usd"),
                "application_fee", InputValue.WholeNumber.of(5))), body);
    }

    @Test
    void aDuplicateKeyIsUnreadableAndNamed() {
        RequestBody body = read("{\"amount\": 1999, \"amount\": 1}");
        RequestBody.Unreadable unreadable = assertInstanceOf(RequestBody.Unreadable.class, body);
        assertTrue(unreadable.reason().contains("\"amount\""), unreadable.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"text\"", "1999", "null", "true"})
    void aBodyThatIsNotAnObjectIsUnreadable(String json) {
        assertInstanceOf(RequestBody.Unreadable.class, read(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"amount\": }", "{'amount': 1}", "{\"a\": 1,}", "{\"a\": 01}", "{\"a\": NaN}",
            "{} {}", "{} x", "{\"a\": 1} // comment", "   "})
    void malformedOrTrailingJsonIsUnreadable(String json) {
        assertInstanceOf(RequestBody.Unreadable.class, read(json));
    }

    @Test
    void theReasonNeverRepeatsTheBody() {
        RequestBody body = read("{\"client_secret\": pi_123_secret_abc}");
        RequestBody.Unreadable unreadable = assertInstanceOf(RequestBody.Unreadable.class, body);
        assertFalse(unreadable.reason().contains("secret_abc"), unreadable.reason());
    }

    @Test
    void noBytesAtAllIsAnEmptyBody() {
        assertEquals(new RequestBody.Empty(), RequestBodyReader.read(Optional.empty(), new byte[0], false));
    }

    @Test
    void aBodyOverTheLimitIsUnreadable() {
        byte[] fine = "{\"amount\": 1}".getBytes(StandardCharsets.UTF_8);
        RequestBody body = RequestBodyReader.read(Optional.of("application/json"), fine, true);
        RequestBody.Unreadable unreadable = assertInstanceOf(RequestBody.Unreadable.class, body);
        assertTrue(unreadable.reason().contains("64 KiB"), unreadable.reason());
        assertEquals(64 * 1024, RequestBodyReader.LIMIT_BYTES);
    }

    @Test
    void aLargeBodyUnderTheLimitIsRead() {
        String padding = "x".repeat(RequestBodyReader.LIMIT_BYTES - 100);
        assertEquals(new InputValue.Text(padding), field("{\"client_reference\": \"" + padding + "\"}", "client_reference"));
    }

    @Test
    void contentTypeMustBeJsonWhenGiven() {
        byte[] json = "{\"amount\": 1}".getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(RequestBody.Unreadable.class, RequestBodyReader.read(Optional.of("text/plain"), json, false));
        assertInstanceOf(RequestBody.Unreadable.class,
                RequestBodyReader.read(Optional.of("application/x-www-form-urlencoded"), json, false));
        assertInstanceOf(RequestBody.Fields.class,
                RequestBodyReader.read(Optional.of("application/json; charset=utf-8"), json, false));
        assertInstanceOf(RequestBody.Fields.class, RequestBodyReader.read(Optional.of("Application/JSON"), json, false));
        assertInstanceOf(RequestBody.Fields.class, RequestBodyReader.read(Optional.empty(), json, false));
    }

    @Test
    void invalidUtf8IsUnreadable() {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertInstanceOf(RequestBody.Unreadable.class, RequestBodyReader.read(Optional.empty(), bytes, false));
    }
}
