package com.amba.payments.app;

import com.amba.payments.adapter.postgres.PoolUsage;
import com.amba.payments.adapter.postgres.PostgresStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToIntFunction;

/**
 * The PostgreSQL store's connection pool on /metrics, tagged {@code pool="transactional"} (the pool behind writes
 * and transactions): {@code amba_db_pool_in_use}, {@code amba_db_pool_idle}, {@code amba_db_pool_waiting} (callers
 * queued for a connection) and {@code amba_db_pool_max}, each read from the pool when scraped.
 */
final class DatabasePoolGauges {

    private DatabasePoolGauges() {
    }

    static void register(PostgresStore store, MeterRegistry registry) {
        gauge("amba.db.pool.in.use", "Pooled connections held by a caller", store, PoolUsage::inUse, registry);
        gauge("amba.db.pool.idle", "Pooled connections open and idle", store, PoolUsage::idle, registry);
        gauge("amba.db.pool.waiting", "Callers waiting for a pooled connection", store, PoolUsage::waiting, registry);
        gauge("amba.db.pool.max", "The most connections the pool opens", store, PoolUsage::max, registry);
    }

    private static void gauge(String name, String description, PostgresStore store, ToIntFunction<PoolUsage> part,
                              MeterRegistry registry) {
        Gauge.builder(name, store, s -> part.applyAsInt(s.poolUsage()))
                .description(description)
                .tag("pool", "transactional")
                .register(registry);
    }
}
