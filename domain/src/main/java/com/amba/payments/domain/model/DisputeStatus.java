package com.amba.payments.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** Where a payment's dispute stands (SPEC §11). Won and lost are final. */
public enum DisputeStatus {
    NONE("none"),
    NEEDS_RESPONSE("needs_response"),
    UNDER_REVIEW("under_review"),
    WON("won"),
    LOST("lost");

    private final String wireName;

    DisputeStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isFinal() {
        return this == WON || this == LOST;
    }

    public static Optional<DisputeStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
