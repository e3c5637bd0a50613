package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.Currency;
import com.amba.payments.domain.model.EventDisposition;
import com.amba.payments.domain.model.InboxEntry;
import com.amba.payments.domain.model.IssuedApiKey;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.OnboardingLink;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentCursor;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentPage;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.PlatformSettings;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderEventId;
import com.amba.payments.domain.model.Report;
import com.amba.payments.domain.model.MoneyBackTotals;
import com.amba.payments.domain.model.ReportLine;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.AccountSetup;
import com.amba.payments.domain.port.in.AdministerPayments;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers the Admin API with fixed values and remembers what it was asked. */
final class FakeAdmin implements AdministerPayments {

    static final Instant CREATED = Instant.parse("2025-03-01T12:00:00Z");
    static final Project READY_PROJECT = new Project(new ProjectId("proj_ready"), "Ready Shop",
            Optional.of(new BasisPoints(250)), Optional.of(new ConnectedAccount(new ConnectedAccountId("acct_ready"), true)),
            CREATED);
    static final Project NEW_PROJECT = new Project(new ProjectId("proj_new"), "New Shop", Optional.empty(),
            Optional.empty(), CREATED);

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<RequestBody> bodies = new CopyOnWriteArrayList<>();
    volatile Map<String, String> lastQuery = Map.of();
    volatile List<Payment> payments = List.of();

    @Override
    public Result<PlatformStatus, PaymentError> status() {
        calls.add("status");
        return Result.ok(new PlatformStatus(new PlatformSettings(true, Optional.empty()),
                List.of(READY_PROJECT, NEW_PROJECT)));
    }

    @Override
    public Result<PlatformSettings, PaymentError> setPaymentsEnabled(boolean enabled) {
        calls.add(enabled ? "enable" : "disable");
        return Result.ok(new PlatformSettings(enabled, Optional.of(new BasisPoints(100))));
    }

    @Override
    public Result<PlatformSettings, PaymentError> configurePlatform(RequestBody body) {
        calls.add("configurePlatform");
        bodies.add(body);
        return Result.ok(new PlatformSettings(true, Optional.empty()));
    }

    @Override
    public Result<Project, PaymentError> createProject(Optional<String> idempotencyKey, RequestBody body) {
        calls.add("createProject");
        bodies.add(body);
        return Result.ok(NEW_PROJECT);
    }

    @Override
    public Result<IssuedApiKey, PaymentError> issueApiKey(String projectId, Optional<String> idempotencyKey, RequestBody body) {
        calls.add("issueApiKey " + projectId);
        bodies.add(body);
        ApiKey key = new ApiKey(new ApiKeyId("key_1"), new ProjectId(projectId), ApiKeyKind.SERVER,
                KeyHash.of("amba_sk_secret"), CREATED, Optional.empty());
        return Result.ok(new IssuedApiKey(key, "amba_sk_secret"));
    }

    @Override
    public Result<Void, PaymentError> revokeApiKey(String projectId, String keyId) {
        calls.add("revokeApiKey " + projectId + " " + keyId);
        return keyId.equals("key_1") ? Result.ok(null) : Result.err(new PaymentError.ApiKeyNotFound());
    }

    @Override
    public Result<AccountSetup, PaymentError> setUpAccount(String projectId, Optional<String> idempotencyKey, RequestBody body) {
        calls.add("setUpAccount " + projectId);
        bodies.add(body);
        return Result.ok(new AccountSetup(new ConnectedAccount(new ConnectedAccountId("acct_new"), false),
                Optional.of(new OnboardingLink("https://connect.example/onboard"))));
    }

    @Override
    public Result<Project, PaymentError> configureProject(String projectId, RequestBody body) {
        calls.add("configureProject " + projectId);
        bodies.add(body);
        return projectId.equals(READY_PROJECT.id().value())
                ? Result.ok(READY_PROJECT) : Result.err(new PaymentError.ProjectNotFound());
    }

    @Override
    public Result<PaymentPage, PaymentError> listPayments(String projectId, Map<String, String> query) {
        calls.add("listPayments " + projectId);
        lastQuery = Map.copyOf(query);
        List<Payment> all = payments;
        return Result.ok(new PaymentPage(all, true, all.isEmpty() ? Optional.empty()
                : Optional.of(PaymentCursor.at(all.getLast()))));
    }

    @Override
    public Result<Report, PaymentError> report() {
        calls.add("report");
        ReportLine usd = new ReportLine(new ProjectId("proj_b"), new Currency("usd"), 3, 6_000, 300,
                Map.of(PaymentStatus.SUCCEEDED, 2L, PaymentStatus.CANCELED, 1L), new MoneyBackTotals(1_500, 75, 2_000, 2_000));
        ReportLine eur = new ReportLine(new ProjectId("proj_a"), new Currency("eur"), 1, 1_000, 50,
                Map.of(PaymentStatus.PROCESSING, 1L), MoneyBackTotals.NONE);
        InboxEntry mismatch = new InboxEntry(new ProviderEventId("evt_1"), Optional.of(new PaymentId("pi_1")),
                EventDisposition.MISMATCH, "amount 999 differs from ledger 1000", CREATED);
        return Result.ok(new Report(List.of(usd, eur), List.of(mismatch)));
    }
}
