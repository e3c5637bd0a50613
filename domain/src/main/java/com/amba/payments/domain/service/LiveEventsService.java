package com.amba.payments.domain.service;

import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.WatchProjectEvents;
import com.amba.payments.domain.port.out.ControlPlane;
import com.amba.payments.domain.port.out.StoreUnavailable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Hands each fanned-out event to the watchers of its project (see {@link WatchProjectEvents}). */
public final class LiveEventsService implements WatchProjectEvents, Consumer<PaymentEvent> {

    private static final System.Logger LOG = System.getLogger(LiveEventsService.class.getName());

    private final ControlPlane controlPlane;
    private final Map<ProjectId, Set<Consumer<PaymentEvent>>> watchers = new ConcurrentHashMap<>();

    public LiveEventsService(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    @Override
    public Result<Watch, PaymentError> watch(String projectId, Consumer<PaymentEvent> listener) {
        ProjectId project = new ProjectId(projectId);
        try {
            if (controlPlane.project(project).isEmpty()) {
                return Result.err(new PaymentError.ProjectNotFound());
            }
        } catch (StoreUnavailable e) {
            return Result.err(new PaymentError.ControlPlaneUnavailable());
        }
        watchers.computeIfAbsent(project, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return Result.ok(() -> watchers.getOrDefault(project, Set.of()).remove(listener));
    }

    /** One recorded event, once it is fanned out. A watcher that throws is dropped, not retried. */
    @Override
    public void accept(PaymentEvent event) {
        Set<Consumer<PaymentEvent>> listening = watchers.getOrDefault(event.projectId(), Set.of());
        for (Consumer<PaymentEvent> listener : listening) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                listening.remove(listener);
                LOG.log(System.Logger.Level.INFO, "a live event watcher went away: " + e.getClass().getSimpleName());
            }
        }
    }
}
