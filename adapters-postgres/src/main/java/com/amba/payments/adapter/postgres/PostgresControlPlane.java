package com.amba.payments.adapter.postgres;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.PlatformSettings;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.port.out.ControlPlane;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The platform owner's settings in PostgreSQL. Nothing is cached: every read is one pipelined, prepared
 * statement, so an admin change (a revoked key, the platform switch) takes effect on every instance at once.
 */
public final class PostgresControlPlane implements ControlPlane {

    private final Database database;

    PostgresControlPlane(Database database) {
        this.database = database;
    }

    @Override
    public PlatformSettings platform() {
        return Rows.first(database.run(Sql.PLATFORM, Tuple.tuple()), Rows::platform)
                .orElseThrow(() -> new IllegalStateException("platform_settings has lost its row"));
    }

    @Override
    public void setPaymentsEnabled(boolean enabled) {
        database.run(Sql.SET_PAYMENTS_ENABLED, Tuple.of(enabled));
    }

    @Override
    public void setPlatformDefaultFee(Optional<BasisPoints> fee) {
        database.run(Sql.SET_PLATFORM_FEE, Tuple.of(Parameters.fee(fee)));
    }

    @Override
    public void addProject(Project project) {
        database.run(Sql.PUT_PROJECT, Tuple.of(project.id().value(), project.name(),
                Parameters.fee(project.defaultFee()), project.account().map(a -> a.id().value()).orElse(null),
                project.account().map(ConnectedAccount::chargesEnabled).orElse(false),
                Parameters.at(project.createdAt())));
    }

    @Override
    public Optional<Project> project(ProjectId id) {
        return Rows.first(database.run(Sql.PROJECT, Tuple.of(id.value())), Rows::project);
    }

    @Override
    public List<Project> projects() {
        return Rows.all(database.run(Sql.PROJECTS, Tuple.tuple()), Rows::project);
    }

    @Override
    public boolean setProjectDefaultFee(ProjectId id, Optional<BasisPoints> fee) {
        return database.run(Sql.SET_PROJECT_FEE, Tuple.of(id.value(), Parameters.fee(fee))).rowCount() == 1;
    }

    @Override
    public boolean attachAccount(ProjectId id, ConnectedAccount account) {
        return database.run(Sql.ATTACH_ACCOUNT, Tuple.of(id.value(), account.id().value(), account.chargesEnabled()))
                .rowCount() == 1;
    }

    @Override
    public Optional<ProjectId> setChargesEnabled(ConnectedAccountId account, boolean chargesEnabled) {
        return Rows.first(database.run(Sql.SET_CHARGES_ENABLED, Tuple.of(account.value(), chargesEnabled)),
                row -> new ProjectId(row.getString("id")));
    }

    @Override
    public void addApiKey(ApiKey key) {
        database.run(Sql.ADD_API_KEY, Tuple.of(key.id().value(), key.projectId().value(), key.kind().wireName(),
                key.hash().hex(), Parameters.at(key.createdAt()), Parameters.at(key.revokedAt().orElse(null)),
                key.lastFour().orElse(null)));
    }

    @Override
    public List<ApiKey> apiKeys(ProjectId project) {
        return Rows.all(database.run(Sql.API_KEYS_OF_PROJECT, Tuple.of(project.value())), Rows::apiKey);
    }

    @Override
    public Optional<ApiKey> apiKeyByHash(KeyHash hash) {
        return Rows.first(database.run(Sql.API_KEY_BY_HASH, Tuple.of(hash.hex())), Rows::apiKey);
    }

    @Override
    public boolean revokeApiKey(ProjectId project, ApiKeyId key, Instant at) {
        return database.run(Sql.REVOKE_API_KEY, Tuple.of(project.value(), key.value(), Parameters.at(at)))
                .rowCount() == 1;
    }
}
