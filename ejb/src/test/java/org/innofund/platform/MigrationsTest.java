package org.innofund.platform;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.innofund.audit.domain.AuditChain;
import org.innofund.audit.domain.AuditChainHead;
import org.innofund.identity.domain.ApiToken;
import org.innofund.shared.BaseEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jakarta.persistence.SequenceGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MigrationsTest {

    /** The scripts as they are in the sql module (the module's directory is the working directory). */
    private static final Path SCRIPTS = Path.of("..", "sql", "src", "main", "resources", "db", "migration");

    /** H2's SQLSTATE for a violated CHECK constraint. */
    private static final String CHECK_VIOLATION = "23513";

    private MigratedDatabase db;

    @BeforeEach
    void migrate() throws SQLException {
        db = new MigratedDatabase();
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    private static long scriptsOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V.+__.+\\.sql")).count();
        }
    }

    private int update(String sql) throws SQLException {
        try (Statement s = db.connection.createStatement()) {
            return s.executeUpdate(sql);
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Statement s = db.connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private void assertCheckViolated(String sql) {
        SQLException e = assertThrows(SQLException.class, () -> update(sql), sql);
        assertEquals(CHECK_VIOLATION, e.getSQLState(), e.getMessage());
    }

    private void insertOrganisation(long id, String kind, String uscc) throws SQLException {
        try (PreparedStatement ps = db.connection.prepareStatement(
                "INSERT INTO organisation (id, kind, name, uscc, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, kind);
            ps.setString(3, "单位 " + id);
            ps.setString(4, uscc);
            ps.setTimestamp(5, Timestamp.valueOf(LocalDateTime.of(2025, 1, 1, 0, 0)));
            ps.executeUpdate();
        }
    }

    @Test
    void everyScriptIsApplied() throws IOException {
        long onDisk = scriptsOnDisk();
        assertTrue(onDisk >= 3, "scripts found in " + SCRIPTS.toAbsolutePath() + ": " + onDisk);
        MigrateResult result = db.result;
        assertTrue(result.success);
        assertEquals(onDisk, result.migrationsExecuted);
        MigrationInfo[] applied = db.flyway.info().applied();
        assertEquals(onDisk, applied.length);
        for (MigrationInfo info : applied) {
            assertEquals(MigrationState.SUCCESS, info.getState(), info.getScript());
        }
        assertEquals(0, db.flyway.info().pending().length);
    }

    @Test
    void aSecondStartMigratesNothing() {
        MigrateResult again = db.flyway.migrate();
        assertTrue(again.success);
        assertEquals(0, again.migrationsExecuted);
        assertTrue(db.flyway.validateWithResult().validationSuccessful);
    }

    @Test
    void theTablesExist() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (ResultSet rs = db.connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        for (String expected : Set.of("organisation", "user_account", "user_role", "login_throttle", "api_token",
                "audit_entry", "audit_chain_head", "program", "funding_call")) {
            assertTrue(tables.contains(expected), expected + " missing; tables: " + tables);
        }
    }

    @Test
    void theAuditChainStartsAtItsGenesisHead() throws SQLException {
        assertEquals(1, queryLong("SELECT COUNT(*) FROM audit_chain_head"));
        assertEquals(0, queryLong("SELECT COUNT(*) FROM audit_entry"));
        try (Statement s = db.connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, last_seq, last_hash FROM audit_chain_head")) {
            assertTrue(rs.next());
            assertEquals(AuditChainHead.ID, rs.getInt("id"));
            assertEquals(0, rs.getLong("last_seq"));
            assertEquals(AuditChain.GENESIS_HASH, rs.getString("last_hash"));
        }
    }

    @Test
    void thereIsOnlyOneChainHead() {
        assertCheckViolated("INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (2, 0, '"
                + AuditChain.GENESIS_HASH + "')");
    }

    @Test
    void anOrganisationKindMustBeKnown() throws SQLException {
        insertOrganisation(1, "ENTERPRISE", null);
        insertOrganisation(2, "BUREAU", null);
        insertOrganisation(3, "AGENCY", null);
        SQLException e = assertThrows(SQLException.class, () -> insertOrganisation(4, "FOO", null));
        assertEquals(CHECK_VIOLATION, e.getSQLState(), e.getMessage());
        assertEquals(3, queryLong("SELECT COUNT(*) FROM organisation"));
    }

    @Test
    void aUsccIsRegisteredOnce() throws SQLException {
        insertOrganisation(1, "ENTERPRISE", "91110000802100433B");
        insertOrganisation(2, "AGENCY", null);
        insertOrganisation(3, "AGENCY", null); // many organisations without a code
        SQLException e = assertThrows(SQLException.class, () -> insertOrganisation(4, "ENTERPRISE", "91110000802100433B"));
        assertEquals("23505", e.getSQLState(), e.getMessage());
    }

    @Test
    void usersRolesAndTokensAreChecked() throws SQLException {
        insertOrganisation(1, "BUREAU", null);
        String user = "INSERT INTO user_account (id, username, display_name, password_hash, organisation_id, enabled, created_at) "
                + "VALUES (%d, 'u%d', 'U', 'H', %d, %d, TIMESTAMP '2025-01-01 00:00:00')";
        assertEquals(1, update(user.formatted(10, 10, 1, 1)));
        assertCheckViolated(user.formatted(11, 11, 1, 2));
        SQLException noOrganisation = assertThrows(SQLException.class, () -> update(user.formatted(12, 12, 999, 1)));
        assertEquals("23506", noOrganisation.getSQLState(), noOrganisation.getMessage());

        assertEquals(1, update("INSERT INTO user_role (user_id, role) VALUES (10, 'REVIEWER')"));
        assertCheckViolated("INSERT INTO user_role (user_id, role) VALUES (10, 'ROOT')");

        String token = "INSERT INTO api_token (id, user_id, token_hash, issued_at, expires_at, revoked) "
                + "VALUES (%d, 10, '%s', TIMESTAMP '2025-01-01 00:00:00', TIMESTAMP '2025-01-01 08:00:00', %d)";
        assertEquals(1, update(token.formatted(20, "a".repeat(64), 0)));
        assertCheckViolated(token.formatted(21, "b".repeat(64), 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SUCCESS", "FAILURE", "DENIED"})
    void anAuditOutcomeIsOneOfThree(String outcome) throws SQLException {
        String entry = "INSERT INTO audit_entry (seq, occurred_at, action, outcome, prev_hash, entry_hash) "
                + "VALUES (%d, TIMESTAMP '2025-01-01 00:00:00', 'LOGIN', '%s', 'p', 'e')";
        assertEquals(1, update(entry.formatted(1, outcome)));
        assertCheckViolated(entry.formatted(2, "MAYBE"));
    }

    @Test
    void aCallClosesAfterItOpensAndHasNoNegativeBudget() throws SQLException {
        update("INSERT INTO program (id, name, subsidy_kind, department, created_at) "
                + "VALUES (1, '研发投入后补助', 'RD_INVESTMENT', '高新科', TIMESTAMP '2025-01-01 00:00:00')");
        assertCheckViolated("INSERT INTO program (id, name, subsidy_kind, department, created_at) "
                + "VALUES (2, 'x', 'LOTTERY', 'x', TIMESTAMP '2025-01-01 00:00:00')");
        String call = "INSERT INTO funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, created_at) "
                + "VALUES (%d, 1, 'T', 2025, TIMESTAMP '%s', TIMESTAMP '%s', %s, '%s', TIMESTAMP '2025-01-01 00:00:00')";
        assertEquals(1, update(call.formatted(10, "2025-03-01 01:00:00", "2025-04-30 09:00:00", "0", "DRAFT")));
        assertCheckViolated(call.formatted(11, "2025-03-01 01:00:00", "2025-03-01 01:00:00", "1", "DRAFT"));
        assertCheckViolated(call.formatted(12, "2025-03-01 01:00:00", "2025-02-01 01:00:00", "1", "DRAFT"));
        assertCheckViolated(call.formatted(13, "2025-03-01 01:00:00", "2025-04-30 09:00:00", "-0.01", "DRAFT"));
        assertCheckViolated(call.formatted(14, "2025-03-01 01:00:00", "2025-04-30 09:00:00", "1", "CLOSED"));
        assertEquals(1, update(call.formatted(15, "2025-03-01 01:00:00", "2025-04-30 09:00:00", "99999999999999.99", "PUBLISHED")));
        SQLException tooBig = assertThrows(SQLException.class,
                () -> update(call.formatted(16, "2025-03-01 01:00:00", "2025-04-30 09:00:00", "100000000000000.00", "DRAFT")));
        assertTrue(tooBig.getSQLState().startsWith("22"), "a data exception: " + tooBig.getMessage());
    }

    @Test
    void theSequenceHandsOutBlocksOfFifty() throws SQLException {
        // EclipseLink reads value N as the block N-49..N: the first block must not reach below 1
        assertEquals(50, queryLong("SELECT innofund_seq.NEXTVAL FROM DUAL"));
        assertEquals(100, queryLong("SELECT innofund_seq.NEXTVAL FROM DUAL"));
        assertEquals(150, queryLong("SELECT innofund_seq.NEXTVAL FROM DUAL"));
        try (Statement s = db.connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT START_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'INNOFUND_SEQ'")) {
            assertTrue(rs.next());
            assertEquals(50, rs.getLong("START_VALUE"));
            assertEquals(50, rs.getLong("INCREMENT"));
            assertFalse(rs.next());
        }
    }

    @Test
    void theSequenceStepIsTheEntitiesAllocationSize() throws ReflectiveOperationException, SQLException {
        long increment = queryLong("SELECT INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'INNOFUND_SEQ'");
        for (Class<?> type : new Class<?>[] {BaseEntity.class, ApiToken.class}) {
            SequenceGenerator generator = type.getDeclaredField("id").getAnnotation(SequenceGenerator.class);
            assertEquals("innofund_seq", generator.sequenceName().toLowerCase(), type.getName());
            assertEquals(increment, generator.allocationSize(), type.getName());
        }
    }
}
