package com.amba.payments.adapter.postgres;

import com.amba.payments.adapter.postgres.Database.Decision;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.Dispute;
import com.amba.payments.domain.model.DisputeChange;
import com.amba.payments.domain.model.DisputeStatus;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.MoneyBackFacts;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.ProviderEvent.RefundChanged;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import com.amba.payments.domain.model.Refund;
import com.amba.payments.domain.model.RefundAttempt;
import com.amba.payments.domain.model.RefundChange;
import com.amba.payments.domain.model.RefundClaim;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.RefundPolicy;
import com.amba.payments.domain.model.RefundReason;
import com.amba.payments.domain.model.RefundReservation;
import com.amba.payments.domain.model.RefundShare;
import com.amba.payments.domain.model.RefundStanding;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.model.TransitionOutcome;
import com.amba.payments.domain.port.out.RefundLedger;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Refunds and disputes in PostgreSQL (docs/refund-state-machine.md). Every decision about a payment's remainder
 * is made in one short transaction holding the payment's row lock ({@code SELECT … FOR UPDATE}), so refunds
 * racing on any number of instances decide one after another; no transaction is open across a provider call.
 */
final class PostgresRefunds implements RefundLedger {

    static final String RESERVED = "reserved";

    private final Database database;

    PostgresRefunds(Database database) {
        this.database = database;
    }

    @Override
    public RefundClaim reserve(RefundAttempt attempt, Instant now, Duration lease) {
        return database.inTransaction(statements -> {
            Optional<Payment> locked = Rows.first(statements.run(Sql.LOCK_PAYMENT,
                    Tuple.of(attempt.paymentId().value())), Rows::payment);
            if (locked.isEmpty() || !locked.get().belongsTo(attempt.projectId())) {
                return Decision.rollback(new RefundClaim.Refused(new PaymentError.PaymentNotFound()));
            }
            Payment payment = locked.get();
            RefundAttempt taking = attempt;
            if (attempt.clientReference().isPresent()) {
                Optional<Row> existing = Rows.first(statements.run(Sql.LOCK_REFUND_BY_REFERENCE,
                        Tuple.of(attempt.projectId().value(), attempt.clientReference().get().value())), row -> row);
                if (existing.isPresent()) {
                    Row row = existing.get();
                    if (!row.getString("fingerprint").equals(attempt.fingerprint().value())) {
                        return Decision.rollback(new RefundClaim.Conflict());
                    }
                    if (row.getString("refund_id") != null) {
                        return Decision.rollback(new RefundClaim.AlreadyMade(Rows.refund(row)));
                    }
                    boolean leaseLive = RESERVED.equals(row.getString("state"))
                            && now.isBefore(row.getOffsetDateTime("lease_until").toInstant());
                    if (leaseLive) {
                        return Decision.rollback(new RefundClaim.InFlight());
                    }
                    // Released, or its holder's lease ran out: the same request takes its idempotency key over.
                    statements.run(Sql.FORGET_REFUND_ATTEMPT, Tuple.of(row.getString("attempt_id")));
                    taking = attempt.withKey(new ProviderIdempotencyKey(row.getString("idempotency_key")));
                }
            }
            Row held = statements.run(Sql.REFUNDS_HELD, Tuple.of(payment.id().value(), Parameters.at(now)))
                    .iterator().next();
            RefundStanding standing = new RefundStanding(held.getLong("held_amount"), held.getLong("held_fee"));
            Result<RefundShare, PaymentError> share = RefundPolicy.share(payment, standing, attempt.order().amount(),
                    attempt.order().refundApplicationFee());
            if (share instanceof Result.Err<RefundShare, PaymentError> refused) {
                return Decision.rollback(new RefundClaim.Refused(refused.error()));
            }
            RefundShare granted = share.orElseThrow();
            RowSet<Row> inserted = statements.run(Sql.RESERVE_REFUND, Tuple.of(taking.id(), payment.id().value(),
                    payment.projectId().value(), taking.clientReference().map(r -> r.value()).orElse(null),
                    taking.fingerprint().value(), taking.idempotencyKey().value(), granted.amount(),
                    payment.amount().currency().code(), granted.fee(),
                    taking.order().reason().map(RefundReason::wireName).orElse(null),
                    taking.order().refundApplicationFee())
                    .addValue(Parameters.at(now.plus(lease))).addValue(Parameters.at(now)));
            if (inserted.rowCount() == 0) {
                return Decision.rollback(new RefundClaim.Conflict());
            }
            return Decision.commit(new RefundClaim.Reserved(new RefundReservation(taking, payment, granted)));
        });
    }

    @Override
    public void release(RefundReservation reservation) {
        database.run(Sql.RELEASE_REFUND, Tuple.of(reservation.attempt().id()));
    }

    @Override
    public Refund recordRefund(String attemptId, Refund refund, PaymentEvent created, Optional<InboxEntry> inbox) {
        return database.inTransaction(statements -> {
            if (inbox.isPresent() && !PostgresLedger.decide(statements, inbox.get())) {
                return Decision.rollback(refund);
            }
            Optional<Refund> existing = Rows.first(statements.run(Sql.FIND_REFUND, Tuple.of(refund.id().value())),
                    Rows::refund);
            if (existing.isPresent()) {
                return Decision.rollback(existing.get());
            }
            Optional<Refund> taken = Rows.first(statements.run(Sql.TAKE_REFUND, Tuple.of(attemptId,
                    refund.id().value(), refund.status().wireName(), Parameters.at(refund.createdAt()),
                    Parameters.at(refund.updatedAt()), Parameters.at(refund.statusAsOf()))), Rows::refund);
            if (taken.isEmpty()) {
                Optional<Refund> earlier = Rows.first(statements.run(Sql.REFUND_OF_ATTEMPT, Tuple.of(attemptId)),
                        Rows::refund);
                if (earlier.isPresent()) {
                    return Decision.rollback(earlier.get());
                }
                taken = Rows.first(statements.run(Sql.INSERT_OUTSIDE_REFUND, Tuple.of(attemptId, refund.id().value(),
                        refund.paymentId().value(), refund.projectId().value(), refund.amount().minor(),
                        refund.amount().currency().code(), refund.feeRefunded(),
                        refund.reason().map(RefundReason::wireName).orElse(null), refund.status().wireName(),
                        Parameters.at(refund.createdAt())).addValue(Parameters.at(refund.createdAt()))
                        .addValue(Parameters.at(refund.statusAsOf()))), Rows::refund);
            }
            Refund recorded = taken.orElseThrow();
            statements.run(Sql.APPEND_MONEY_BACK_OUTBOX,
                    Parameters.moneyBackOutbox(created.withMoneyBack(MoneyBackFacts.of(recorded, Optional.empty()))));
            return Decision.commit(recorded);
        });
    }

    @Override
    public TransitionOutcome move(RefundChange change, InboxEntry inbox) {
        return database.inTransaction(statements -> {
            if (!PostgresLedger.decide(statements, inbox)) {
                return Decision.rollback(TransitionOutcome.DUPLICATE_EVENT);
            }
            Refund after = change.after();
            boolean moved = statements.run(Sql.MOVE_REFUND, Tuple.of(after.id().value(), change.expectedVersion(),
                    after.status().wireName(), Parameters.at(after.updatedAt()), Parameters.at(after.statusAsOf()),
                    after.version())).rowCount() == 1;
            if (!moved) {
                return Decision.rollback(TransitionOutcome.STALE);
            }
            statements.run(Sql.APPEND_MONEY_BACK_OUTBOX, Parameters.moneyBackOutbox(change.outgoing()));
            return Decision.commit(TransitionOutcome.RECORDED);
        });
    }

    @Override
    public Optional<Refund> findRefund(RefundId id) {
        return Rows.first(database.run(Sql.FIND_REFUND, Tuple.of(id.value())), Rows::refund);
    }

    @Override
    public boolean isReserving(String attemptId) {
        return database.run(Sql.IS_RESERVING, Tuple.of(attemptId)).rowCount() > 0;
    }

    @Override
    public List<Refund> refunds(PaymentId payment) {
        return Rows.all(database.run(Sql.REFUNDS_OF_PAYMENT, Tuple.of(payment.value())), Rows::refund);
    }

    @Override
    public Optional<PaymentStanding> standing(PaymentId payment) {
        return Rows.first(database.run(Sql.STANDING, Tuple.of(payment.value())), PostgresRefunds::standing);
    }

    @Override
    public CompletionStage<Optional<PaymentStanding>> standingWithoutWaiting(PaymentId payment) {
        return database.runWithoutWaiting(Sql.STANDING, Tuple.of(payment.value()))
                .thenApply(rows -> Rows.first(rows, PostgresRefunds::standing));
    }

    private static PaymentStanding standing(Row row) {
        DisputeStatus dispute = Optional.ofNullable(row.getString("dispute"))
                .flatMap(DisputeStatus::fromWireName).orElse(DisputeStatus.NONE);
        return new PaymentStanding(Rows.payment(row), row.getLong("refunded"), dispute);
    }

    @Override
    public void park(RefundChanged event, Instant receivedAt) {
        database.run(Sql.PARK_REFUND_EVENT, Tuple.of(event.id().value(), Parameters.at(event.created()),
                event.refundId().value(), event.paymentId().value(),
                event.account().map(ConnectedAccountId::value).orElse(null), event.status().wireName(),
                event.amount(), event.currency(), event.reason().map(RefundReason::wireName).orElse(null),
                event.attemptId().orElse(null)).addValue(Parameters.at(receivedAt)));
    }

    @Override
    public List<RefundChanged> parkedRefunds(Optional<ProviderEventId> after, int limit) {
        return Rows.all(database.run(Sql.PARKED_REFUNDS, Tuple.of(limit, after.map(ProviderEventId::value).orElse(null))),
                Rows::parkedRefund);
    }

    @Override
    public void unparkRefund(ProviderEventId eventId) {
        database.run(Sql.UNPARK_REFUND_EVENT, Tuple.of(eventId.value()));
    }

    @Override
    public Optional<Dispute> dispute(PaymentId payment) {
        return Rows.first(database.run(Sql.FIND_DISPUTE, Tuple.of(payment.value())), Rows::dispute);
    }

    @Override
    public TransitionOutcome recordDispute(DisputeChange change, InboxEntry inbox) {
        return database.inTransaction(statements -> {
            if (!PostgresLedger.decide(statements, inbox)) {
                return Decision.rollback(TransitionOutcome.DUPLICATE_EVENT);
            }
            Dispute after = change.after();
            boolean written = change.before().isEmpty()
                    ? statements.run(Sql.OPEN_DISPUTE, Tuple.of(after.paymentId().value(), after.status().wireName(),
                            after.amount().minor(), after.amount().currency().code(),
                            Parameters.at(after.statusAsOf()), after.version())).rowCount() == 1
                    : statements.run(Sql.MOVE_DISPUTE, Tuple.of(after.paymentId().value(), after.status().wireName(),
                            after.amount().minor(), Parameters.at(after.statusAsOf()), after.version(),
                            change.expectedVersion())).rowCount() == 1;
            if (!written) {
                return Decision.rollback(TransitionOutcome.STALE);
            }
            statements.run(Sql.APPEND_MONEY_BACK_OUTBOX, Parameters.moneyBackOutbox(change.outgoing()));
            return Decision.commit(TransitionOutcome.RECORDED);
        });
    }
}
