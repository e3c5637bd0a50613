package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderIdempotencyKey;

/** Fresh identifiers and secrets. */
public interface IdSource {

    ProjectId newProjectId();

    ApiKeyId newApiKeyId();

    /** A new API key secret, starting with its kind's prefix. */
    String newApiKeySecret(ApiKeyKind kind);

    /** A unique id for an outgoing event. */
    String newEventId();

    /** For a create without a client reference: unique to this one call and its retries. */
    ProviderIdempotencyKey newIdempotencyKey();
}
