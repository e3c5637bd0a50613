package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fee rules of SPEC §4, as a caller sees them in the created payment. */
class FeeResolutionOverHttpTest {

    private static DevAmba amba;
    private static String project;
    private static String key;

    @BeforeAll
    static void start() {
        amba = DevAmba.start();
        project = amba.newProject("Fees");
        key = amba.newKey(project, "server");
        amba.completeOnboarding(amba.newAccount(project));
    }

    @AfterAll
    static void stop() {
        amba.close();
    }

    private static long feeOf(String body) {
        Api.Answer answer = amba.api.createPayment(key, body);
        assertEquals(200, answer.status(), answer::toString);
        return answer.data().getLong("application_fee_amount");
    }

    private static void projectDefault(String bps) {
        assertEquals(200, amba.admin("PUT", "/admin/projects/" + project + "/payments/config",
                "{\"default_platform_fee_bps\": " + bps + "}").status());
    }

    private static void platformDefault(String bps) {
        assertEquals(200, amba.admin("PUT", "/admin/payments/config", "{\"default_platform_fee_bps\": " + bps + "}").status());
    }

    @Test
    void zeroBasisPointsIsAFeeOfZero() {
        assertEquals(0L, feeOf("{\"amount\": 1000, \"currency\": \"usd\", \"platform_fee_bps\": 0}"));
    }

    @Test
    void ratesRoundHalfUp() {
        assertEquals(3L, feeOf("{\"amount\": 1000, \"currency\": \"usd\", \"platform_fee_bps\": 25}"), "2.5 → 3");
        assertEquals(2L, feeOf("{\"amount\": 1000, \"currency\": \"usd\", \"platform_fee_bps\": 15}"), "1.5 → 2");
        assertEquals(1L, feeOf("{\"amount\": 1000, \"currency\": \"usd\", \"platform_fee_bps\": 14}"), "1.4 → 1");
        assertEquals(10_000_000L, feeOf("{\"amount\": 99999999, \"currency\": \"usd\", \"platform_fee_bps\": 1000}"),
                "9,999,999.9 rounds up");
    }

    @Test
    void aFeeOfOneLessThanTheAmountIsAccepted() {
        assertEquals(1998L, feeOf("{\"amount\": 1999, \"currency\": \"usd\", \"application_fee_amount\": 1998}"));
        assertEquals(9999L, feeOf("{\"amount\": 10000, \"currency\": \"usd\", \"platform_fee_bps\": 9999}"));
    }

    @Test
    void tenThousandBasisPointsTakesTheWholeAmountAndIsRefused() {
        Api.Answer answer = amba.api.createPayment(key, "{\"amount\": 1000, \"currency\": \"usd\", \"platform_fee_bps\": 10000}");
        assertEquals(400, answer.status());
        assertEquals("FEE_EXCEEDS_AMOUNT", answer.errorCode());
    }

    @Test
    void anExplicitFeeBeatsARate() {
        assertEquals(7L, feeOf("{\"amount\": 1000, \"currency\": \"usd\", \"application_fee_amount\": 7, \"platform_fee_bps\": 5000}"));
    }

    @Test
    void theProjectDefaultBeatsThePlatformDefaultAndClearingItFallsBack() {
        platformDefault("100");
        projectDefault("500");
        try {
            assertEquals(50L, feeOf("{\"amount\": 1000, \"currency\": \"usd\"}"), "project default 500 bps");
            assertEquals(20L, feeOf("{\"amount\": 1000, \"currency\": \"usd\", \"platform_fee_bps\": 200}"), "caller's rate wins");
            projectDefault("null");
            assertEquals(10L, feeOf("{\"amount\": 1000, \"currency\": \"usd\"}"), "falls back to the platform's 100 bps");
            platformDefault("null");
            Api.Answer none = amba.api.createPayment(key, "{\"amount\": 1000, \"currency\": \"usd\"}");
            assertEquals("NO_PLATFORM_FEE", none.errorCode());
        } finally {
            platformDefault("250");
            projectDefault("null");
        }
    }
}
