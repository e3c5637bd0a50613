package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.IdempotencyKey;
import com.amba.payments.domain.model.IdempotentRequest;
import com.amba.payments.domain.model.RequestFingerprint;
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
    private final IdempotentCreates creates;

    /** What an Idempotency-Key of each Admin API create binds under (scoped to the platform or the project). */
    static final String CREATE_PROJECT = "admin.create_project";
    static final String ISSUE_API_KEY = "admin.issue_api_key";
    static final String SET_UP_ACCOUNT = "admin.set_up_account";

    public AdminService(ControlPlane controlPlane, Ledger ledger, PaymentProvider provider, IdSource ids,
                        InstantSource clock) {
        this(controlPlane, ledger, provider, ids, clock, CreationTiming.defaults());
    }

    public AdminService(ControlPlane controlPlane, Ledger ledger, PaymentProvider provider, IdSource ids,
                        InstantSource clock, CreationTiming timing) {
        this.creates = new IdempotentCreates(ledger, clock, timing);
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
    public Result<Project, PaymentError> createProject(Optional<String> idempotencyKey, RequestBody body) {
        return guarded(() -> IdempotencyKey.parse(idempotencyKey).flatMap(key -> AdminRequests.projectName(body)
                .flatMap(name -> {
                    Supplier<Result<Project, PaymentError>> create = () -> {
                        Project project = new Project(ids.newProjectId(), name, Optional.empty(), Optional.empty(),
                                now());
                        controlPlane.addProject(project);
                        return Result.ok(project);
                    };
                    return key.isEmpty() ? create.get() : creates.once(
                            IdempotentRequest.onThePlatform(key.get(), CREATE_PROJECT, RequestFingerprint.ofFields(body)),
                            create, project -> project.id().value(),
                            id -> existingProject(id), new PaymentError.ControlPlaneUnavailable());
                })));
    }

    /**
     * With an Idempotency-Key, a replay answers the key it made without the secret: only the hash is kept, so
     * the secret is shown once whatever the caller sends (docs/decisions.md).
     */
    @Override
    public Result<IssuedApiKey, PaymentError> issueApiKey(String projectId, Optional<String> idempotencyKey,
                                                          RequestBody body) {
        return guarded(() -> existingProject(projectId).flatMap(project -> IdempotencyKey.parse(idempotencyKey)
                .flatMap(key -> AdminRequests.keyKind(body).flatMap(kind -> key.isEmpty()
                        ? Result.ok(issue(project.id(), kind))
                        : creates.once(IdempotentRequest.of(project.id(), key.get(), ISSUE_API_KEY,
                                        RequestFingerprint.ofFields(body)),
                                () -> Result.ok(issue(project.id(), kind)), issued -> issued.key().id().value(),
                                id -> controlPlane.apiKeys(project.id()).stream()
                                        .filter(made -> made.id().value().equals(id)).findFirst()
                                        .map(IssuedApiKey::replayOf)
                                        .<Result<IssuedApiKey, PaymentError>>map(Result::ok)
                                        .orElseGet(() -> Result.err(new PaymentError.ApiKeyNotFound())),
                                new PaymentError.ControlPlaneUnavailable())))));
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

    /**
     * With an Idempotency-Key, a replay answers the account it set up as the provider tells it now, with a fresh
     * onboarding link while it cannot take charges (a link is single-use and expires; an old one would not open).
     */
    @Override
    public Result<AccountSetup, PaymentError> setUpAccount(String projectId, Optional<String> idempotencyKey,
                                                           RequestBody body) {
        return guarded(() -> existingProject(projectId).flatMap(project -> IdempotencyKey.parse(idempotencyKey)
                .flatMap(key -> AdminRequests.accountToAttach(body).flatMap(toAttach -> {
                    Supplier<Result<ConnectedAccount, PaymentError>> setUp = () -> toAttach.isPresent()
                            ? attach(project, toAttach.get())
                            : createOrReuse(project);
                    Result<ConnectedAccount, PaymentError> account = key.isEmpty() ? setUp.get() : creates.once(
                            IdempotentRequest.of(project.id(), key.get(), SET_UP_ACCOUNT,
                                    RequestFingerprint.ofFields(body)),
                            setUp, made -> made.id().value(),
                            id -> accounts.keep(project, provider.retrieveAccount(new ConnectedAccountId(id))),
                            new PaymentError.ControlPlaneUnavailable());
                    return account.flatMap(accounts::withOnboardingLink);
                }))));
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
