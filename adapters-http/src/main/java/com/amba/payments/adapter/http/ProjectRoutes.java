package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.port.in.ProjectOverview;
import com.amba.payments.domain.port.in.ReadProjects;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;

/** The platform owner reads projects and their keys (behind the admin token of {@link AdminRoutes}). */
final class ProjectRoutes {

    private final ReadProjects projects;
    private final UseCaseThreads threads;

    ProjectRoutes(ReadProjects projects, UseCaseThreads threads) {
        this.projects = projects;
        this.threads = threads;
    }

    /** After {@link AdminRoutes#register}, whose /admin/* gate checks the token first. */
    void register(Router router) {
        Routes.on(router, HttpMethod.GET, "/admin/projects").handler(this::list);
        Routes.on(router, HttpMethod.GET, "/admin/projects/:id").handler(this::read);
        Routes.on(router, HttpMethod.GET, "/admin/projects/:id/api-keys").handler(this::keys);
    }

    private void list(RoutingContext ctx) {
        threads.call(projects::projects).onComplete(outcome -> Replies.envelope(ctx, outcome,
                (List<ProjectOverview> all) -> new JsonObject().put("data",
                        new JsonArray(all.stream().map(ProjectRoutes::overview).map(Object.class::cast).toList()))));
    }

    private void read(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        threads.call(() -> projects.project(id)).onComplete(outcome -> Replies.result(ctx, outcome,
                ProjectRoutes::overview));
    }

    private void keys(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        threads.call(() -> projects.apiKeys(id)).onComplete(outcome -> Replies.envelope(ctx, outcome,
                (List<ApiKey> keys) -> new JsonObject().put("data",
                        new JsonArray(keys.stream().map(ProjectRoutes::key).map(Object.class::cast).toList()))));
    }

    static JsonObject overview(ProjectOverview overview) {
        return AdminJson.project(overview.project())
                .put("charges_enabled", overview.project().account().map(a -> a.chargesEnabled()).orElse(false))
                .put("platform_default_fee_bps", bps(overview.platformDefaultFee()))
                .put("effective_default_fee_bps", bps(overview.effectiveDefaultFee()))
                .put("created_at", overview.project().createdAt().toString());
    }

    /** Never the key: Amba has only its hash, and the last four characters to tell keys apart. */
    static JsonObject key(ApiKey key) {
        return new JsonObject()
                .put("key_id", key.id().value())
                .put("kind", key.kind().wireName())
                .put("status", key.isActive() ? "active" : "revoked")
                .put("last_four", key.lastFour().orElse(null))
                .put("created_at", key.createdAt().toString())
                .put("revoked_at", key.revokedAt().map(Object::toString).orElse(null));
    }

    private static Integer bps(Optional<BasisPoints> fee) {
        return fee.map(BasisPoints::value).orElse(null);
    }
}
