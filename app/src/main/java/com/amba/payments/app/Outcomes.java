package com.amba.payments.app;

import java.util.Locale;

/** Metric tag values from type names: {@code AmountRejected} is {@code amount_rejected}. */
final class Outcomes {

    private Outcomes() {
    }

    static String snakeCase(String typeName) {
        return typeName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
