package com.amba.payments.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.PlatformSettings;
import com.amba.payments.domain.testing.Concurrently;
import io.vertx.core.Vertx;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema comes from the versioned scripts, applied once however many instances start together. */
class MigrationTest {

    /** Every versioned script in the module, so a new migration needs no change here. */
    private static final long SCRIPTS = scripts();

    private ScratchDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = ScratchDatabase.create();
    }

    /** Dropping is idempotent, so a test may drop its database early. */
    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void instancesMigratingAtOnceApplyEachScriptExactlyOnce() throws Exception {
        List<Integer> applied = Concurrently.run(4, () -> Migrations.apply(database.url()));

        assertEquals(SCRIPTS, applied.stream().mapToInt(Integer::intValue).sum(), "applied per instance: " + applied);
        assertEquals(SCRIPTS, database.count("SELECT count(*) FROM flyway_schema_history WHERE success"));
        assertEquals(1, database.count("SELECT count(*) FROM platform_settings"));
    }

    @Test
    void aLaterStartFindsNothingToDo() {
        assertEquals(SCRIPTS, Migrations.apply(database.url()));

        assertEquals(0, Migrations.apply(database.url()));
        assertEquals(SCRIPTS, database.count("SELECT count(*) FROM flyway_schema_history WHERE success"));
    }

    @Test
    void twoStoresConnectingAtOnceBothServe() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            List<PostgresStore> stores = Concurrently.run(2,
                    () -> PostgresStore.connect(vertx, database.urlText(), PostgresSettings.defaults()));
            for (PostgresStore store : stores) {
                assertEquals(PlatformSettings.initial(), store.controlPlane().platform());
                assertTrue(store.isReachable());
                store.close();
            }
        } finally {
            vertx.close().await();
        }
    }

    @Test
    void anUnreachableDatabaseIsReportedNotReady() {
        Vertx vertx = Vertx.vertx();
        try (PostgresStore store = PostgresStore.connect(vertx, database.urlText(), PostgresSettings.defaults())) {
            database.close();

            assertFalse(store.isReachable());
        } finally {
            vertx.close().await();
        }
    }

    private static long scripts() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
