package com.amba.payments.domain.model;

import static com.amba.payments.domain.testing.Payments.aPayment;
import static com.amba.payments.domain.testing.Payments.intentChanged;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import com.amba.payments.domain.model.StatusRules.Verdict;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

    private static final Instant AS_OF = Instant.parse("2025-03-01T12:00:00Z");

    private static Payment at(PaymentStatus status) {
        return aPayment().withAmount(2_000, "usd").withStatus(status).statusAsOf(AS_OF).build();
    }

    private static final Instant READ_AT = AS_OF.plusSeconds(7);

    /** The provider's answer, read {@code READ_AT}. */
    private static ProviderIntent providerSays(Payment payment, PaymentStatus status, Money amount) {
        return new ProviderIntent(payment.id(), payment.clientSecret(), status, amount, AS_OF, READ_AT);
    }

    @Test
    void aNewerEventMovesThePayment() {
        Payment payment = at(PaymentStatus.REQUIRES_PAYMENT_METHOD);

        Verdict verdict = StatusRules.judge(payment, intentChanged(payment, PaymentStatus.PROCESSING, AS_OF.plusSeconds(1)));

        assertEquals(new Verdict.Move(PaymentStatus.PROCESSING, AS_OF.plusSeconds(1)), verdict);
    }

    @Test
    void anEventFromTheSameSecondCannotBeOrderedSoTheProviderIsAsked() {
        Payment payment = at(PaymentStatus.PROCESSING);

        assertEquals(new Verdict.AskProvider(),
                StatusRules.judge(payment, intentChanged(payment, PaymentStatus.REQUIRES_ACTION, AS_OF)));
    }

    @Test
    void anOlderEventNeverOverwritesDirectlyTheProviderIsAsked() {
        Payment payment = at(PaymentStatus.PROCESSING);

        assertEquals(new Verdict.AskProvider(), StatusRules.judge(payment,
                intentChanged(payment, PaymentStatus.REQUIRES_ACTION, AS_OF.minusSeconds(30))));
    }

    @Test
    void aFinalStatusIsFinalWhateverTheEventSays() {
        Payment succeeded = at(PaymentStatus.SUCCEEDED);
        Payment canceled = at(PaymentStatus.CANCELED);

        assertEquals(new Verdict.Keep(EventDisposition.IGNORED_FINAL), StatusRules.judge(succeeded,
                intentChanged(succeeded, PaymentStatus.REQUIRES_PAYMENT_METHOD, AS_OF.plusSeconds(60))));
        assertEquals(new Verdict.Keep(EventDisposition.IGNORED_FINAL), StatusRules.judge(canceled,
                intentChanged(canceled, PaymentStatus.SUCCEEDED, AS_OF.plusSeconds(60))));
        assertEquals(new Verdict.Keep(EventDisposition.ALREADY_THERE), StatusRules.judge(succeeded,
                intentChanged(succeeded, PaymentStatus.SUCCEEDED, AS_OF.plusSeconds(60))));
    }

    @Test
    void aNewerEventThatSaysWhereThePaymentAlreadyIsOnlyMovesTheTimeItIsKnownAsOf() {
        Payment payment = at(PaymentStatus.PROCESSING);

        assertEquals(new Verdict.Confirm(AS_OF.plusSeconds(5), EventDisposition.ALREADY_THERE), StatusRules.judge(payment,
                intentChanged(payment, PaymentStatus.PROCESSING, AS_OF.plusSeconds(5))));
    }

    @Test
    void anOlderOrTiedEventThatSaysWhereThePaymentAlreadyIsChangesNothing() {
        Payment payment = at(PaymentStatus.PROCESSING);

        assertEquals(new Verdict.Keep(EventDisposition.ALREADY_THERE), StatusRules.judge(payment,
                intentChanged(payment, PaymentStatus.PROCESSING, AS_OF)));
        assertEquals(new Verdict.Keep(EventDisposition.ALREADY_THERE), StatusRules.judge(payment,
                intentChanged(payment, PaymentStatus.PROCESSING, AS_OF.minusSeconds(5))));
    }

    @Test
    void anEventDisagreeingOnAmountOrCurrencyIsAMismatchEvenForAFinalPayment() {
        Payment payment = at(PaymentStatus.SUCCEEDED);
        PaymentIntentChanged otherAmount = new PaymentIntentChanged(new ProviderEventId("evt_1"), AS_OF.plusSeconds(1),
                payment.id(), Optional.empty(), PaymentStatus.SUCCEEDED, 2_001, "usd");
        PaymentIntentChanged otherCurrency = new PaymentIntentChanged(new ProviderEventId("evt_2"), AS_OF.plusSeconds(1),
                payment.id(), Optional.empty(), PaymentStatus.SUCCEEDED, 2_000, "eur");

        assertEquals(new Verdict.Keep(EventDisposition.MISMATCH), StatusRules.judge(payment, otherAmount));
        assertEquals(new Verdict.Keep(EventDisposition.MISMATCH), StatusRules.judge(payment, otherCurrency));
    }

    @Test
    void theProvidersCurrentWordMovesANonFinalPayment() {
        Payment payment = at(PaymentStatus.PROCESSING);

        assertEquals(new Verdict.Move(PaymentStatus.SUCCEEDED, READ_AT), StatusRules.judgeProviderAnswer(payment,
                providerSays(payment, PaymentStatus.SUCCEEDED, payment.amount())));
    }

    @Test
    void aReReadAnswerIsKnownAsOfTheMomentItWasReadSoNoEventFromBeforeThatMomentOverwritesIt() {
        Payment payment = at(PaymentStatus.REQUIRES_ACTION);
        Verdict reRead = StatusRules.judgeProviderAnswer(payment,
                providerSays(payment, PaymentStatus.REQUIRES_PAYMENT_METHOD, payment.amount()));
        Payment afterReRead = payment.movedTo(((Verdict.Move) reRead).to(), ((Verdict.Move) reRead).asOf(), READ_AT);

        // Created after the ledger's earlier fact but before the re-read: a tie or older news, so asked again.
        assertEquals(new Verdict.AskProvider(), StatusRules.judge(afterReRead,
                intentChanged(afterReRead, PaymentStatus.PROCESSING, READ_AT.minusSeconds(3))));
        assertEquals(new Verdict.AskProvider(), StatusRules.judge(afterReRead,
                intentChanged(afterReRead, PaymentStatus.PROCESSING, READ_AT)));
        assertEquals(new Verdict.Move(PaymentStatus.PROCESSING, READ_AT.plusSeconds(1)), StatusRules.judge(afterReRead,
                intentChanged(afterReRead, PaymentStatus.PROCESSING, READ_AT.plusSeconds(1))));
    }

    @Test
    void whenTheProviderAgreesWithTheLedgerTheStatusIsKnownAsOfTheReRead() {
        Payment payment = at(PaymentStatus.PROCESSING);

        assertEquals(new Verdict.Confirm(READ_AT, EventDisposition.IGNORED_OLDER), StatusRules.judgeProviderAnswer(payment,
                providerSays(payment, PaymentStatus.PROCESSING, payment.amount())));
        Payment knownLater = payment.confirmedAsOf(READ_AT.plusSeconds(1));
        assertEquals(new Verdict.Keep(EventDisposition.IGNORED_OLDER), StatusRules.judgeProviderAnswer(knownLater,
                providerSays(knownLater, PaymentStatus.PROCESSING, payment.amount())));
    }

    @Test
    void aConfirmationMovesOnlyTheTimeTheStatusIsKnownAsOf() {
        Payment payment = at(PaymentStatus.PROCESSING);

        Payment confirmed = payment.confirmedAsOf(READ_AT);

        assertEquals(PaymentStatus.PROCESSING, confirmed.status());
        assertEquals(READ_AT, confirmed.statusAsOf());
        assertEquals(payment.updatedAt(), confirmed.updatedAt(), "nothing anyone can see changed");
        assertEquals(payment.version() + 1, confirmed.version());
        assertEquals(READ_AT, confirmed.confirmedAsOf(AS_OF).statusAsOf(), "never back");
    }

    @Test
    void theProviderCannotUndoAFinalStatusEither() {
        Payment payment = at(PaymentStatus.SUCCEEDED);

        assertEquals(new Verdict.Keep(EventDisposition.IGNORED_FINAL), StatusRules.judgeProviderAnswer(payment,
                providerSays(payment, PaymentStatus.CANCELED, payment.amount())));
    }

    @Test
    void aProviderAnswerWithAnotherAmountIsAMismatch() {
        Payment payment = at(PaymentStatus.PROCESSING);

        assertEquals(new Verdict.Keep(EventDisposition.MISMATCH), StatusRules.judgeProviderAnswer(payment,
                providerSays(payment, PaymentStatus.SUCCEEDED, Money.of(1_000, "usd"))));
    }

    @Test
    void movingKeepsTheLatestProviderTimeAndCountsAVersion() {
        Payment payment = at(PaymentStatus.PROCESSING);
        Instant now = AS_OF.plusSeconds(100);

        Payment older = payment.movedTo(PaymentStatus.SUCCEEDED, AS_OF.minusSeconds(10), now);
        Payment newer = payment.movedTo(PaymentStatus.SUCCEEDED, AS_OF.plusSeconds(10), now);

        assertEquals(AS_OF, older.statusAsOf());
        assertEquals(AS_OF.plusSeconds(10), newer.statusAsOf());
        assertEquals(payment.version() + 1, newer.version());
        assertEquals(now, newer.updatedAt());
        assertEquals(payment.createdAt(), newer.createdAt());
    }
}
