package com.amba.payments.domain.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.AdmitCreate;
import com.amba.payments.domain.port.in.CreatePayment;
import com.amba.payments.domain.port.out.AdmissionLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CreateAdmissionTest {

    private static final RequestBody BODY = new RequestBody.Empty();

    @Test
    void beyondTheLimitACreateIsRefusedAtOnceWithoutReachingTheUseCase() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger reached = new AtomicInteger();
        CreatePayment slow = (key, idempotencyKey, body) -> {
            reached.incrementAndGet();
            entered.countDown();
            await(finish);
            return Result.err(new PaymentError.PaymentsNotReady());
        };
        CreateAdmission admission = new CreateAdmission(slow, 2);
        List<Thread> holders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            holders.add(Thread.ofVirtual().start(() -> admission.create(Optional.of("k"), BODY)));
        }
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the two admitted creates started");
        assertEquals(2, admission.inFlight());

        Result<Payment, PaymentError> refused = admission.create(Optional.of("k"), BODY);

        assertInstanceOf(PaymentError.Overloaded.class, ((Result.Err<Payment, PaymentError>) refused).error());
        assertEquals(2, reached.get(), "the refused create never reached the use case");
        finish.countDown();
        for (Thread holder : holders) {
            holder.join(10_000);
        }
        assertEquals(0, admission.inFlight());
        Result<Payment, PaymentError> afterwards = admission.create(Optional.of("k"), BODY);
        assertInstanceOf(PaymentError.PaymentsNotReady.class, ((Result.Err<Payment, PaymentError>) afterwards).error(),
                "once the burst is over creates are admitted again");
    }

    @Test
    void aFailingCreateGivesItsSlotBack() {
        CreateAdmission admission = new CreateAdmission((key, idempotencyKey, body) -> {
            throw new IllegalStateException("boom");
        }, 1);
        assertThrows(IllegalStateException.class, () -> admission.create(Optional.empty(), BODY));
        assertThrows(IllegalStateException.class, () -> admission.create(Optional.empty(), BODY));
        assertEquals(0, admission.inFlight());
    }

    @Test
    void eachAdmittedCreateTellsTheLimitHowItEnded() {
        List<String> told = new ArrayList<>();
        AdmissionLimit recording = new AdmissionLimit() {
            @Override
            public Optional<Admitted> tryAdmit() {
                return Optional.of(new Admitted() {
                    @Override
                    public void completed() {
                        told.add("completed");
                    }

                    @Override
                    public void dropped() {
                        told.add("dropped");
                    }

                    @Override
                    public void ignored() {
                        told.add("ignored");
                    }
                });
            }

            @Override
            public int inFlight() {
                return 0;
            }

            @Override
            public int limit() {
                return 1;
            }
        };
        List<Result<Payment, PaymentError>> outcomes = List.of(
                Result.ok(null),
                Result.err(new PaymentError.PaymentProviderUnavailable()),
                Result.err(new PaymentError.ControlPlaneUnavailable()),
                Result.err(new PaymentError.InvalidAmount("amount must be positive")),
                Result.err(new PaymentError.IdempotencyKeyReused()));
        for (Result<Payment, PaymentError> outcome : outcomes) {
            new CreateAdmission((key, idempotencyKey, body) -> outcome, recording).create(Optional.empty(), BODY);
        }
        assertThrows(IllegalStateException.class, () -> new CreateAdmission((key, idempotencyKey, body) -> {
            throw new IllegalStateException("boom");
        }, recording).create(Optional.empty(), BODY));
        assertEquals(List.of("completed", "dropped", "dropped", "ignored", "ignored", "dropped"), told);
    }

    @Test
    void aPlaceTakenAheadIsHeldUntilItsCreateHasRunOrItIsGivenBack() {
        AtomicInteger reached = new AtomicInteger();
        CreateAdmission admission = new CreateAdmission((key, idempotencyKey, body) -> {
            reached.incrementAndGet();
            return Result.err(new PaymentError.PaymentsNotReady());
        }, 1);

        AdmitCreate.AdmittedCreate first = admission.tryAdmit().orElseThrow();
        assertEquals(1, admission.inFlight());
        assertTrue(admission.tryAdmit().isEmpty(), "the only place is held");
        assertInstanceOf(PaymentError.Overloaded.class,
                ((Result.Err<Payment, PaymentError>) admission.create(Optional.of("k"), BODY)).error());
        assertEquals(0, reached.get(), "nothing ran yet");

        first.create(Optional.of("k"), BODY);
        assertEquals(1, reached.get());
        assertEquals(0, admission.inFlight(), "running the create gave the place back");
        first.giveBack();
        assertEquals(0, admission.inFlight(), "giving back after the run changes nothing");
        assertThrows(IllegalStateException.class, () -> first.create(Optional.of("k"), BODY), "an admitted create runs once");
        assertEquals(1, reached.get());

        AdmitCreate.AdmittedCreate unused = admission.tryAdmit().orElseThrow();
        unused.giveBack();
        unused.giveBack();
        assertEquals(0, admission.inFlight(), "a place given back unused is free again, once");
        assertThrows(IllegalStateException.class, () -> unused.create(Optional.of("k"), BODY),
                "a place given back cannot be used after all");
        assertEquals(1, reached.get());
        assertTrue(admission.tryAdmit().isPresent());
    }

    @Test
    void theLimitMustAdmitSomething() {
        assertThrows(IllegalArgumentException.class, () -> new CreateAdmission((key, idempotencyKey, body) -> null, 0));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
