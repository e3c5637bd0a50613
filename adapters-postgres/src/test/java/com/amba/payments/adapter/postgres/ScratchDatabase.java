package com.amba.payments.adapter.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own for one test class, made next to the server's {@code postgres} database and dropped
 * afterwards, so tests never see each other's rows. {@code AMBA_TEST_DATABASE_URL} names the server to use.
 */
public final class ScratchDatabase implements AutoCloseable {

    public static final String SERVER = System.getenv().getOrDefault("AMBA_TEST_DATABASE_URL",
            "postgresql://postgres@127.0.0.1:5432/postgres");

    private final DatabaseUrl admin;
    private final DatabaseUrl url;

    private ScratchDatabase(DatabaseUrl admin, DatabaseUrl url) {
        this.admin = admin;
        this.url = url;
    }

    public static ScratchDatabase create() {
        DatabaseUrl admin = DatabaseUrl.parse(SERVER);
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        DatabaseUrl url = admin.withDatabase("amba_test_" + HexFormat.of().formatHex(random));
        execute(admin, "CREATE DATABASE " + url.database());
        return new ScratchDatabase(admin, url);
    }

    public DatabaseUrl url() {
        return url;
    }

    public String urlText() {
        return "postgresql://" + url.user() + "@" + url.host() + ":" + url.port() + "/" + url.database();
    }

    /** Empties every table the adapter writes and puts the platform settings back as a new platform has them. */
    public void empty() {
        execute(url, "TRUNCATE webhook_attempts, webhook_deliveries, webhook_endpoints, refunds, disputes, "
                + "parked_refund_events, payment_status_history, creation_attempts, idempotency_keys, inbox, parked_events, outbox, "
                + "payments, "
                + "api_keys, projects; UPDATE platform_settings SET payments_enabled = false, default_fee_bps = NULL");
    }

    /** Counts rows straight from the database, past the adapter, for tests that check what was really stored. */
    public long count(String sqlReturningOneNumber) {
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             var result = statement.executeQuery(sqlReturningOneNumber)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void execute(String sql) {
        execute(url, sql);
    }

    @Override
    public void close() {
        execute(admin, "DROP DATABASE IF EXISTS " + url.database() + " WITH (FORCE)");
    }

    private static void execute(DatabaseUrl target, String sql) {
        try (Connection connection = connect(target); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + " on " + target, e);
        }
    }

    private static Connection connect(DatabaseUrl target) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password().orElse(null));
    }
}
