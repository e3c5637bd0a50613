package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.InputValue;
import com.amba.payments.domain.model.PaymentCursor;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentQuery;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The input rules of the Admin API's bodies and query strings. */
final class AdminRequests {

    static final int LONGEST_PROJECT_NAME = 200;
    private static final String DEFAULT_FEE = "default_platform_fee_bps";
    private static final Set<String> QUERY_PARAMETERS = Set.of("status", "created_gte", "created_lt", "limit", "cursor");

    private AdminRequests() {
    }

    /** {@code {"default_platform_fee_bps": n | null}}: a rate, or null to clear it. */
    static Result<Optional<BasisPoints>, PaymentError> defaultFee(RequestBody body) {
        return fields(body, Set.of(DEFAULT_FEE)).flatMap(fields -> {
            InputValue value = fields.get(DEFAULT_FEE);
            if (value == null) {
                return Result.err(new PaymentError.InvalidBody(DEFAULT_FEE + " is required (a number, or null to clear)"));
            }
            if (value instanceof InputValue.Null) {
                return Result.ok(Optional.empty());
            }
            if (value instanceof InputValue.WholeNumber whole && whole.isBetween(0, BasisPoints.MAXIMUM)) {
                return Result.ok(Optional.of(new BasisPoints(whole.value().intValueExact())));
            }
            return Result.err(new PaymentError.InvalidFee(DEFAULT_FEE + " must be a JSON integer from 0 to 10000, or null"));
        });
    }

    static Result<String, PaymentError> projectName(RequestBody body) {
        return fields(body, Set.of("name")).flatMap(fields -> {
            if (fields.get("name") instanceof InputValue.Text text && !text.value().isBlank()
                    && text.value().length() <= LONGEST_PROJECT_NAME) {
                return Result.ok(text.value().strip());
            }
            return Result.err(new PaymentError.InvalidBody("name must be a non-empty string of at most 200 characters"));
        });
    }

    static Result<ApiKeyKind, PaymentError> keyKind(RequestBody body) {
        return fields(body, Set.of("kind")).flatMap(fields -> {
            Optional<ApiKeyKind> kind = fields.get("kind") instanceof InputValue.Text text
                    ? ApiKeyKind.fromWireName(text.value()) : Optional.empty();
            return kind.<Result<ApiKeyKind, PaymentError>>map(Result::ok)
                    .orElseGet(() -> Result.err(new PaymentError.InvalidBody("kind must be \"server\" or \"client\"")));
        });
    }

    /** An empty body (create an account) or {@code {"stripe_account_id": "acct_…"}} (attach one). */
    static Result<Optional<ConnectedAccountId>, PaymentError> accountToAttach(RequestBody body) {
        if (body instanceof RequestBody.Empty) {
            return Result.ok(Optional.empty());
        }
        return fields(body, Set.of("stripe_account_id")).flatMap(fields -> {
            InputValue value = fields.get("stripe_account_id");
            if (value == null || value instanceof InputValue.Null) {
                return Result.ok(Optional.empty());
            }
            Optional<ConnectedAccountId> id = value instanceof InputValue.Text text
                    ? ConnectedAccountId.parse(text.value()) : Optional.empty();
            return id.<Result<Optional<ConnectedAccountId>, PaymentError>>map(a -> Result.ok(Optional.of(a)))
                    .orElseGet(() -> Result.err(new PaymentError.InvalidBody("stripe_account_id must look like acct_…")));
        });
    }

    static Result<PaymentQuery, PaymentError> paymentQuery(Map<String, String> query) {
        Set<String> unknown = new TreeSet<>(query.keySet());
        unknown.removeAll(QUERY_PARAMETERS);
        if (!unknown.isEmpty()) {
            return Result.err(new PaymentError.InvalidQuery("unknown query parameter(s) " + String.join(", ", unknown)));
        }
        Optional<PaymentStatus> status = Optional.empty();
        if (query.containsKey("status")) {
            status = PaymentStatus.fromWireName(query.get("status"));
            if (status.isEmpty()) {
                return Result.err(new PaymentError.InvalidQuery("status must be one of Stripe's PaymentIntent statuses"));
            }
        }
        Optional<Instant> gte = Optional.empty();
        Optional<Instant> lt = Optional.empty();
        try {
            gte = Optional.ofNullable(query.get("created_gte")).map(t -> OffsetDateTime.parse(t).toInstant());
            lt = Optional.ofNullable(query.get("created_lt")).map(t -> OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            return Result.err(new PaymentError.InvalidQuery("created_gte and created_lt must be RFC 3339 times"));
        }
        int limit = PaymentQuery.DEFAULT_LIMIT;
        if (query.containsKey("limit")) {
            try {
                limit = Integer.parseInt(query.get("limit"));
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > PaymentQuery.MAXIMUM_LIMIT) {
                return Result.err(new PaymentError.InvalidQuery("limit must be a whole number from 1 to 100"));
            }
        }
        Optional<PaymentCursor> cursor = Optional.empty();
        if (query.containsKey("cursor")) {
            cursor = PaymentCursor.decode(query.get("cursor"));
            if (cursor.isEmpty()) {
                return Result.err(new PaymentError.InvalidQuery("cursor must be a next_cursor from an earlier page"));
            }
        }
        return Result.ok(new PaymentQuery(status, gte, lt, limit, cursor));
    }

    private static Result<Map<String, InputValue>, PaymentError> fields(RequestBody body, Set<String> allowed) {
        return switch (body) {
            case RequestBody.Empty empty -> Result.err(new PaymentError.InvalidBody("the body must be a JSON object"));
            case RequestBody.Unreadable unreadable -> Result.err(new PaymentError.InvalidBody(unreadable.reason()));
            case RequestBody.Fields fields -> {
                Set<String> unknown = new TreeSet<>(fields.values().keySet());
                unknown.removeAll(allowed);
                yield unknown.isEmpty() ? Result.ok(fields.values())
                        : Result.err(new PaymentError.InvalidBody("unknown field(s) " + String.join(", ", unknown)
                                + "; allowed: " + String.join(", ", new TreeSet<>(allowed))));
            }
        };
    }
}
