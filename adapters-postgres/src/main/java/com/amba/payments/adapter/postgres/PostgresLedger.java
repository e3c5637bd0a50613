package com.amba.payments.adapter.postgres;

import com.amba.payments.adapter.postgres.Database.Decision;
import com.amba.payments.adapter.postgres.Database.Statements;
import com.amba.payments.domain.model.CreationAttempt;
import com.amba.payments.domain.model.CreationClaim;
import com.amba.payments.domain.model.IdempotencyClaim;
import com.amba.payments.domain.model.IdempotentRequest;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentCursor;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentPage;
import com.amba.payments.domain.model.PaymentQuery;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderEvent.PaymentIntentChanged;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.RecordedCreation;
import com.amba.payments.domain.model.Report;
import com.amba.payments.domain.model.StatusChange;
import com.amba.payments.domain.model.StatusHistoryEntry;
import com.amba.payments.domain.model.SweepPosition;
import com.amba.payments.domain.model.Transition;
import com.amba.payments.domain.model.TransitionOutcome;
import com.amba.payments.domain.port.out.Ledger;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The ledger in PostgreSQL: every port method is one statement or one short transaction. */
public final class PostgresLedger implements Ledger {

    static final String CREATED_CAUSE = "created";

    private final Database database;
    private final CreationAttempts attempts;
    private final IdempotencyKeys keys;

    PostgresLedger(Database database) {
        this.database = database;
        this.attempts = new CreationAttempts(database);
        this.keys = new IdempotencyKeys(database);
    }

    @Override
    public Optional<Payment> find(PaymentId id) {
        return Rows.first(database.run(Sql.FIND_PAYMENT, Tuple.of(id.value())), Rows::payment);
    }

    @Override
    public CreationClaim claimCreation(CreationAttempt attempt, Instant now, Duration lease) {
        return attempts.claim(attempt, now, lease);
    }

    @Override
    public void completeCreation(CreationAttempt attempt, PaymentId payment) {
        attempts.complete(attempt, payment);
    }

    @Override
    public IdempotencyClaim claimKey(IdempotentRequest request, Instant now, Duration lease) {
        return keys.claim(request, now, lease);
    }

    @Override
    public void completeKey(IdempotentRequest request, String resourceId) {
        keys.complete(request, resourceId);
    }

    @Override
    public void releaseKey(IdempotentRequest request) {
        keys.release(request);
    }

    @Override
    public void releaseCreation(CreationAttempt attempt) {
        attempts.release(attempt);
    }

    @Override
    public Payment recordCreation(Optional<CreationAttempt> attempt, Payment payment, PaymentEvent created) {
        return recordCreationAndCheckParked(attempt, payment, created).payment();
    }

    /** One statement: one round trip and one commit (Sql.RECORD_CREATION). */
    @Override
    public RecordedCreation recordCreationAndCheckParked(Optional<CreationAttempt> attempt, Payment payment,
                                                         PaymentEvent created) {
        Row answer = database.write(Sql.RECORD_CREATION, Parameters.creation(attempt, payment, created))
                .iterator().next();
        boolean parked = answer.getBoolean("parked");
        if (answer.getBoolean("recorded")) {
            return new RecordedCreation(payment, parked);
        }
        // A retry reached the same provider intent: the payment is there (committed before ours gave way to it).
        Payment existing = Rows.payment(database.run(Sql.FIND_PAYMENT, Tuple.of(payment.id().value()))
                .iterator().next());
        return new RecordedCreation(existing, parked);
    }

    @Override
    public TransitionOutcome record(Transition transition) {
        return database.inTransaction(statements -> {
            if (transition.inbox().isPresent() && !decide(statements, transition.inbox().get())) {
                return Decision.rollback(TransitionOutcome.DUPLICATE_EVENT);
            }
            if (transition.change().isPresent() && !move(statements, transition.change().get())) {
                return Decision.rollback(TransitionOutcome.STALE);
            }
            return Decision.commit(TransitionOutcome.RECORDED);
        });
    }

    /** False when the inbox already holds the event. */
    static boolean decide(Statements statements, InboxEntry entry) {
        return statements.run(Sql.DECIDE_EVENT, Tuple.of(entry.eventId().value(),
                entry.paymentId().map(PaymentId::value).orElse(null), entry.disposition().name(), entry.note(),
                Parameters.at(entry.decidedAt()))).rowCount() == 1;
    }

    /** False when the payment is not at the expected version (or not there at all). */
    private static boolean move(Statements statements, StatusChange change) {
        Payment after = change.after();
        boolean moved = statements.run(Sql.MOVE_PAYMENT, Tuple.of(after.id().value(), change.expectedVersion(),
                after.status().wireName(), Parameters.at(after.updatedAt()), Parameters.at(after.statusAsOf()),
                after.version())).rowCount() == 1;
        if (moved && change.movesStatus()) {
            statements.run(Sql.APPEND_HISTORY, Parameters.history(after, Optional.of(change.before().status()),
                    change.cause(), after.updatedAt()));
            statements.run(Sql.APPEND_OUTBOX, Parameters.outbox(change.outgoing().orElseThrow()));
        }
        return moved;
    }

    @Override
    public boolean hasDecided(ProviderEventId eventId) {
        return database.run(Sql.HAS_DECIDED, Tuple.of(eventId.value())).rowCount() > 0;
    }

    @Override
    public void park(PaymentIntentChanged event, Instant receivedAt) {
        database.run(Sql.PARK_EVENT, Tuple.of(event.id().value(), event.paymentId().value(),
                event.account().map(a -> a.value()).orElse(null), event.status().wireName(), event.amount(),
                event.currency(), Parameters.at(event.created()), Parameters.at(receivedAt)));
    }

    @Override
    public List<PaymentIntentChanged> parkedFor(PaymentId paymentId) {
        return Rows.all(database.run(Sql.PARKED_FOR, Tuple.of(paymentId.value())), Rows::parkedEvent);
    }

    @Override
    public List<PaymentIntentChanged> parked(Optional<ProviderEventId> after, int limit) {
        return Rows.all(database.run(Sql.PARKED_PAGE, Tuple.of(limit, after.map(ProviderEventId::value).orElse(null))),
                Rows::parkedEvent);
    }

    @Override
    public void unpark(ProviderEventId eventId) {
        database.run(Sql.UNPARK_EVENT, Tuple.of(eventId.value()));
    }

    @Override
    public List<Payment> unsettledSince(Instant before, Optional<SweepPosition> after, int limit) {
        Tuple parameters = Tuple.of(Parameters.at(before), limit,
                after.map(position -> Parameters.at(position.updatedAt())).orElse(null),
                after.map(position -> position.paymentId().value()).orElse(null));
        return Rows.all(database.run(Sql.UNSETTLED_PAYMENTS, parameters), Rows::payment);
    }

    @Override
    public List<StatusHistoryEntry> history(PaymentId paymentId) {
        return Rows.all(database.run(Sql.HISTORY, Tuple.of(paymentId.value())), Rows::historyEntry);
    }

    @Override
    public PaymentPage list(ProjectId projectId, PaymentQuery query) {
        // One row more than the page tells whether there is a next page.
        Tuple parameters = Tuple.of(projectId.value(), query.status().map(PaymentStatus::wireName).orElse(null),
                Parameters.at(query.createdGte().orElse(null)), Parameters.at(query.createdLt().orElse(null)),
                Parameters.at(query.after().map(PaymentCursor::createdAt).orElse(null)),
                query.after().map(c -> c.paymentId().value()).orElse(null))
                .addInteger(query.limit() + 1);
        List<Payment> matching = Rows.all(database.run(Sql.LIST_PAYMENTS, parameters), Rows::payment);
        boolean hasMore = matching.size() > query.limit();
        List<Payment> page = hasMore ? matching.subList(0, query.limit()) : matching;
        return new PaymentPage(page, hasMore,
                hasMore ? Optional.of(PaymentCursor.at(page.getLast())) : Optional.empty());
    }

    @Override
    public Report report() {
        return new Report(ReportTotals.lines(database.run(Sql.REPORT_TOTALS, Tuple.tuple()),
                database.run(Sql.REPORT_MONEY_BACK, Tuple.tuple())),
                Rows.all(database.run(Sql.MISMATCHES, Tuple.tuple()), Rows::inboxEntry));
    }
}
