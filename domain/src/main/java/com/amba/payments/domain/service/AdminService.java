package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.IssuedApiKey;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentPage;
import com.amba.payments.domain.model.PlatformSettings;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.Report;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.AccountSetup;
import com.amba.payments.domain.port.in.AdministerPayments;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.IdSource;
import com.amba.payments.domain.port.out.Ledger;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The platform owner's calls: the switch, fees, projects, keys, connected accounts, lists and reports. */
public final class AdminService implements AdministerPayments {

    private final ControlPlane controlPlane;
    private final Ledger ledger;
    private final PaymentProvider provider;
    private final IdSource ids;
    private final InstantSource clock;
    private final ProviderAccounts accounts;

    public AdminService(ControlPlane controlPlane, Ledger ledger, PaymentProvider provider, IdSource ids,
                        InstantSource clock) {
        this.controlPlane = controlPlane;
        this.ledger = ledger;
        this.provider = provider;
        this.ids = ids;
        this.clock = clock;
        this.accounts = new ProviderAccounts(controlPlane, provider);
    }

    @Override
    public Result<PlatformStatus, PaymentError> status() {
        return guarded(() -> Result.ok(new PlatformStatus(controlPlane.platform(), controlPlane.projects())));
    }

    @Override
    public Result<PlatformSettings, PaymentError> setPaymentsEnabled(boolean enabled) {
        return guarded(() -> {
            controlPlane.setPaymentsEnabled(enabled);
            return Result.ok(controlPlane.platform());
        });
    }

    @Override
    public Result<PlatformSettings, PaymentError> configurePlatform(RequestBody body) {
        return guarded(() -> AdminRequests.defaultFee(body).map(fee -> {
            controlPlane.setPlatformDefaultFee(fee);
            return controlPlane.platform();
        }));
    }

    @Override
    public Result<Project, PaymentError> createProject(RequestBody body) {
        return guarded(() -> AdminRequests.projectName(body).map(name -> {
            Project project = new Project(ids.newProjectId(), name, Optional.empty(), Optional.empty(), now());
            controlPlane.addProject(project);
            return project;
        }));
    }

    @Override
    public Result<IssuedApiKey, PaymentError> issueApiKey(String projectId, RequestBody body) {
        return guarded(() -> existingProject(projectId).flatMap(project -> AdminRequests.keyKind(body)
                .map(kind -> issue(project.id(), kind))));
    }

    /** Makes a key and keeps only its hash; the secret is handed back once. */
    public IssuedApiKey issue(ProjectId project, ApiKeyKind kind) {
        String secret = ids.newApiKeySecret(kind);
        ApiKey key = new ApiKey(ids.newApiKeyId(), project, kind, KeyHash.of(secret), now(), Optional.empty(),
                Optional.of(ApiKey.lastFourOf(secret)));
        controlPlane.addApiKey(key);
        return new IssuedApiKey(key, secret);
    }

    @Override
    public Result<Void, PaymentError> revokeApiKey(String projectId, String keyId) {
        return guarded(() -> existingProject(projectId).flatMap(project ->
                controlPlane.revokeApiKey(project.id(), new ApiKeyId(keyId), now())
                        ? Result.<Void, PaymentError>ok(null)
                        : Result.<Void, PaymentError>err(new PaymentError.ApiKeyNotFound())));
    }

    @Override
    public Result<AccountSetup, PaymentError> setUpAccount(String projectId, RequestBody body) {
        return guarded(() -> existingProject(projectId).flatMap(project -> AdminRequests.accountToAttach(body)
                .flatMap(toAttach -> toAttach.isPresent()
                        ? attach(project, toAttach.get())
                        : createOrReuse(project))
                .flatMap(accounts::withOnboardingLink)));
    }

    private Result<ConnectedAccount, PaymentError> attach(Project project, ConnectedAccountId id) {
        if (project.account().isPresent() && !project.account().get().id().equals(id)) {
            return Result.err(new PaymentError.AccountAlreadyAttached(
                    "project already has connected account " + project.account().get().id()));
        }
        boolean heldByAnother = controlPlane.projects().stream().anyMatch(other -> !other.id().equals(project.id())
                && other.account().map(held -> held.id().equals(id)).orElse(false));
        if (heldByAnother) {
            return Result.err(new PaymentError.AccountAlreadyAttached(id + " belongs to another project"));
        }
        return accounts.keep(project, provider.retrieveAccount(id));
    }

    private Result<ConnectedAccount, PaymentError> createOrReuse(Project project) {
        return accounts.keep(project, project.account().isPresent()
                ? provider.retrieveAccount(project.account().get().id())
                : provider.createAccount(project.id()));
    }

    @Override
    public Result<Project, PaymentError> configureProject(String projectId, RequestBody body) {
        return guarded(() -> existingProject(projectId).flatMap(project -> AdminRequests.defaultFee(body)
                .map(fee -> {
                    controlPlane.setProjectDefaultFee(project.id(), fee);
                    return project.withDefaultFee(fee);
                })));
    }

    @Override
    public Result<PaymentPage, PaymentError> listPayments(String projectId, Map<String, String> query) {
        return guarded(() -> existingProject(projectId).flatMap(project -> AdminRequests.paymentQuery(query)
                .map(q -> ledger.list(project.id(), q))));
    }

    @Override
    public Result<Report, PaymentError> report() {
        return guarded(() -> Result.ok(ledger.report()));
    }

    private Result<Project, PaymentError> existingProject(String projectId) {
        return controlPlane.project(new ProjectId(projectId))
                .<Result<Project, PaymentError>>map(Result::ok)
                .orElseGet(() -> Result.err(new PaymentError.ProjectNotFound()));
    }

    private static <T> Result<T, PaymentError> guarded(Supplier<Result<T, PaymentError>> call) {
        try {
            return call.get();
        } catch (StoreUnavailable e) {
            return Result.err(new PaymentError.ControlPlaneUnavailable());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
