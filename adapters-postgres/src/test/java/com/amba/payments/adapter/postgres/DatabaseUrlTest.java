package com.amba.payments.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.SslMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AMBA_DATABASE_URL: user, password, host, port, database, and TLS through libpq's sslmode. */
class DatabaseUrlTest {

    @Test
    void sslmodeReachesBothDrivers() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://amba:pw@db.internal:6432/ledger?sslmode=verify-full");
        assertEquals(Optional.of("verify-full"), url.sslMode());
        assertEquals(SslMode.VERIFY_FULL, Database.connectOptions(url, PostgresSettings.defaults()).getSslMode());
        assertEquals("jdbc:postgresql://db.internal:6432/ledger?sslmode=verify-full", url.jdbcUrl());
        assertFalse(url.toString().contains("pw"), url::toString);
        assertEquals(Optional.empty(), DatabaseUrl.parse("postgresql://amba@db/ledger").sslMode());
    }

    @Test
    void anUnknownSslmodeOrAnyOtherParameterIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgresql://amba@db/l?sslmode=always"));
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> DatabaseUrl.parse("postgresql://amba@db/l?password=x"));
        assertTrue(other.getMessage().contains("password"), other::getMessage);
    }

    @Test
    void aSeparatePasswordIsUsedOnlyWhenTheUrlHasNone() {
        assertEquals(Optional.of("sep"), DatabaseUrl.parse("postgresql://amba@db/l").withPasswordIfAbsent(
                Optional.of("sep")).password());
        assertEquals(Optional.of("own"), DatabaseUrl.parse("postgresql://amba:own@db/l").withPasswordIfAbsent(
                Optional.of("sep")).password());
    }
}
