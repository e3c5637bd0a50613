package com.amba.payments.adapter.postgres;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the versioned scripts in {@code db/migration}. Flyway serialises concurrent
 * runs with a PostgreSQL advisory lock, so several instances may start at once: one migrates, the others wait
 * for it and then find nothing left to do.
 */
final class Migrations {

    static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** @return how many scripts this call applied (0 when another instance, or an earlier start, did it). */
    static int apply(DatabaseUrl url) {
        try {
            MigrateResult result = Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(jdbcUrl(url), url.user(), url.password().orElse(null))
                    .locations(LOCATION)
                    // A schema is never wiped by a stray command against a ledger.
                    .cleanDisabled(true)
                    .validateOnMigrate(true)
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            // Not connecting at all (wrong host, password, or an sslmode the server cannot meet) is said in the
            // driver's words: Flyway's own wraps them in a banner of dashes and SQL state lines.
            if (e.getCause() instanceof java.sql.SQLException connecting
                    && String.valueOf(e.getMessage()).startsWith("Unable to obtain connection")) {
                throw new IllegalStateException("could not connect to " + url + " to migrate it: "
                        + connecting.getMessage(), e);
            }
            throw new IllegalStateException("could not migrate " + url + ": " + e.getMessage(), e);
        }
    }

    /** Bounded connect, and keep-alive so a migration is not left waiting on a dead socket forever. */
    private static String jdbcUrl(DatabaseUrl url) {
        return url.jdbcUrl() + (url.sslMode().isPresent() ? "&" : "?") + "connectTimeout=10&tcpKeepAlive=true&ApplicationName=amba-payments-migrations";
    }
}
