package com.amba.payments.adapter.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The constraints guard the ledger even against writes that bypass the adapter. */
class SchemaConstraintsTest {

    private static ScratchDatabase database;

    @BeforeAll
    static void migrated() {
        database = ScratchDatabase.create();
        Migrations.apply(database.url());
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void oneProjectAndOnePayment() {
        database.empty();
        database.execute("INSERT INTO projects (id, name, created_at) VALUES ('prj_1', 'Shop', now())");
        database.execute(payment("pi_1", 2000, 100, "'order-1'", "requires_payment_method"));
    }

    private static String payment(String id, long amount, long fee, String reference, String status) {
        return "INSERT INTO payments (id, project_id, account, amount, currency, application_fee, client_reference, "
                + "client_secret, status, created_at, updated_at, status_as_of, version) VALUES ('" + id + "', 'prj_1', "
                + "'acct_1', " + amount + ", 'usd', " + fee + ", " + reference + ", 's', '" + status + "', now(), "
                + "now(), now(), 0)";
    }

    private static void refused(String sql) {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> database.execute(sql), sql);
        assertTrue(e.getCause() != null);
    }

    @Test
    void amountsArePositiveMinorUnitsAndTheFeeStaysBelowTheAmount() {
        refused(payment("pi_2", 0, 0, "NULL", "succeeded"));
        refused(payment("pi_2", 2000, -1, "NULL", "succeeded"));
        refused(payment("pi_2", 2000, 2000, "NULL", "succeeded"));
    }

    @Test
    void onlyStripesStatusesAreKept() {
        refused(payment("pi_2", 2000, 0, "NULL", "paid"));
    }

    @Test
    void aClientReferenceBindsOnePaymentPerProject() {
        refused(payment("pi_2", 2000, 0, "'order-1'", "succeeded"));
        database.execute(payment("pi_3", 2000, 0, "NULL", "succeeded"));
        database.execute(payment("pi_4", 2000, 0, "NULL", "succeeded"));
        assertEquals(3, database.count("SELECT count(*) FROM payments"));
    }

    @Test
    void aPaymentBelongsToAnExistingProject() {
        refused(payment("pi_2", 2000, 0, "NULL", "succeeded").replace("'prj_1'", "'prj_unknown'"));
    }

    @Test
    void aProviderEventIsDecidedOnOnce() {
        String decide = "INSERT INTO inbox (event_id, disposition, note, decided_at) VALUES ('evt_1', 'APPLIED', '', now())";
        database.execute(decide);
        refused(decide);
    }

    @Test
    void theStatusHistoryIsAppendOnly() {
        database.execute("INSERT INTO payment_status_history (payment_id, to_status, cause, at) "
                + "VALUES ('pi_1', 'requires_payment_method', 'created', now())");

        assertThrows(IllegalStateException.class,
                () -> database.execute("UPDATE payment_status_history SET cause = 'rewritten'"));
        assertThrows(IllegalStateException.class, () -> database.execute("DELETE FROM payment_status_history"));
        assertEquals(1, database.count("SELECT count(*) FROM payment_status_history WHERE cause = 'created'"));
    }

    @Test
    void thePlatformHasExactlyOneSettingsRow() {
        refused("INSERT INTO platform_settings (singleton) VALUES (false)");
        refused("INSERT INTO platform_settings (singleton) VALUES (true)");
    }

    @Test
    void feeRatesStayWithinZeroToTenThousandBasisPoints() {
        refused("UPDATE platform_settings SET default_fee_bps = 10001");
        refused("UPDATE projects SET default_fee_bps = -1");
    }
}
