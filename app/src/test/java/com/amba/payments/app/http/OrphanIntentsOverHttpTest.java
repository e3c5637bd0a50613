package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.port.out.Ledger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Orphans (SPEC §11), on every run of the HTTP suite: a create that crashes after the provider answered, and is
 * never retried, leaves an intent the ledger never recorded. Once the grace period is over (none here) the reconciler
 * cancels it at the provider and counts it on /metrics; it never becomes a payment.
 */
class OrphanIntentsOverHttpTest {

    private static final AtomicBoolean CRASH_NEXT_RECORDING = new AtomicBoolean();

    private static DevAmba amba;

    /** The process "dies" between the provider's answer and recording the payment: nothing of it is written. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash after the provider answered");
        }
    }

    @BeforeAll
    static void start() {
        amba = DevAmba.start(config -> config.withOrphanGrace(Duration.ZERO),
                parts -> parts.withLedger(crashingOnRecord(parts.ledger())));
    }

    private static Ledger crashingOnRecord(Ledger real) {
        return (Ledger) Proxy.newProxyInstance(Ledger.class.getClassLoader(), new Class<?>[] {Ledger.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("recordCreation") && CRASH_NEXT_RECORDING.getAndSet(false)) {
                        throw new SimulatedCrash();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterAll
    static void stop() {
        amba.close();
    }

    @Test
    void aCreateThatCrashedAfterTheProviderAnsweredLeavesAnOrphanThatIsCanceledAndCounted() throws Exception {
        String account = amba.demo.accountId().value();
        Api.Answer kept = amba.api.createPayment(amba.demo.serverKey(), "{\"amount\": 1500, \"currency\": \"usd\"}");
        assertEquals(200, kept.status(), kept::toString);
        String recorded = kept.data().getString("payment_id");
        List<String> before = amba.provider.intentIdsOn(account);

        CRASH_NEXT_RECORDING.set(true);
        Api.Answer crashed = amba.api.createPayment(amba.demo.serverKey(),
                "{\"amount\": 2500, \"currency\": \"usd\", \"client_reference\": \"never-retried\"}");
        assertEquals(500, crashed.status(), crashed::toString);
        List<String> orphans = amba.provider.intentIdsOn(account).stream().filter(id -> !before.contains(id)).toList();
        assertEquals(1, orphans.size(), "the provider made the intent before its answer was lost");
        String orphan = orphans.getFirst();
        assertEquals(404, amba.api.readPayment(amba.demo.clientKey(), orphan).status(), "the ledger never recorded it");

        // Stripe's created is in whole seconds and the search asks for intents created before now.
        Thread.sleep(Duration.between(Instant.now(), Instant.now().plusSeconds(1)).toMillis() + 100);
        assertEquals(1, amba.running.sweepOrphansNow());

        assertEquals("canceled", amba.provider.intentStatus(orphan));
        assertEquals("requires_payment_method", amba.provider.intentStatus(recorded), "a recorded payment is left alone");
        assertEquals(404, amba.api.readPayment(amba.demo.clientKey(), orphan).status(), "it never becomes a payment");
        String metrics = amba.api.send("GET", "/metrics", Map.of(), null).body();
        assertTrue(metrics.lines().anyMatch(line -> line.startsWith("amba_orphan_intents_canceled_total")
                && line.endsWith(" 1.0")), metrics);
        assertEquals(0, amba.running.sweepOrphansNow(), "a canceled orphan is not canceled again");
    }
}
