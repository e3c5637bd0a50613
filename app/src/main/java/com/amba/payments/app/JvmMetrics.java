package com.amba.payments.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/** Micrometer's own binders for the JVM and the process: memory, GC, threads, classes, CPU, files, uptime. */
final class JvmMetrics implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    private JvmMetrics() {
    }

    /** Binds them all; close it to stop listening for GC notifications (a JVM may run many services in tests). */
    static JvmMetrics bindTo(MeterRegistry registry) {
        JvmMetrics binders = new JvmMetrics();
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        binders.gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return binders;
    }

    @Override
    public void close() {
        gc.close();
    }
}
