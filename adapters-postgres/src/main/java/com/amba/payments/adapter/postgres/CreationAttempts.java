package com.amba.payments.adapter.postgres;

import com.amba.payments.adapter.postgres.Database.Decision;
import com.amba.payments.adapter.postgres.Database.Statements;
import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.CreationClaim;
import com.amba.payments.domain.model.PaymentId;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;

/**
 * The create state machine of docs/create-state-machine.md. A claim is one autocommitted insert of a new
 * attempt, or, when the reference has one, one short transaction that locks it and decides; the provider is
 * called after it has committed, and the attempt is completed by the statement that records the payment
 * (Sql.RECORD_CREATION).
 */
final class CreationAttempts {

    static final String IN_FLIGHT = "in_flight";
    static final String RELEASED = "released";
    static final String COMPLETED = "completed";

    private final Database database;

    CreationAttempts(Database database) {
        this.database = database;
    }

    /**
     * A new reference (the usual case) is claimed by one autocommitted insert: one round trip, one commit. Only
     * when the reference already has an attempt does the claim take the transaction that locks and decides.
     */
    CreationClaim claim(CreationAttempt attempt, Instant now, Duration lease) {
        Instant leaseUntil = now.plus(lease);
        Tuple firstClaim = Tuple.of(attempt.projectId().value(), attempt.reference().value(),
                attempt.fingerprint().value(), attempt.idempotencyKey().value(), Parameters.at(leaseUntil));
        if (database.write(Sql.CLAIM_NEW_ATTEMPT, firstClaim).rowCount() == 1) {
            return new CreationClaim.Claimed(attempt);
        }
        return database.inTransaction(statements -> {
            RowSet<Row> inserted = statements.run(Sql.CLAIM_NEW_ATTEMPT, firstClaim);
            if (inserted.rowCount() == 1) {
                return Decision.commit(new CreationClaim.Claimed(attempt));
            }
            // The insert waited for any concurrent claimer to commit, so the row is there to lock now.
            Row existing = statements.run(Sql.LOCK_ATTEMPT,
                    Tuple.of(attempt.projectId().value(), attempt.reference().value())).iterator().next();
            return decide(statements, attempt, existing, now, leaseUntil);
        });
    }

    void complete(CreationAttempt attempt, PaymentId payment) {
        database.run(Sql.COMPLETE_ATTEMPT, Tuple.of(attempt.projectId().value(), attempt.reference().value(),
                attempt.fingerprint().value(), payment.value()));
    }

    void release(CreationAttempt attempt) {
        database.write(Sql.RELEASE_ATTEMPT, Tuple.of(attempt.projectId().value(), attempt.reference().value(),
                attempt.fingerprint().value()));
    }

    private static Decision<CreationClaim> decide(Statements statements, CreationAttempt attempt, Row existing,
                                                  Instant now, Instant leaseUntil) {
        boolean sameRequest = existing.getString("fingerprint").equals(attempt.fingerprint().value());
        String state = existing.getString("state");
        if (COMPLETED.equals(state)) {
            if (!sameRequest) {
                return Decision.rollback(new CreationClaim.Conflict());
            }
            RowSet<Row> payment = statements.run(Sql.FIND_PAYMENT, Tuple.of(existing.getString("payment_id")));
            return Decision.rollback(new CreationClaim.AlreadyCreated(Rows.payment(payment.iterator().next())));
        }
        boolean leaseLive = IN_FLIGHT.equals(state)
                && now.isBefore(existing.getOffsetDateTime("lease_until").toInstant());
        if (leaseLive) {
            return Decision.rollback(sameRequest ? new CreationClaim.InFlight() : new CreationClaim.Conflict());
        }
        // Released, or the holder's lease ran out (it crashed): the reference binds nothing. The request takes it
        // with its own provider key: the same request derives the recorded key, so it reaches any intent the
        // earlier holder made; one with other notes gets a key of its own (the provider would refuse the recorded
        // key with other parameters).
        statements.run(Sql.RECLAIM_ATTEMPT, Tuple.of(attempt.projectId().value(), attempt.reference().value(),
                attempt.fingerprint().value(), attempt.idempotencyKey().value(), Parameters.at(leaseUntil)));
        return Decision.commit(new CreationClaim.Claimed(attempt));
    }
}
