package org.innofund.platform;

import org.innofund.certificate.infrastructure.CertificateTable;
import org.innofund.payment.infrastructure.LedgerTable;
import org.innofund.payment.infrastructure.PaymentBatchTable;
import org.innofund.subsidy.infrastructure.CalculationLineTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tables written by JDBC batch instead of through JPA: their statements name the migrated schema's columns (a
 * misspelt or dropped column fails here, not in a run of ten thousand), and {@link JdbcBatch} counts what each
 * execution changed, across executions, so that a guarded UPDATE that found no row is seen.
 */
class JdbcWritersTest {

    private static MigratedDatabase db;

    @BeforeAll
    static void migrate() throws SQLException {
        db = new MigratedDatabase();
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void everyWritersStatementPreparesAgainstTheSchema() throws Exception {
        List<String> statements = new ArrayList<>();
        for (Class<?> writer : List.of(CalculationLineTable.class, CertificateTable.class, LedgerTable.class,
                PaymentBatchTable.class)) {
            for (Field f : writer.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                    f.setAccessible(true);
                    statements.add((String) f.get(null));
                }
            }
        }
        assertTrue(statements.size() >= 8, statements::toString);
        for (String sql : statements) {
            try (PreparedStatement ps = db.connection.prepareStatement(sql)) {
                assertTrue(ps.getParameterMetaData().getParameterCount() > 0, sql);
            }
        }
    }

    @Test
    void countsTheRowsOfEveryExecution() throws SQLException {
        try (Statement s = db.connection.createStatement()) {
            s.execute("create table jdbc_batch_probe (id number(9) primary key, state varchar2(8 char))");
        }
        int rows = JdbcBatch.SIZE * 2 + 500; // three executions
        try (PreparedStatement ps = db.connection.prepareStatement("insert into jdbc_batch_probe values (?, 'OPEN')")) {
            JdbcBatch batch = new JdbcBatch(ps);
            for (int i = 0; i < rows; i++) {
                ps.setInt(1, i);
                batch.add();
            }
            assertEquals(rows, batch.finish());
        }
        // guarded as the writers guard: a row no longer in the state read changes nothing, and the count says so
        try (Statement s = db.connection.createStatement()) {
            s.executeUpdate("update jdbc_batch_probe set state = 'CLOSED' where id = 7");
        }
        try (PreparedStatement ps = db.connection.prepareStatement(
                "update jdbc_batch_probe set state = 'CLOSED' where id = ? and state = 'OPEN'")) {
            JdbcBatch batch = new JdbcBatch(ps);
            for (int i = 0; i < 10; i++) {
                ps.setInt(1, i);
                batch.add();
            }
            assertEquals(9, batch.finish());
        }
    }
}
