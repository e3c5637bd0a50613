package com.amba.payments.domain.port.out;

import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Result;
import java.time.Instant;
import java.util.List;

/** Looking through a connected account's intents at the provider, for the ones Amba created. */
public interface ProviderIntentSearch {

    /**
     * Intents on the account that carry Amba's {@code amba_project_id} metadata and were created before
     * {@code before}, newest first, at most {@code limit} of them.
     */
    Result<List<ProviderIntent>, ProviderFailure> intentsMadeByAmba(ConnectedAccountId account, Instant before,
                                                                    int limit);
}
