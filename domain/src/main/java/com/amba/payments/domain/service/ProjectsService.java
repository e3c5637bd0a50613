package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.ProjectOverview;
import com.amba.payments.domain.port.in.ReadProjects;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads of the control plane for the platform owner; nothing here changes anything. */
public final class ProjectsService implements ReadProjects {

    private final ControlPlane controlPlane;

    public ProjectsService(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    /** Oldest first, so a new project appears at the end and a listing reads like a history. */
    @Override
    public Result<List<ProjectOverview>, PaymentError> projects() {
        return guarded(() -> {
            var platformFee = controlPlane.platform().defaultFee();
            return Result.ok(controlPlane.projects().stream()
                    .sorted(Comparator.comparing(Project::createdAt).thenComparing(p -> p.id().value()))
                    .map(project -> new ProjectOverview(project, platformFee)).toList());
        });
    }

    @Override
    public Result<ProjectOverview, PaymentError> project(String projectId) {
        return guarded(() -> existing(projectId)
                .map(project -> new ProjectOverview(project, controlPlane.platform().defaultFee())));
    }

    @Override
    public Result<List<ApiKey>, PaymentError> apiKeys(String projectId) {
        return guarded(() -> existing(projectId).map(project -> controlPlane.apiKeys(project.id())));
    }

    private Result<Project, PaymentError> existing(String projectId) {
        Optional<Project> found = controlPlane.project(new ProjectId(projectId));
        return found.<Result<Project, PaymentError>>map(Result::ok)
                .orElseGet(() -> Result.err(new PaymentError.ProjectNotFound()));
    }

    private static <T> Result<T, PaymentError> guarded(Supplier<Result<T, PaymentError>> call) {
        try {
            return call.get();
        } catch (StoreUnavailable e) {
            return Result.err(new PaymentError.ControlPlaneUnavailable());
        }
    }
}
