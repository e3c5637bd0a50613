package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.WebhookEndpoint;
import com.amba.payments.domain.model.WebhookEndpointId;
import java.util.List;
import java.util.Optional;

/** The projects' webhook endpoints and their signing secrets. */
public interface WebhookEndpoints {

    void addEndpoint(WebhookEndpoint endpoint);

    /** A project's endpoints, oldest first. */
    List<WebhookEndpoint> endpoints(ProjectId projectId);

    Optional<WebhookEndpoint> endpoint(ProjectId projectId, WebhookEndpointId id);

    /** Replaces the endpoint's secrets (a rotation); false when it is gone. */
    boolean replaceSecrets(WebhookEndpoint rotated);

    /** Removes the endpoint and its deliveries; false when there was none. */
    boolean removeEndpoint(ProjectId projectId, WebhookEndpointId id);
}
