package com.amba.payments.adapter.postgres;

import com.amba.payments.adapter.postgres.Database.Decision;
import com.amba.payments.domain.model.IdempotencyClaim;
import com.amba.payments.domain.model.IdempotentRequest;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;

/**
 * The Idempotency-Key claims of the creates that are not a payment's, as {@link CreationAttempts} claims a
 * reference: a new key is one autocommitted insert; a key already there is decided in one short transaction
 * that locks its row. Only the id of what a create made is kept, never what it showed once (a secret).
 */
final class IdempotencyKeys {

    private final Database database;

    IdempotencyKeys(Database database) {
        this.database = database;
    }

    IdempotencyClaim claim(IdempotentRequest request, Instant now, Duration lease) {
        Tuple firstClaim = Tuple.of(request.scope(), request.binding().value(), request.fingerprint().value(),
                Parameters.at(now.plus(lease)));
        if (database.write(Sql.CLAIM_NEW_KEY, firstClaim).rowCount() == 1) {
            return new IdempotencyClaim.Claimed();
        }
        return database.inTransaction(statements -> {
            if (statements.run(Sql.CLAIM_NEW_KEY, firstClaim).rowCount() == 1) {
                return Decision.commit(new IdempotencyClaim.Claimed());
            }
            Row existing = statements.run(Sql.LOCK_KEY, Tuple.of(request.scope(), request.binding().value()))
                    .iterator().next();
            boolean sameRequest = existing.getString("fingerprint").equals(request.fingerprint().value());
            String state = existing.getString("state");
            if (CreationAttempts.COMPLETED.equals(state)) {
                return Decision.rollback(sameRequest
                        ? new IdempotencyClaim.AlreadyCreated(existing.getString("resource_id"))
                        : new IdempotencyClaim.Conflict());
            }
            boolean leaseLive = CreationAttempts.IN_FLIGHT.equals(state)
                    && now.isBefore(existing.getOffsetDateTime("lease_until").toInstant());
            if (leaseLive) {
                return Decision.rollback(sameRequest ? new IdempotencyClaim.InFlight() : new IdempotencyClaim.Conflict());
            }
            // Released, or the holder's lease ran out: the key binds nothing, and this request takes it.
            statements.run(Sql.RECLAIM_KEY, Tuple.of(request.scope(), request.binding().value(),
                    request.fingerprint().value(), Parameters.at(now.plus(lease))));
            return Decision.commit(new IdempotencyClaim.Claimed());
        });
    }

    void complete(IdempotentRequest request, String resourceId) {
        database.run(Sql.COMPLETE_KEY, Tuple.of(request.scope(), request.binding().value(),
                request.fingerprint().value(), resourceId));
    }

    void release(IdempotentRequest request) {
        database.write(Sql.RELEASE_KEY, Tuple.of(request.scope(), request.binding().value(),
                request.fingerprint().value()));
    }
}
