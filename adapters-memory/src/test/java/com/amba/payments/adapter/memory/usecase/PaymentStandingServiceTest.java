package com.amba.payments.adapter.memory.usecase;

import static com.amba.payments.adapter.memory.usecase.World.body;
import static com.amba.payments.adapter.memory.usecase.World.codeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.RefundLedger;
import com.amba.payments.domain.port.out.StoreUnavailable;
import com.amba.payments.domain.service.PaymentStandingService;
import com.amba.payments.domain.testing.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A read answered without waiting (what a GET does from the event loop when the key is at hand) gives every answer
 * the waiting read gives, in the same order of checks; it declines only when the key is not at hand.
 */
class PaymentStandingServiceTest {

    private final MutableClock clock = new MutableClock(World.t0());
    private final World world = new World(clock, World.fastTiming(Duration.ofSeconds(30)));

    @Test
    void everyAnswerIsTheWaitingReadsAnswer() throws Exception {
        Payment payment = world.created(body(2_000));
        Project other = world.newProject();
        String otherKey = world.issueKey(other, ApiKeyKind.SERVER);
        String revokedKey = world.issueKey(world.project, ApiKeyKind.CLIENT);
        ApiKey revoked = world.controlPlane.apiKeyByHash(KeyHash.of(revokedKey)).orElseThrow();
        world.controlPlane.revokeApiKey(world.project.id(), revoked.id(), clock.instant());

        record Asked(Optional<String> key, String paymentId, String expected) {}
        List<Asked> cases = List.of(
                new Asked(Optional.of(world.clientKey), payment.id().value(), "OK"),
                new Asked(Optional.of(world.serverKey), payment.id().value(), "OK"),
                new Asked(Optional.of(otherKey), payment.id().value(), "PAYMENT_NOT_FOUND"),
                new Asked(Optional.of(world.clientKey), "pi_nope", "PAYMENT_NOT_FOUND"),
                new Asked(Optional.of(world.clientKey), "../../x", "PAYMENT_NOT_FOUND"),
                new Asked(Optional.of(revokedKey), payment.id().value(), "INVALID_API_KEY"),
                new Asked(Optional.empty(), "pi_nope", "INVALID_API_KEY"),
                new Asked(Optional.of(""), payment.id().value(), "INVALID_API_KEY"),
                new Asked(Optional.of("amba_sk_" + "x".repeat(300)), payment.id().value(), "INVALID_API_KEY"));
        for (Asked asked : cases) {
            Result<PaymentStanding, PaymentError> waited = world.standings.readStanding(asked.key(), asked.paymentId());
            Result<PaymentStanding, PaymentError> atOnce = answerOf(world.standings
                    .readStandingWithoutWaiting(asked.key(), asked.paymentId()).orElseThrow());
            assertEquals(asked.expected(), codeOf(waited), asked::toString);
            assertEquals(waited, atOnce, asked::toString);
        }
    }

    @Test
    void aKeyNotAtHandIsLeftToTheWaitingRead() {
        Payment payment = world.created(body(2_000));
        PaymentStandingService nothingAtHand = new PaymentStandingService(
                forwarding(ControlPlane.class, world.controlPlane, ignored -> Optional.empty()), world.ledger.refunds());

        assertEquals(Optional.empty(), nothingAtHand.readStandingWithoutWaiting(Optional.of(world.clientKey),
                payment.id().value()));
        assertEquals(Optional.empty(), world.standings.readStandingWithoutWaiting(Optional.of("amba_pk_never_issued"),
                payment.id().value()), "an unknown key is never at hand: the store decides");
        assertEquals("OK", codeOf(nothingAtHand.readStanding(Optional.of(world.clientKey), payment.id().value())));
    }

    @Test
    void aLedgerThatCannotAnswerIsUnavailableAsOnTheWaitingRead() throws Exception {
        Payment payment = world.created(body(2_000));
        RefundLedger failsLater = forwarding(RefundLedger.class, world.ledger.refunds(),
                ignored -> CompletableFuture.failedFuture(new StoreUnavailable("test: the ledger timed out")));
        RefundLedger failsAtOnce = forwarding(RefundLedger.class, world.ledger.refunds(), ignored -> {
            throw new StoreUnavailable("test: no connection");
        });

        for (RefundLedger ledger : List.of(failsLater, failsAtOnce)) {
            PaymentStandingService reads = new PaymentStandingService(world.controlPlane, ledger);
            assertEquals("CONTROL_PLANE_UNAVAILABLE", codeOf(answerOf(reads
                    .readStandingWithoutWaiting(Optional.of(world.clientKey), payment.id().value()).orElseThrow())));
        }
    }

    @Test
    void aBugInTheLedgerStaysAFailureRatherThanAnAnswer() {
        Payment payment = world.created(body(2_000));
        RefundLedger broken = forwarding(RefundLedger.class, world.ledger.refunds(),
                ignored -> CompletableFuture.failedFuture(new IllegalStateException("test: a bug")));

        CompletionStage<Result<PaymentStanding, PaymentError>> read = new PaymentStandingService(world.controlPlane,
                broken).readStandingWithoutWaiting(Optional.of(world.clientKey), payment.id().value()).orElseThrow();

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> read.toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
    }

    private static <T> T answerOf(CompletionStage<T> stage) throws Exception {
        CompletableFuture<T> future = stage.toCompletableFuture();
        assertTrue(future.isDone(), "memory answers at once");
        return future.get(5, TimeUnit.SECONDS);
    }

    /**
     * {@code real}, except for the one method that reads without waiting ({@code apiKeyAtHand},
     * {@code standingWithoutWaiting}), which answers {@code instead}.
     */
    @SuppressWarnings("unchecked")
    private static <T> T forwarding(Class<T> port, T real, Function<Object, Object> instead) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            if (readsWithoutWaiting(method)) {
                return instead.apply(args[0]);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static boolean readsWithoutWaiting(Method method) {
        return method.getName().equals("apiKeyAtHand") || method.getName().equals("standingWithoutWaiting");
    }
}
