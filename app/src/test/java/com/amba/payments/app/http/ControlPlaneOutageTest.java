package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.Ledger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When platform, project or ledger state cannot be read: 503 CONTROL_PLANE_UNAVAILABLE, and nothing changes. */
class ControlPlaneOutageTest {

    private static final Outage controlPlaneOutage = new Outage();
    private static final Outage ledgerOutage = new Outage();
    private static DevAmba amba;

    @BeforeAll
    static void start() {
        amba = DevAmba.start(parts -> parts
                .withControlPlane(controlPlaneOutage.wrap(ControlPlane.class, parts.controlPlane()))
                .withLedger(ledgerOutage.wrap(Ledger.class, parts.ledger())));
    }

    @AfterAll
    static void stop() {
        amba.close();
    }

    @Test
    void anUnreadableControlPlaneIs503WithRetryAfter() {
        controlPlaneOutage.begin();
        try {
            Api.Answer create = amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 1999, \"currency\": \"usd\"}");
            assertEquals(503, create.status());
            assertEquals("CONTROL_PLANE_UNAVAILABLE", create.errorCode());
            assertTrue(create.header("Retry-After").isPresent());
            Api.Answer admin = amba.admin("GET", "/admin/payments/status", null);
            assertEquals("CONTROL_PLANE_UNAVAILABLE", admin.errorCode());
        } finally {
            controlPlaneOutage.end();
        }
        assertEquals(200, amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 1999, \"currency\": \"usd\"}").status(),
                "recovers as soon as the store answers again");
    }

    @Test
    void anUnreadableLedgerIs503OnReadAndOnCreate() {
        String id = amba.api.createPayment(amba.demo.serverKey(),
                "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"outage-ref\"}").data().getString("payment_id");
        ledgerOutage.begin();
        try {
            Api.Answer read = amba.api.readPayment(amba.demo.clientKey(), id);
            assertEquals(503, read.status());
            assertEquals("CONTROL_PLANE_UNAVAILABLE", read.errorCode());
            Api.Answer create = amba.api.createPayment(amba.demo.serverKey(),
                    "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"outage-ref\"}");
            assertEquals("CONTROL_PLANE_UNAVAILABLE", create.errorCode());
        } finally {
            ledgerOutage.end();
        }
        Api.Answer replay = amba.api.createPayment(amba.demo.serverKey(),
                "{\"amount\": 1999, \"currency\": \"usd\", \"client_reference\": \"outage-ref\"}");
        assertEquals(id, replay.data().getString("payment_id"), "the outage changed nothing");
    }
}
