package com.amba.payments.adapter.postgres;

import static com.amba.payments.domain.testing.Payments.aPayment;
import static com.amba.payments.domain.testing.Payments.createdEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PlatformSettings;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ports block, so they run where blocking is cheap: on Vert.x virtual threads (how the HTTP adapter calls
 * them) and on plain threads. On an event loop they refuse at once instead of stalling every connection; the one
 * read made for an event loop ({@code standingWithoutWaiting}) returns at once there and answers on that loop.
 */
class CallingThreadsTest {

    private static OpenStore open;
    private static ScratchDatabase database;
    private static PostgresStore store;
    private static StoreFixture fixture;

    @BeforeAll
    static void openStore() {
        open = OpenStore.open();
        database = open.database();
        store = open.store();
        fixture = StoreFixture.readyProject(store.controlPlane());
    }

    @AfterAll
    static void closeStore() {
        open.close();
    }

    @Test
    void aVertxVirtualThreadCanUseEveryKindOfCall() throws Exception {
        Payment payment = aPayment().inProject(fixture.projectId()).build();

        Future<Object> answered = onThreadingModel(ThreadingModel.VIRTUAL_THREAD, () -> {
            PlatformSettings settings = store.controlPlane().platform();
            Payment recorded = store.ledger().recordCreation(Optional.empty(), payment, createdEvent(payment));
            return settings.paymentsEnabled() && recorded.equals(store.ledger().find(payment.id()).orElseThrow());
        });

        assertEquals(Boolean.TRUE, answered.await(10, TimeUnit.SECONDS));
    }

    @Test
    void anEventLoopIsRefusedRatherThanBlocked() throws Exception {
        Future<Object> answered = onThreadingModel(ThreadingModel.EVENT_LOOP, () -> store.controlPlane().platform());

        Object outcome = answered.transform(done -> Future.succeededFuture(done.failed() ? done.cause() : done.result()))
                .await(10, TimeUnit.SECONDS);
        assertInstanceOf(IllegalStateException.class, outcome, "got " + outcome);
    }

    @Test
    void anEventLoopReadsAStandingWithoutWaitingAndHearsTheAnswerOnItsOwnThread() throws Exception {
        Payment payment = aPayment().inProject(fixture.projectId()).build();
        store.ledger().recordCreation(Optional.empty(), payment, createdEvent(payment));
        Promise<String> answered = Promise.promise();

        open.vertx().deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                Thread caller = Thread.currentThread();
                store.refunds().standingWithoutWaiting(payment.id()).whenComplete((standing, failure) -> {
                    if (failure != null) {
                        answered.fail(failure);
                    } else if (Thread.currentThread() != caller) {
                        answered.fail("answered on " + Thread.currentThread().getName() + ", asked on "
                                + caller.getName());
                    } else {
                        answered.complete(standing.orElseThrow().payment().id().value());
                    }
                });
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setThreadingModel(ThreadingModel.EVENT_LOOP)).await(10, TimeUnit.SECONDS);

        assertEquals(payment.id().value(), answered.future().await(10, TimeUnit.SECONDS));
    }

    /** Runs {@code call} in the start of a verticle deployed with {@code model}, and hands back what it did. */
    private static Future<Object> onThreadingModel(ThreadingModel model, Callable<Object> call) throws Exception {
        Promise<Object> result = Promise.promise();
        open.vertx().deployVerticle(new VerticleBase() {
            @Override
            public Future<?> start() {
                try {
                    result.complete(call.call());
                } catch (Exception | Error e) {
                    result.fail(e);
                }
                return Future.succeededFuture();
            }
        }, new DeploymentOptions().setThreadingModel(model)).await(10, TimeUnit.SECONDS);
        return result.future();
    }
}
