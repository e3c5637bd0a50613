package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.KeyHash;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.ControlPlane;
import java.util.Optional;

/** Who is calling: the project of an active key, or INVALID_API_KEY. */
final class ApiKeyAuthentication {

    private static final int LONGEST_KEY = 200;

    private final ControlPlane controlPlane;

    ApiKeyAuthentication(ControlPlane controlPlane) {
        this.controlPlane = controlPlane;
    }

    Result<ApiKey, PaymentError> authenticate(Optional<String> presented) {
        if (!isPlausible(presented)) {
            return Result.err(new PaymentError.InvalidApiKey());
        }
        KeyHash hash = KeyHash.of(presented.get());
        return judge(hash, controlPlane.apiKeyByHash(hash));
    }

    /**
     * The same answer as {@link #authenticate} when it needs nothing the control plane does not already hold;
     * empty when the key would have to be looked up in the store.
     */
    Optional<Result<ApiKey, PaymentError>> authenticateWithoutWaiting(Optional<String> presented) {
        if (!isPlausible(presented)) {
            return Optional.of(Result.err(new PaymentError.InvalidApiKey()));
        }
        KeyHash hash = KeyHash.of(presented.get());
        return controlPlane.apiKeyAtHand(hash).map(key -> judge(hash, Optional.of(key)));
    }

    private static boolean isPlausible(Optional<String> presented) {
        return presented.isPresent() && !presented.get().isEmpty() && presented.get().length() <= LONGEST_KEY;
    }

    private static Result<ApiKey, PaymentError> judge(KeyHash presented, Optional<ApiKey> found) {
        return found
                .filter(key -> key.hash().matches(presented) && key.isActive())
                .<Result<ApiKey, PaymentError>>map(Result::ok)
                .orElseGet(() -> Result.err(new PaymentError.InvalidApiKey()));
    }
}
