package org.innofund.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The floors of a batch's build and import: the row changes each must make, and nothing else, by raw JDBC batches in
 * one transaction, in the limit's own database (in-process, durable commits, nothing else in it). Build: the items'
 * rows locked (SELECT ... FOR UPDATE, as the product locks them), each marked IN_BATCH, a line inserted for each.
 * Import: the items locked again, each line marked PAID, each item PAID, and a payment of two entries in the ledger for
 * each; both with and without the items' row locks. Scratch tables shaped as V031, V032, V034 and V037 (columns, keys,
 * indexes, the foreign keys to stub parents and some of the checks), emptied after each measurement; no reading of
 * anything else, no audit, no documents, no validation.
 */
final class PaymentFloor {

    private static final String[] TABLES = {"bench_floor_line", "bench_floor_entry", "bench_floor_tx", "bench_floor_item",
            "bench_floor_batch", "bench_floor_calc", "bench_floor_account", "bench_floor_org", "bench_floor_project",
            "bench_floor_call"};

    private final Connection db;
    private long round;

    PaymentFloor(Connection db) {
        this.db = db;
    }

    void createScratch() throws SQLException {
        dropScratch();
        exec("CREATE TABLE bench_floor_call (id NUMBER(19) PRIMARY KEY)",
                "CREATE TABLE bench_floor_org (id NUMBER(19) PRIMARY KEY)",
                "CREATE TABLE bench_floor_account (id NUMBER(19) PRIMARY KEY)",
                "CREATE TABLE bench_floor_project (id NUMBER(19) PRIMARY KEY)",
                "CREATE TABLE bench_floor_calc (run_id NUMBER(19), position NUMBER(9), PRIMARY KEY (run_id, position))",
                "CREATE TABLE bench_floor_batch (id NUMBER(19) PRIMARY KEY)",
                "CREATE TABLE bench_floor_tx (id NUMBER(19) NOT NULL, call_id NUMBER(19) NOT NULL, kind VARCHAR2(16 CHAR) NOT NULL,"
                        + " reference VARCHAR2(64 CHAR) NOT NULL, reason VARCHAR2(1000 CHAR), reverses_id NUMBER(19),"
                        + " recorded_by VARCHAR2(64 CHAR) NOT NULL, recorded_at TIMESTAMP(6) NOT NULL, created_at TIMESTAMP(6) NOT NULL,"
                        + " version NUMBER(19) DEFAULT 0 NOT NULL, PRIMARY KEY (id), FOREIGN KEY (call_id) REFERENCES bench_floor_call (id),"
                        + " FOREIGN KEY (reverses_id) REFERENCES bench_floor_tx (id), UNIQUE (reverses_id))",
                "CREATE INDEX ix_bench_floor_tx_call ON bench_floor_tx (call_id, kind)",
                "CREATE INDEX ix_bench_floor_tx_ref ON bench_floor_tx (reference)",
                "CREATE TABLE bench_floor_entry (transaction_id NUMBER(19) NOT NULL, position NUMBER(3) NOT NULL,"
                        + " call_id NUMBER(19) NOT NULL, account VARCHAR2(16 CHAR) NOT NULL, amount_fen NUMBER(19) NOT NULL,"
                        + " PRIMARY KEY (transaction_id, position), FOREIGN KEY (transaction_id) REFERENCES bench_floor_tx (id),"
                        + " FOREIGN KEY (call_id) REFERENCES bench_floor_call (id), CHECK (amount_fen <> 0))",
                "CREATE INDEX ix_bench_floor_entry_bal ON bench_floor_entry (call_id, account, amount_fen)",
                "CREATE TABLE bench_floor_item (id NUMBER(19) NOT NULL, call_id NUMBER(19) NOT NULL, run_id NUMBER(19),"
                        + " position NUMBER(9), tranche VARCHAR2(16 CHAR) NOT NULL, enterprise_id NUMBER(19) NOT NULL,"
                        + " uscc VARCHAR2(18 CHAR) NOT NULL, payee_name VARCHAR2(200 CHAR) NOT NULL, amount NUMBER(16, 2) NOT NULL,"
                        + " state VARCHAR2(16 CHAR) NOT NULL, cancelled_at TIMESTAMP(6), created_at TIMESTAMP(6) NOT NULL,"
                        + " version NUMBER(19) DEFAULT 0 NOT NULL, batch_id NUMBER(19), project_id NUMBER(19), PRIMARY KEY (id),"
                        + " FOREIGN KEY (call_id) REFERENCES bench_floor_call (id),"
                        + " FOREIGN KEY (run_id, position) REFERENCES bench_floor_calc (run_id, position),"
                        + " FOREIGN KEY (enterprise_id) REFERENCES bench_floor_org (id),"
                        + " FOREIGN KEY (project_id) REFERENCES bench_floor_project (id),"
                        + " FOREIGN KEY (batch_id) REFERENCES bench_floor_batch (id),"
                        + " UNIQUE (run_id, position, tranche, project_id), CHECK (amount > 0),"
                        + " CHECK (state IN ('PAYABLE', 'IN_BATCH', 'PAID', 'CANCELLED')),"
                        + " CHECK ((state = 'IN_BATCH' AND batch_id IS NOT NULL) OR (state <> 'IN_BATCH' AND batch_id IS NULL)))",
                "CREATE INDEX ix_bench_floor_item_call ON bench_floor_item (call_id, state)",
                "CREATE INDEX ix_bench_floor_item_ent ON bench_floor_item (enterprise_id)",
                "CREATE INDEX ix_bench_floor_item_batch ON bench_floor_item (batch_id)",
                "CREATE UNIQUE INDEX uk_bench_floor_item_adv ON bench_floor_item (project_id)",
                "CREATE TABLE bench_floor_line (batch_id NUMBER(19) NOT NULL, item_id NUMBER(19) NOT NULL, position NUMBER(9) NOT NULL,"
                        + " amount NUMBER(16, 2) NOT NULL, payee_account_id NUMBER(19) NOT NULL, result VARCHAR2(16 CHAR) NOT NULL,"
                        + " bank_reference VARCHAR2(64 CHAR), paid_on DATE, failure_reason VARCHAR2(1000 CHAR),"
                        + " result_by VARCHAR2(64 CHAR), result_at TIMESTAMP(6), paid_item_id NUMBER(19),"
                        + " PRIMARY KEY (batch_id, item_id), FOREIGN KEY (batch_id) REFERENCES bench_floor_batch (id),"
                        + " FOREIGN KEY (item_id) REFERENCES bench_floor_item (id),"
                        + " FOREIGN KEY (payee_account_id) REFERENCES bench_floor_account (id),"
                        + " UNIQUE (batch_id, position), UNIQUE (paid_item_id),"
                        + " CHECK ((result = 'PAID' AND paid_item_id IS NOT NULL AND paid_item_id = item_id AND bank_reference IS NOT NULL"
                        + " AND paid_on IS NOT NULL) OR (result = 'FAILED' AND paid_item_id IS NULL AND failure_reason IS NOT NULL)"
                        + " OR (result = 'PENDING' AND paid_item_id IS NULL)))",
                "CREATE INDEX ix_bench_floor_line_item ON bench_floor_line (item_id)",
                "CREATE INDEX ix_bench_floor_line_acc ON bench_floor_line (payee_account_id)");
    }

    void dropScratch() throws SQLException {
        for (String t : TABLES) {
            exec("DROP TABLE IF EXISTS " + t); // bench-only scratch on H2, never a migration
        }
    }

    /** Not timed: a call, a batch and {@code items} payable items with their parents, as a round's setup makes them. */
    void prepare(int items) throws SQLException {
        round++;
        long base = round * 10_000_000L;
        Limit.inTransaction(db, () -> {
            exec("INSERT INTO bench_floor_call VALUES (" + round + ")", "INSERT INTO bench_floor_batch VALUES (" + round + ")");
            try (PreparedStatement org = db.prepareStatement("MERGE INTO bench_floor_org KEY (id) VALUES (?)");
                 PreparedStatement account = db.prepareStatement("MERGE INTO bench_floor_account KEY (id) VALUES (?)");
                 PreparedStatement calc = db.prepareStatement("INSERT INTO bench_floor_calc VALUES (?, ?)");
                 PreparedStatement item = db.prepareStatement("INSERT INTO bench_floor_item (id, call_id, run_id, position,"
                         + " tranche, enterprise_id, uscc, payee_name, amount, state, created_at) VALUES (?, ?, ?, ?, 'FULL', ?,"
                         + " '91330282MA2A00000X', '慈溪市某某科技有限公司', 123456.78, 'PAYABLE', CURRENT_TIMESTAMP)")) {
                for (int i = 0; i < items; i++) {
                    org.setLong(1, i);
                    org.addBatch();
                    account.setLong(1, i);
                    account.addBatch();
                    calc.setLong(1, round);
                    calc.setInt(2, i);
                    calc.addBatch();
                    item.setLong(1, base + i);
                    item.setLong(2, round);
                    item.setLong(3, round);
                    item.setInt(4, i);
                    item.setLong(5, i);
                    item.addBatch();
                }
                org.executeBatch();
                account.executeBatch();
                calc.executeBatch();
                item.executeBatch();
            }
        });
    }

    /**
     * The build's row changes: ms. {@code lock}: the items' rows locked first, as the product locks them (on H2 a
     * locked row is written once more); without, what a design without those locks would be left with.
     */
    double build(int items, boolean lock) throws SQLException {
        long base = round * 10_000_000L;
        long t = System.nanoTime();
        Limit.inTransaction(db, () -> {
            if (lock) {
                lockItems(base, items);
            }
            try (PreparedStatement item = db.prepareStatement("UPDATE bench_floor_item SET state = 'IN_BATCH', batch_id = ?,"
                    + " version = version + 1 WHERE id = ? AND version = 0");
                 PreparedStatement line = db.prepareStatement("INSERT INTO bench_floor_line (batch_id, item_id, position, amount,"
                         + " payee_account_id, result) VALUES (?, ?, ?, 123456.78, ?, 'PENDING')")) {
                for (int i = 0; i < items; i++) {
                    item.setLong(1, round);
                    item.setLong(2, base + i);
                    item.addBatch();
                    line.setLong(1, round);
                    line.setLong(2, base + i);
                    line.setInt(3, i);
                    line.setLong(4, i);
                    line.addBatch();
                }
                requireAll(item.executeBatch(), items);
                line.executeBatch();
            }
        });
        return (System.nanoTime() - t) / 1e6;
    }

    /** The import's row changes (every line PAID): ms. {@code lock} as for {@link #build}. */
    double importResults(int items, boolean lock) throws SQLException {
        long base = round * 10_000_000L;
        long t = System.nanoTime();
        Limit.inTransaction(db, () -> {
            if (lock) {
                lockItems(base, items);
            }
            try (PreparedStatement line = db.prepareStatement("UPDATE bench_floor_line SET result = 'PAID', bank_reference = ?,"
                    + " paid_on = CURRENT_DATE, result_by = 'finance', result_at = CURRENT_TIMESTAMP, paid_item_id = ?"
                    + " WHERE batch_id = ? AND item_id = ? AND result = 'PENDING'");
                 PreparedStatement item = db.prepareStatement("UPDATE bench_floor_item SET state = 'PAID', batch_id = NULL,"
                         + " version = version + 1 WHERE id = ? AND version = 1");
                 PreparedStatement tx = db.prepareStatement("INSERT INTO bench_floor_tx (id, call_id, kind, reference, recorded_by,"
                         + " recorded_at, created_at) VALUES (?, ?, 'PAYMENT', ?, 'finance', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                 PreparedStatement entry = db.prepareStatement("INSERT INTO bench_floor_entry (transaction_id, position, call_id,"
                         + " account, amount_fen) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < items; i++) {
                    line.setString(1, "BK" + (base + i));
                    line.setLong(2, base + i);
                    line.setLong(3, round);
                    line.setLong(4, base + i);
                    line.addBatch();
                    item.setLong(1, base + i);
                    item.addBatch();
                    tx.setLong(1, base + i);
                    tx.setLong(2, round);
                    tx.setString(3, "item:" + (base + i));
                    tx.addBatch();
                    for (int p = 0; p < 2; p++) {
                        entry.setLong(1, base + i);
                        entry.setInt(2, p);
                        entry.setLong(3, round);
                        entry.setString(4, p == 0 ? "COMMITTED" : "PAID");
                        entry.setLong(5, p == 0 ? -12_345_678 : 12_345_678);
                        entry.addBatch();
                    }
                }
                requireAll(line.executeBatch(), items);
                requireAll(item.executeBatch(), items);
                tx.executeBatch();
                entry.executeBatch();
            }
        });
        return (System.nanoTime() - t) / 1e6;
    }

    /** Empties the tables for the next measurement, as the limit's are emptied: each starts from the same state. */
    void clear() throws SQLException {
        for (String t : TABLES) {
            exec("DELETE FROM " + t); // children first
        }
    }

    private void lockItems(long base, int items) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT * FROM bench_floor_item WHERE id BETWEEN ? AND ?"
                + " ORDER BY id FOR UPDATE")) {
            for (int from = 0; from < items; from += 1000) { // in chunks of 1,000, as the product's IN lists
                ps.setLong(1, base + from);
                ps.setLong(2, base + Math.min(items, from + 1000) - 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
            }
        }
    }

    private static void requireAll(int[] counts, int expected) {
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        if (sum != expected) {
            throw new IllegalStateException("the floor changed " + sum + " rows, not " + expected);
        }
    }

    private void exec(String... sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
