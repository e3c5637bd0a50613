package com.amba.payments.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.app.AmbaConfig;
import com.amba.payments.domain.port.out.ControlPlane;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Admission control over HTTP: with the instance's creates all in flight, one more create answers at once 503
 * OVERLOADED with Retry-After, without reaching the store, while reads and liveness keep answering; once the
 * burst is over, creates are admitted again.
 */
class OverloadOverHttpTest {

    private static final int ADMITTED = 3;
    private static final String CREATE = "{\"amount\": 1999, \"currency\": \"usd\"}";

    @Test
    void beyondTheAdmittedCreatesACreateIsAFast503OverloadedAndReadsStillAnswer() throws Exception {
        HeldProjects held = new HeldProjects();
        try (DevAmba amba = DevAmba.start(config -> config.withCapacity(new AmbaConfig.Capacity(2, ADMITTED, AmbaConfig.Admission.FIXED)),
                parts -> parts.withControlPlane(held.wrap(parts.controlPlane())))) {
            String earlier = amba.api.createPayment(amba.demo.serverKey(), CREATE).data().getString("payment_id");
            held.hold();
            List<Thread> inFlight = new ArrayList<>();
            List<Api.Answer> admittedAnswers = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < ADMITTED; i++) {
                inFlight.add(Thread.ofVirtual().start(() ->
                        admittedAnswers.add(amba.api.createPayment(amba.demo.serverKey(), CREATE))));
            }
            assertTrue(held.reached(ADMITTED), "the admitted creates are all waiting on the project read");

            long started = System.nanoTime();
            Api.Answer refused = amba.api.createPayment(amba.demo.serverKey(), CREATE);
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertEquals(503, refused.status(), refused.toString());
            assertEquals("OVERLOADED", refused.errorCode());
            assertEquals("1", refused.header("Retry-After").orElseThrow());
            assertEquals(ADMITTED + 1, held.calls(), "the refused create never reached the store");
            // The admitted creates are still held, so this answer did not wait for any of them.
            assertTrue(tookMillis < 5_000, "refused at once, took " + tookMillis + " ms");
            assertEquals(200, amba.api.readPayment(amba.demo.clientKey(), earlier).status(), "reads keep answering");
            assertEquals(200, amba.api.send("GET", "/health/live", Map.of(), null).status());

            held.release();
            for (Thread thread : inFlight) {
                thread.join(30_000);
            }
            assertEquals(ADMITTED, admittedAnswers.size());
            admittedAnswers.forEach(answer -> assertEquals(200, answer.status(), answer.toString()));
            assertEquals(200, amba.api.createPayment(amba.demo.serverKey(), CREATE).status(),
                    "after the burst creates are admitted again");
        }
    }

    /** A control plane whose project reads (creates make them, reads do not) wait, while held, until released. */
    private static final class HeldProjects {
        private final AtomicInteger calls = new AtomicInteger();
        private final Semaphore waiting = new Semaphore(0);
        private volatile CountDownLatch gate = new CountDownLatch(0);

        void hold() {
            gate = new CountDownLatch(1);
        }

        void release() {
            gate.countDown();
        }

        int calls() {
            return calls.get();
        }

        boolean reached(int creates) throws InterruptedException {
            return waiting.tryAcquire(creates, 30, TimeUnit.SECONDS);
        }

        ControlPlane wrap(ControlPlane real) {
            return (ControlPlane) Proxy.newProxyInstance(ControlPlane.class.getClassLoader(),
                    new Class<?>[] {ControlPlane.class}, (proxy, method, args) -> {
                        if (method.getName().equals("project")) {
                            calls.incrementAndGet();
                            CountDownLatch current = gate;
                            if (current.getCount() > 0) {
                                waiting.release();
                                current.await(30, TimeUnit.SECONDS);
                            }
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
