package com.amba.payments.adapter.http;

/** One thing the service needs before it can take traffic (the database, Kafka). Must answer quickly. */
public interface ReadinessCheck {

    String name();

    boolean isReady();

    static ReadinessCheck of(String name, java.util.function.BooleanSupplier probe) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isReady() {
                return probe.getAsBoolean();
            }
        };
    }
}
