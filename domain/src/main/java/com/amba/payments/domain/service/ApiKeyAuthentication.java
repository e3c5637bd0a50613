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
        if (presented.isEmpty() || presented.get().isEmpty() || presented.get().length() > LONGEST_KEY) {
            return Result.err(new PaymentError.InvalidApiKey());
        }
        KeyHash hash = KeyHash.of(presented.get());
        return controlPlane.apiKeyByHash(hash)
                .filter(key -> key.hash().matches(hash) && key.isActive())
                .<Result<ApiKey, PaymentError>>map(Result::ok)
                .orElseGet(() -> Result.err(new PaymentError.InvalidApiKey()));
    }
}
