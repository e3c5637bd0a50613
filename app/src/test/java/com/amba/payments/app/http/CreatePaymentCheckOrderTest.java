package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error code of POST /client/payments/intents over real HTTP, and the order of the checks: the first
 * check that fails answers, whatever else is wrong with the request.
 */
class CreatePaymentCheckOrderTest {

    private static final String GOOD = "{\"amount\": 1999, \"currency\": \"usd\"}";
    private static final String BAD_BODY = "{\"amount\": 1999, \"currency\": \"usd\", \"application_fee\": 10}";

    private static DevAmba amba;
    private static Api api;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
        api = amba.api;
    }

    @AfterAll
    static void stop() {
        amba.close();
    }

    private static void assertError(int status, String code, Api.Answer answer) {
        assertEquals(status, answer.status(), () -> "answer was " + answer);
        assertEquals(code, answer.errorCode(), () -> "answer was " + answer);
        assertTrue(answer.json().getJsonObject("error").getString("message").length() > 5, "a human message");
    }

    @Test
    void aGoodRequestIsCreated() {
        Api.Answer answer = api.createPayment(amba.demo.serverKey(), GOOD);
        assertEquals(200, answer.status(), answer::toString);
        JsonObject data = answer.data();
        assertTrue(data.getString("payment_id").matches("pi_[A-Za-z0-9]{24}"));
        assertTrue(data.getString("client_secret").startsWith(data.getString("payment_id") + "_secret_"));
        assertEquals("requires_payment_method", data.getString("status"));
        assertEquals(1999L, data.getLong("amount"));
        assertEquals("usd", data.getString("currency"));
        assertEquals(50L, data.getLong("application_fee_amount"), "demo platform default 250 bps of 1999 → 49.975 → 50");
        assertTrue(data.containsKey("client_reference") && data.getValue("client_reference") == null);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TheKey {
        @Test
        void missingKeyIs401() {
            assertError(401, "INVALID_API_KEY", api.createPayment(null, BAD_BODY));
        }

        @Test
        void unknownKeyIs401EvenWithABadBody() {
            assertError(401, "INVALID_API_KEY", api.createPayment("amba_sk_not_a_real_key_0000000000", "not json"));
        }

        @Test
        void revokedKeyIs401() {
            Api.Answer issued = amba.admin("POST", "/admin/projects/" + amba.demo.projectId() + "/api-keys",
                    "{\"kind\":\"server\"}");
            String key = issued.data().getString("api_key");
            assertEquals(200, api.createPayment(key, GOOD).status());
            Api.Answer revoked = amba.admin("DELETE", "/admin/projects/" + amba.demo.projectId() + "/api-keys/"
                    + issued.data().getString("key_id"), null);
            assertEquals(200, revoked.status(), revoked::toString);
            assertError(401, "INVALID_API_KEY", api.createPayment(key, GOOD));
            assertError(401, "INVALID_API_KEY", api.readPayment(key, "pi_000000000000000000000000"));
        }

        @Test
        void aClientKeyWithABadBodyIs403() {
            assertError(403, "SERVER_KEY_REQUIRED", api.createPayment(amba.demo.clientKey(), BAD_BODY));
            assertError(403, "SERVER_KEY_REQUIRED", api.createPayment(amba.demo.clientKey(), GOOD));
        }
    }

    @Nested
    class ThePlatformSwitch {
        @Test
        void switchedOffWithABadBodyIs503WithRetryAfter() {
            assertEquals(200, amba.admin("POST", "/admin/payments/disable", null).status());
            try {
                Api.Answer answer = api.createPayment(amba.demo.serverKey(), BAD_BODY);
                assertError(503, "PAYMENTS_NOT_ENABLED", answer);
                assertTrue(answer.header("Retry-After").isPresent(), "503 carries Retry-After");
                assertError(403, "SERVER_KEY_REQUIRED", api.createPayment(amba.demo.clientKey(), BAD_BODY));
                assertError(503, "PAYMENTS_NOT_ENABLED", api.createPayment(amba.demo.serverKey(), GOOD));
            } finally {
                assertEquals(200, amba.admin("POST", "/admin/payments/enable", null).status());
            }
            assertEquals(200, api.createPayment(amba.demo.serverKey(), GOOD).status());
        }
    }

    @Nested
    class TheBody {
        @ParameterizedTest
        @ValueSource(strings = {
            "not json",
            "[1999, \"usd\"]",
            "\"a string\"",
            "{\"amount\": 1999, \"currency\": \"usd\", \"application_fee\": 10}",
            "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": 42}",
            "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"\"}",
            "{\"amount\": \"bad\", \"currency\": 7, \"unknown\": true}",
            "{\"amount\": 1999, \"currency\": \"usd\"",
            "{\"amount\": 1999, \"amount\": 5000, \"currency\": \"usd\"}",
        })
        void isInvalidBody(String body) {
            assertError(400, "INVALID_BODY", api.createPayment(amba.demo.serverKey(), body));
        }

        @Test
        void aReferenceOf256CharactersIsInvalidBodyAnd255IsFine() {
            String tooLong = "r".repeat(256);
            assertError(400, "INVALID_BODY", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"" + tooLong + "\"}"));
            Api.Answer fine = api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"" + "r".repeat(255) + "\"}");
            assertEquals(200, fine.status(), fine::toString);
        }

        @Test
        void aBodyOver64KiBIsInvalidBody() {
            String padding = "x".repeat(64 * 1024);
            assertError(400, "INVALID_BODY", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"" + padding + "\"}"));
        }

        @Test
        void aFormEncodedBodyIsInvalidBody() {
            assertError(400, "INVALID_BODY", api.send("POST", "/client/payments/intents",
                    Map.of("X-Api-Key", amba.demo.serverKey(), "Content-Type", "application/x-www-form-urlencoded"),
                    "amount=1999&currency=usd"));
        }

        @Test
        void anEmptyBodyIsInvalidBody() {
            assertError(400, "INVALID_BODY", api.send("POST", "/client/payments/intents",
                    Map.of("X-Api-Key", amba.demo.serverKey()), null));
        }
    }

    @Nested
    class TheAmount {
        @ParameterizedTest
        @ValueSource(strings = {"1999.0", "1e3", "\"1999\"", "0", "-5", "100000000", "null", "true", "19.99",
            "99999999999999999999999"})
        void isInvalidAmount(String amount) {
            assertError(400, "INVALID_AMOUNT", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": " + amount + ", \"currency\": \"usd\"}"));
        }

        @Test
        void missingIsInvalidAmount() {
            assertError(400, "INVALID_AMOUNT", api.createPayment(amba.demo.serverKey(), "{\"currency\": \"usd\"}"));
        }

        @Test
        void aBadAmountWithABadCurrencyIsInvalidAmount() {
            assertError(400, "INVALID_AMOUNT", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999.5, \"currency\": \"USD\", \"platform_fee_bps\": 20000}"));
        }

        @Test
        void theLargestAmountIsAccepted() {
            assertEquals(200, api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 99999999, \"currency\": \"usd\"}").status());
        }

        @Test
        void belowStripesMinimumForTheCurrencyIsInvalidAmount() {
            assertError(400, "INVALID_AMOUNT", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 49, \"currency\": \"usd\"}"));
            assertError(400, "INVALID_AMOUNT", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 29, \"currency\": \"gbp\"}"));
            assertEquals(200, api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 30, \"currency\": \"gbp\", \"application_fee_amount\": 1}").status());
            assertEquals(200, api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 50, \"currency\": \"jpy\", \"application_fee_amount\": 0}").status());
        }

        @Test
        void threeDecimalCurrenciesTakeWholeTens() {
            assertError(400, "INVALID_AMOUNT", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1005, \"currency\": \"kwd\", \"application_fee_amount\": 0}"));
            assertEquals(200, api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1010, \"currency\": \"kwd\", \"application_fee_amount\": 0}").status());
        }
    }

    @Nested
    class TheCurrency {
        @ParameterizedTest
        @ValueSource(strings = {"\"USD\"", "\"us\"", "\"usdd\"", "\"xyz\"", "\"xau\"", "7", "null", "\"u1d\""})
        void isInvalidCurrency(String currency) {
            assertError(400, "INVALID_CURRENCY", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": " + currency + ", \"platform_fee_bps\": 20000}"));
        }

        @Test
        void missingIsInvalidCurrency() {
            assertError(400, "INVALID_CURRENCY", api.createPayment(amba.demo.serverKey(), "{\"amount\": 1999}"));
        }
    }

    @Nested
    class TheFee {
        @ParameterizedTest
        @ValueSource(strings = {
            "\"application_fee_amount\": -1",
            "\"application_fee_amount\": 1.5",
            "\"application_fee_amount\": \"10\"",
            "\"application_fee_amount\": 100000000",
            "\"platform_fee_bps\": 10001",
            "\"platform_fee_bps\": -1",
            "\"platform_fee_bps\": 2.5",
        })
        void isInvalidFee(String fee) {
            assertError(400, "INVALID_FEE", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"usd\", " + fee + "}"));
        }

        @Test
        void aBadFeeOnAProjectWithoutAccountIsInvalidFee() {
            String project = amba.newProject("No account yet");
            String key = amba.newKey(project, "server");
            assertError(400, "INVALID_FEE", api.createPayment(key,
                    "{\"amount\": 1999, \"currency\": \"usd\", \"platform_fee_bps\": 10001}"));
        }
    }

    @Nested
    class TheProjectsAccount {
        @Test
        void noConnectedAccountIsNotSetUpEvenWithAFeeAboveTheAmount() {
            String project = amba.newProject("Not set up");
            String key = amba.newKey(project, "server");
            assertError(409, "PAYMENTS_NOT_SET_UP", api.createPayment(key,
                    "{\"amount\": 1999, \"currency\": \"usd\", \"application_fee_amount\": 5000}"));
        }

        @Test
        void anAccountStillOnboardingIsNotReadyUntilOnboardingCompletes() {
            String project = amba.newProject("Onboarding");
            String key = amba.newKey(project, "server");
            String account = amba.newAccount(project);
            assertError(409, "PAYMENTS_NOT_READY", api.createPayment(key,
                    "{\"amount\": 1999, \"currency\": \"usd\", \"application_fee_amount\": 5000}"));
            amba.completeOnboarding(account);
            assertError(400, "FEE_EXCEEDS_AMOUNT", api.createPayment(key,
                    "{\"amount\": 1999, \"currency\": \"usd\", \"application_fee_amount\": 5000}"));
            assertEquals(200, api.createPayment(key, GOOD).status());
        }
    }

    @Nested
    class TheResolvedFee {
        @Test
        void noFeeAnywhereIsNoPlatformFee() {
            String project = amba.newProject("No fee");
            String key = amba.newKey(project, "server");
            amba.completeOnboarding(amba.newAccount(project));
            assertEquals(200, amba.admin("PUT", "/admin/payments/config", "{\"default_platform_fee_bps\": null}").status());
            try {
                assertError(400, "NO_PLATFORM_FEE", api.createPayment(key, GOOD));
            } finally {
                assertEquals(200, amba.admin("PUT", "/admin/payments/config", "{\"default_platform_fee_bps\": 250}").status());
            }
        }

        @Test
        void aFeeOfTheWholeAmountExceedsIt() {
            assertError(400, "FEE_EXCEEDS_AMOUNT", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"usd\", \"application_fee_amount\": 1999}"));
            assertError(400, "FEE_EXCEEDS_AMOUNT", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"usd\", \"platform_fee_bps\": 10000}"));
        }
    }

    @Nested
    class TheReferenceAndTheProvider {
        @Test
        void theSameReferenceWithADifferentAmountConflicts() {
            assertEquals(200, api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"order-conflict\"}").status());
            assertError(409, "CLIENT_REFERENCE_CONFLICT", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 2999, \"currency\": \"usd\", \"client_reference\": \"order-conflict\"}"));
            assertError(409, "CLIENT_REFERENCE_CONFLICT", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"eur\", \"client_reference\": \"order-conflict\"}"));
            assertError(409, "CLIENT_REFERENCE_CONFLICT", api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"order-conflict\", \"platform_fee_bps\": 250}"));
        }

        @Test
        void aProviderOutageIs502WithRetryAfterAndTheRetrySucceeds() {
            String account = amba.demo.accountId().value();
            int before = amba.provider.intentsOn(account);
            amba.provider.failNextCreate();
            String body = "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"order-outage\"}";
            Api.Answer failed = api.createPayment(amba.demo.serverKey(), body);
            assertError(502, "PAYMENT_PROVIDER_UNAVAILABLE", failed);
            assertTrue(failed.header("Retry-After").isPresent(), "502 carries Retry-After");
            Api.Answer retried = api.createPayment(amba.demo.serverKey(), body);
            assertEquals(200, retried.status(), retried::toString);
            assertEquals(before + 1, amba.provider.intentsOn(account), "one intent for the reference");
        }
    }
}
