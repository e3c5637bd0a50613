package com.amba.payments.domain.model;

import java.util.Optional;

/** The platform owner's switch and default fee. */
public record PlatformSettings(boolean paymentsEnabled, Optional<BasisPoints> defaultFee) {

    public static PlatformSettings initial() {
        return new PlatformSettings(false, Optional.empty());
    }
}
