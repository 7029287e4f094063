package org.innofund.platform;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.innofund.audit.domain.AuditChain;
import org.innofund.audit.domain.AuditChainHead;
import org.innofund.declaration.domain.Attachment;
import org.innofund.declaration.domain.DeclarationTransition;
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
import java.util.List;
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

    private static void assertCheckViolated(Statement s, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
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
                "audit_entry", "audit_chain_head", "program", "funding_call", "call_attachment_requirement",
                "call_scoring_indicator", "declaration", "declaration_budget_line", "declaration_achievement",
                "declaration_service_record", "declaration_transition", "declaration_revision", "attachment",
                "attachment_content", "integrity_record", "receipt_counter", "evaluation_agency",
                "evaluation_agency_field", "agency_relationship", "evaluation_assignment", "assignment_transition")) {
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
        String call = "INSERT INTO funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, created_at, "
                + "created_by) VALUES (%d, 1, 'T', 2025, TIMESTAMP '%s', TIMESTAMP '%s', %s, '%s', TIMESTAMP '2025-01-01 00:00:00', "
                + "'reviewer')";
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

    /** V004-V006 are the three scripts of this issue: they are there and applied, in order. */
    @Test
    void theCallDeclarationAndIntegrityScriptsAreApplied() {
        List<String> applied = Stream.of(db.flyway.info().applied())
                .map(i -> i.getVersion().getVersion() + " " + i.getDescription()).toList();
        assertTrue(applied.containsAll(List.of("004 call rules", "005 declaration", "006 integrity")), applied.toString());
        assertEquals(applied.indexOf("004 call rules") + 1, applied.indexOf("005 declaration"), applied.toString());
        assertEquals(applied.indexOf("005 declaration") + 1, applied.indexOf("006 integrity"), applied.toString());
    }

    /** Statements against a database being upgraded. */
    @FunctionalInterface
    private interface Sql {
        void run(Statement s) throws SQLException;
    }

    /** A fresh database migrated up to a version, the rows {@code before} stores, every later script, then {@code after}. */
    private static void upgrade(String fromVersion, Sql before, Sql after) throws SQLException {
        String url = "jdbc:h2:mem:upgrade-" + java.util.UUID.randomUUID() + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, MigratedDatabase.USER, MigratedDatabase.PASSWORD);
             Statement s = c.createStatement()) {
            org.flywaydb.core.api.configuration.FluentConfiguration config = org.flywaydb.core.Flyway.configure()
                    .dataSource(url, MigratedDatabase.USER, MigratedDatabase.PASSWORD).locations("classpath:db/migration");
            config.target(fromVersion).load().migrate();
            before.run(s);
            config.target("latest").load().migrate();
            after.run(s);
        }
    }

    /** A call stored before V007 gets the default limit of one declaration per enterprise, once. */
    @Test
    void callsMadeBeforeTheLimitAllowOneDeclarationPerEnterprise() throws SQLException {
        upgrade("6", s -> {
            s.executeUpdate("INSERT INTO program (id, name, subsidy_kind, department, created_at) "
                    + "VALUES (1, 'p', 'PRE_APPROVED', 'd', TIMESTAMP '2025-01-01 00:00:00')");
            String call = "INSERT INTO funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, "
                    + "created_at, rule_parameters) VALUES (%d, 1, 'T', 2025, TIMESTAMP '2025-03-01 01:00:00', "
                    + "TIMESTAMP '2025-04-30 09:00:00', 100, 'PUBLISHED', TIMESTAMP '2025-01-01 00:00:00', %s)";
            s.executeUpdate(call.formatted(10, "'enterpriseYearCap=5000000.00' || CHR(10) || 'grade.pass=60'"));
            s.executeUpdate(call.formatted(11, "NULL"));
        }, s -> {
            try (ResultSet rs = s.executeQuery("SELECT rule_parameters FROM funding_call ORDER BY id")) {
                assertTrue(rs.next());
                org.innofund.program.domain.RuleParameters p = org.innofund.program.domain.RuleParameters.parse(rs.getString(1));
                assertEquals(new java.math.BigDecimal("1"), p.get("declarationsPerEnterprise"));
                assertEquals(new java.math.BigDecimal("60"), p.get("grade.pass"));
                assertEquals(new java.math.BigDecimal("7"), p.get("publicityDays")); // V023's default, once
                assertEquals(new java.math.BigDecimal("30"), p.get("evaluationDays.MIDTERM")); // V029's, a PRE_APPROVED call
                assertEquals(new java.math.BigDecimal("30"), p.get("evaluationDays.ACCEPTANCE"));
                assertEquals(6, p.asMap().size(), p.toString());
                assertTrue(rs.next());
                assertEquals(null, rs.getString(1), "a call without parameters stays without");
            }
        });
    }

    /** The tests' clock offset: one row, starting at zero, never behind the real time. */
    @Test
    void theTestClockHasOneRowThatOnlyRunsAhead() throws SQLException {
        assertEquals(0L, queryLong("SELECT offset_seconds FROM test_clock WHERE id = 1"));
        assertEquals(1, update("UPDATE test_clock SET offset_seconds = 172800"));
        assertCheckViolated("UPDATE test_clock SET offset_seconds = -1");
        assertCheckViolated("INSERT INTO test_clock (id, offset_seconds) VALUES (2, 0)");
    }

    /** A call stored without its preparer before V008 is ascribed to nobody a user can be; from V008 on none lacks one. */
    @Test
    void everyCallNamesWhoPreparedIt() throws SQLException {
        String call = "INSERT INTO funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, "
                + "created_at, created_by) VALUES (%d, 1, 'T', 2025, TIMESTAMP '2025-03-01 01:00:00', "
                + "TIMESTAMP '2025-04-30 09:00:00', 100, 'DRAFT', TIMESTAMP '2025-01-01 00:00:00', %s)";
        upgrade("7", s -> {
            s.executeUpdate("INSERT INTO program (id, name, subsidy_kind, department, created_at) "
                    + "VALUES (1, 'p', 'REWARD', 'd', TIMESTAMP '2025-01-01 00:00:00')");
            s.executeUpdate(call.formatted(10, "NULL"));
            s.executeUpdate(call.formatted(11, "'reviewer'"));
        }, s -> {
            try (ResultSet rs = s.executeQuery("SELECT created_by FROM funding_call ORDER BY id")) {
                assertTrue(rs.next());
                assertEquals("(unknown)", rs.getString(1));
                assertTrue(rs.next());
                assertEquals("reviewer", rs.getString(1));
            }
            SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(call.formatted(12, "NULL")));
            assertEquals("23502", refused.getSQLState(), "NULL not allowed: " + refused.getMessage());
        });
    }

    private void insertProgramAndCall() throws SQLException {
        update("INSERT INTO program (id, name, subsidy_kind, department, created_at) "
                + "VALUES (1, '产业技术研究与开发', 'PRE_APPROVED', '高新科', TIMESTAMP '2025-01-01 00:00:00')");
        update("INSERT INTO funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, created_at, "
                + "created_by) VALUES (10, 1, 'T', 2025, TIMESTAMP '2025-03-01 01:00:00', TIMESTAMP '2025-04-30 09:00:00', 100, "
                + "'PUBLISHED', TIMESTAMP '2025-01-01 00:00:00', 'reviewer')");
    }

    /** A call with a declaration of the enterprise 2 in state DRAFT, id 100. */
    private void insertDeclaration() throws SQLException {
        insertProgramAndCall();
        insertOrganisation(2, "ENTERPRISE", "91110000802100433B");
        update(declaration(100, "DRAFT"));
    }

    private static String declaration(long id, String state) {
        return "INSERT INTO declaration (id, call_id, enterprise_id, state, created_by, created_at) "
                + "VALUES (" + id + ", 10, 2, '" + state + "', 'e1', TIMESTAMP '2025-03-02 00:00:00')";
    }

    @Test
    void aCallsLimitRequirementsAndIndicatorsAreChecked() throws SQLException {
        insertProgramAndCall();
        assertEquals(1, update("UPDATE funding_call SET max_request = 0 WHERE id = 10"));
        assertEquals(1, update("UPDATE funding_call SET max_request = NULL WHERE id = 10"));
        assertCheckViolated("UPDATE funding_call SET max_request = -0.01 WHERE id = 10");

        String requirement = "INSERT INTO call_attachment_requirement (call_id, position, name, required, allowed_types) "
                + "VALUES (10, %d, '营业执照', %d, 'PDF,JPG')";
        assertEquals(1, update(requirement.formatted(0, 1)));
        assertEquals(1, update(requirement.formatted(1, 0)));
        assertCheckViolated(requirement.formatted(2, 2));
        SQLException samePosition = assertThrows(SQLException.class, () -> update(requirement.formatted(0, 1)));
        assertEquals("23505", samePosition.getSQLState(), samePosition.getMessage());

        String indicator = "INSERT INTO call_scoring_indicator (call_id, position, name, weight) VALUES (10, %d, 'I', %d)";
        assertEquals(1, update(indicator.formatted(0, 1)));
        assertEquals(1, update(indicator.formatted(1, 100)));
        assertCheckViolated(indicator.formatted(2, 0));
        assertCheckViolated(indicator.formatted(3, 101));
        SQLException noCall = assertThrows(SQLException.class,
                () -> update("INSERT INTO call_scoring_indicator (call_id, position, name, weight) VALUES (99, 0, 'I', 1)"));
        assertEquals("23506", noCall.getSQLState(), noCall.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DRAFT", "SUBMITTED", "ACCEPTED", "RETURNED", "REJECTED"})
    void aDeclarationStateIsOneOfFive(String state) throws SQLException {
        insertProgramAndCall();
        insertOrganisation(2, "ENTERPRISE", "91110000802100433B");
        assertEquals(1, update(declaration(100, state)));
        assertCheckViolated(declaration(101, "APPROVED_MAYBE"));
        assertEquals(0, queryLong("SELECT revision FROM declaration WHERE id = 100"));
    }

    /** V014: a declaration the enterprise took back before the reviewer decided. */
    @Test
    void aWithdrawnDeclarationIsAKnownState() throws SQLException {
        insertDeclaration();
        assertEquals(1, update(declaration(101, "WITHDRAWN")));
        assertCheckViolated(declaration(102, "WITHDRAWN_MAYBE"));
        assertEquals(1, update("UPDATE declaration SET state = 'WITHDRAWN' WHERE id = 100"));
    }

    /** V013: a receipt number is never given twice; drafts have none; a year's counter is one row that never goes below 0. */
    @Test
    void aReceiptNumberIsGivenOnceAndEachYearHasOneCounter() throws SQLException {
        insertDeclaration();
        update(declaration(101, "SUBMITTED"));
        update(declaration(102, "SUBMITTED"));
        assertEquals(1, update("UPDATE declaration SET receipt_no = 'CXKJ-2025-SB-000001' WHERE id = 101"));
        SQLException twice = assertThrows(SQLException.class,
                () -> update("UPDATE declaration SET receipt_no = 'CXKJ-2025-SB-000001' WHERE id = 102"));
        assertEquals("23505", twice.getSQLState(), twice.getMessage());
        assertTrue(twice.getMessage().toUpperCase().contains("UK_DECLARATION_RECEIPT_NO"), twice.getMessage());
        assertEquals(2, queryLong("SELECT COUNT(*) FROM declaration WHERE receipt_no IS NULL"), "many without a number");

        assertEquals(1, update("INSERT INTO receipt_counter (receipt_year) VALUES (2025)"));
        assertEquals(0, queryLong("SELECT last_number FROM receipt_counter WHERE receipt_year = 2025"));
        SQLException sameYear = assertThrows(SQLException.class,
                () -> update("INSERT INTO receipt_counter (receipt_year, last_number) VALUES (2025, 5)"));
        assertEquals("23505", sameYear.getSQLState(), sameYear.getMessage());
        assertCheckViolated("INSERT INTO receipt_counter (receipt_year, last_number) VALUES (1999, 0)");
        assertCheckViolated("UPDATE receipt_counter SET last_number = -1 WHERE receipt_year = 2025");
    }

    /**
     * Declarations submitted before V013 are numbered in the order of their first submission, per call year, and each
     * year's counter continues after them; a draft gets none.
     */
    @Test
    void declarationsSubmittedBeforeReceiptNumbersGetTheirsInSubmissionOrder() throws SQLException {
        upgrade("9", s -> {
            s.executeUpdate("INSERT INTO program (id, name, subsidy_kind, department, created_at) "
                    + "VALUES (1, 'p', 'PRE_APPROVED', 'd', TIMESTAMP '2025-01-01 00:00:00')");
            String call = "INSERT INTO funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, "
                    + "created_at, created_by) VALUES (%d, 1, 'T', %d, TIMESTAMP '2025-03-01 01:00:00', "
                    + "TIMESTAMP '2025-04-30 09:00:00', 100, 'PUBLISHED', TIMESTAMP '2025-01-01 00:00:00', 'reviewer')";
            s.executeUpdate(call.formatted(10, 2025));
            s.executeUpdate(call.formatted(11, 2026));
            s.executeUpdate("INSERT INTO organisation (id, kind, name, created_at) VALUES (2, 'ENTERPRISE', 'E', "
                    + "TIMESTAMP '2025-01-01 00:00:00')");
            String declaration = "INSERT INTO declaration (id, call_id, enterprise_id, state, revision, created_by, created_at) "
                    + "VALUES (%d, %d, 2, '%s', %d, 'e1', TIMESTAMP '2025-03-02 00:00:00')";
            String submitted = "INSERT INTO declaration_transition (id, declaration_id, from_state, to_state, actor, occurred_at) "
                    + "VALUES (%d, %d, 'DRAFT', 'SUBMITTED', 'e1', TIMESTAMP '%s')";
            s.executeUpdate(declaration.formatted(100, 10, "ACCEPTED", 2));  // first submitted second, resubmitted last
            s.executeUpdate(submitted.formatted(1000, 100, "2025-03-05 00:00:00"));
            s.executeUpdate(submitted.formatted(1001, 100, "2025-03-20 00:00:00"));
            s.executeUpdate(declaration.formatted(101, 10, "SUBMITTED", 1)); // first submitted first
            s.executeUpdate(submitted.formatted(1002, 101, "2025-03-04 00:00:00"));
            s.executeUpdate(declaration.formatted(102, 10, "DRAFT", 0));
            s.executeUpdate(declaration.formatted(103, 11, "SUBMITTED", 1));
            s.executeUpdate(submitted.formatted(1003, 103, "2025-03-03 00:00:00"));
        }, s -> {
            try (ResultSet rs = s.executeQuery("SELECT id, receipt_no FROM declaration ORDER BY id")) {
                List<String> numbers = new java.util.ArrayList<>();
                while (rs.next()) {
                    numbers.add(rs.getLong(1) + " " + rs.getString(2));
                }
                assertEquals(List.of("100 CXKJ-2025-SB-000002", "101 CXKJ-2025-SB-000001", "102 null",
                        "103 CXKJ-2026-SB-000001"), numbers);
            }
            try (ResultSet rs = s.executeQuery("SELECT receipt_year, last_number FROM receipt_counter ORDER BY receipt_year")) {
                assertTrue(rs.next());
                assertEquals(2025, rs.getInt(1));
                assertEquals(2, rs.getLong(2));
                assertTrue(rs.next());
                assertEquals(2026, rs.getInt(1));
                assertEquals(1, rs.getLong(2));
                assertFalse(rs.next());
            }
        });
    }

    @Test
    void aBudgetLineHasAKnownSourceAndNoNegativeAmount() throws SQLException {
        insertDeclaration();
        String line = "INSERT INTO declaration_budget_line (declaration_id, position, category, source, amount) "
                + "VALUES (100, %d, 'EQUIPMENT', '%s', %s)";
        assertEquals(1, update(line.formatted(0, "SUBSIDY", "0")));
        assertEquals(1, update(line.formatted(1, "SELF_FUNDED", "99999999999999.99")));
        assertCheckViolated(line.formatted(2, "LOAN", "1"));
        assertCheckViolated(line.formatted(3, "subsidy", "1"));
        assertCheckViolated(line.formatted(4, "SUBSIDY", "-0.01"));
        SQLException noDeclaration = assertThrows(SQLException.class, () -> update(line.formatted(0, "SUBSIDY", "1")
                .replace("VALUES (100", "VALUES (999")));
        assertEquals("23506", noDeclaration.getSQLState(), noDeclaration.getMessage());
        assertEquals(2, queryLong("SELECT COUNT(*) FROM declaration_budget_line"));
    }

    /** V016: a draft's rows may be half filled or empty (issue 9, item 7); a negative amount is still refused. */
    @Test
    void aDraftsRowsMayBeIncompleteButNeverNegative() throws SQLException {
        insertDeclaration();
        assertEquals(1, update("INSERT INTO declaration_budget_line (declaration_id, position) VALUES (100, 0)"));
        assertEquals(1, update("INSERT INTO declaration_budget_line (declaration_id, position, category) VALUES (100, 1, 'EQUIPMENT')"));
        assertCheckViolated("INSERT INTO declaration_budget_line (declaration_id, position, amount) VALUES (100, 2, -1)");
        assertEquals(1, update("INSERT INTO declaration_achievement (declaration_id, position) VALUES (100, 0)"));
        assertEquals(1, update("INSERT INTO declaration_service_record (declaration_id, position, invoice_no) VALUES (100, 0, 'N1')"));
        assertCheckViolated("INSERT INTO declaration_service_record (declaration_id, position, amount) VALUES (100, 1, -1)");
    }

    @Test
    void aServiceRecordHasNoNegativeAmount() throws SQLException {
        insertDeclaration();
        String record = "INSERT INTO declaration_service_record (declaration_id, position, provider_name, provider_uscc, "
                + "invoice_no, invoice_date, amount) VALUES (100, %d, 'P', '91110000802100433B', 'N%d', DATE '2025-05-01', %s)";
        assertEquals(1, update(record.formatted(0, 0, "0.00")));
        assertCheckViolated(record.formatted(1, 1, "-1"));
    }

    /** V019: only an other material (其他材料) carries a description. */
    @Test
    void onlyAnOtherMaterialIsDescribed() throws SQLException {
        insertDeclaration();
        String attachment = "INSERT INTO attachment (id, declaration_id, requirement, original_name, stored_name, "
                + "content_type, size_bytes, sha256, uploaded_by, uploaded_at, description) VALUES (%d, 100, '%s', 'a.pdf', "
                + "'s%d.pdf', 'PDF', 10, '" + "0".repeat(64) + "', 'e1', TIMESTAMP '2025-03-02 00:00:00', %s)";
        assertEquals(1, update(attachment.formatted(300, "其他材料", 300, "'发明专利证书'")));
        assertEquals(1, update(attachment.formatted(301, "营业执照", 301, "NULL")));
        assertCheckViolated(attachment.formatted(302, "营业执照", 302, "'营业执照副本'"));
    }

    @Test
    void anAttachmentIsNotWithdrawnUnlessSaidAndItsStoredNameIsUnique() throws SQLException {
        insertDeclaration();
        String attachment = "INSERT INTO attachment (id, declaration_id, requirement, original_name, stored_name, "
                + "content_type, size_bytes, sha256, uploaded_by, uploaded_at%s) VALUES (%d, 100, '营业执照', 'a.pdf', '%s', "
                + "'PDF', 10, '" + "0".repeat(64) + "', 'e1', TIMESTAMP '2025-03-02 00:00:00'%s)";
        assertEquals(1, update(attachment.formatted("", 200, "s200.pdf", "")));
        assertEquals(0, queryLong("SELECT withdrawn FROM attachment WHERE id = 200"));
        assertEquals(1, update(attachment.formatted(", withdrawn", 201, "s201.pdf", ", 1")));
        assertEquals(1, queryLong("SELECT withdrawn FROM attachment WHERE id = 201"));
        assertCheckViolated(attachment.formatted(", withdrawn", 202, "s202.pdf", ", 2"));
        SQLException sameStoredName = assertThrows(SQLException.class, () -> update(attachment.formatted("", 203, "s200.pdf", "")));
        assertEquals("23505", sameStoredName.getSQLState(), sameStoredName.getMessage());

        assertEquals(1, update("INSERT INTO attachment_content (attachment_id, content) VALUES (200, X'255044462D')"));
        SQLException noAttachment = assertThrows(SQLException.class,
                () -> update("INSERT INTO attachment_content (attachment_id, content) VALUES (999, X'00')"));
        assertEquals("23506", noAttachment.getSQLState(), noAttachment.getMessage());
    }

    /** V017: one official notice per call, of a type the product serves, never empty; its content belongs to it. */
    @Test
    void aCallHasAtMostOneNoticeOfAKnownTypeWithContent() throws SQLException {
        insertProgramAndCall();
        String notice = "INSERT INTO call_notice (call_id, original_name, content_type, size_bytes, sha256, uploaded_by, "
                + "uploaded_at) VALUES (%d, '关于组织申报的通知.pdf', '%s', %d, '" + "0".repeat(64) + "', 'reviewer', "
                + "TIMESTAMP '2025-02-01 00:00:00')";
        assertCheckViolated(notice.formatted(10, "EXE", 10));
        assertCheckViolated(notice.formatted(10, "PDF", 0));
        assertEquals(1, update(notice.formatted(10, "PDF", 10)));
        SQLException second = assertThrows(SQLException.class, () -> update(notice.formatted(10, "PDF", 10)));
        assertEquals("23505", second.getSQLState(), second.getMessage());
        SQLException noCall = assertThrows(SQLException.class, () -> update(notice.formatted(99, "PDF", 10)));
        assertEquals("23506", noCall.getSQLState(), noCall.getMessage());
        assertEquals(1, update("INSERT INTO call_notice_content (call_id, content) VALUES (10, X'255044462D')"));
        SQLException noNotice = assertThrows(SQLException.class,
                () -> update("INSERT INTO call_notice_content (call_id, content) VALUES (99, X'00')"));
        assertEquals("23506", noNotice.getSQLState(), noNotice.getMessage());
    }

    @Test
    void aRevisionIsKeptOncePerNumber() throws SQLException {
        insertDeclaration();
        String revision = "INSERT INTO declaration_revision (declaration_id, revision, submitted_at, content) "
                + "VALUES (100, %d, TIMESTAMP '2025-03-03 00:00:00', '{}')";
        assertEquals(1, update(revision.formatted(1)));
        assertEquals(1, update(revision.formatted(2)));
        SQLException again = assertThrows(SQLException.class, () -> update(revision.formatted(1)));
        assertEquals("23505", again.getSQLState(), again.getMessage());
    }

    @Test
    void anIntegrityPeriodEndsOnOrAfterItsStart() throws SQLException {
        String record = "INSERT INTO integrity_record (id, subject_kind, subject_uscc, subject_name, reason, valid_from, "
                + "valid_until, created_by, created_at) VALUES (%d, '%s', '91110000802100433B', 'S', 'R', DATE '%s', "
                + "DATE '%s', 'admin', TIMESTAMP '2025-01-01 00:00:00')";
        assertEquals(1, update(record.formatted(1, "ENTERPRISE", "2025-01-01", "2025-12-31")));
        assertEquals(1, update(record.formatted(2, "AGENCY", "2025-06-01", "2025-06-01")));
        assertCheckViolated(record.formatted(3, "ENTERPRISE", "2025-06-02", "2025-06-01"));
        assertCheckViolated(record.formatted(4, "PERSON", "2025-01-01", "2025-12-31"));
        assertEquals(2, queryLong("SELECT COUNT(*) FROM integrity_record"));
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
        for (Class<?> type : new Class<?>[] {BaseEntity.class, ApiToken.class, Attachment.class,
                DeclarationTransition.class, org.innofund.evaluation.domain.AssignmentTransition.class}) {
            SequenceGenerator generator = type.getDeclaredField("id").getAnnotation(SequenceGenerator.class);
            assertEquals("innofund_seq", generator.sequenceName().toLowerCase(), type.getName());
            assertEquals(increment, generator.allocationSize(), type.getName());
        }
    }

    /** V012: an early end is recorded whole (day, who, why, when) or not at all, and never after the period's last day. */
    @Test
    void anIntegrityEntryEndsEarlyWithAllItsDetailsAndWithinItsPeriod() throws SQLException {
        String entry = "INSERT INTO integrity_record (id, subject_kind, subject_uscc, subject_name, reason, valid_from, "
                + "valid_until, created_by, created_at, ended_on, ended_by, end_reason, ended_at) VALUES (%d, 'ENTERPRISE', "
                + "'91330282MA2H00001M', 'S', 'R', DATE '2025-01-01', DATE '2025-12-31', 'admin', "
                + "TIMESTAMP '2025-01-01 00:00:00', %s)";
        String at = "TIMESTAMP '2025-06-01 02:00:00'";
        assertEquals(1, update(entry.formatted(1, "NULL, NULL, NULL, NULL")));
        assertEquals(1, update(entry.formatted(2, "DATE '2025-06-01', 'admin', '已整改', " + at)));
        assertEquals(1, update(entry.formatted(3, "DATE '2025-12-31', 'admin', '已整改', " + at)));
        assertCheckViolated(entry.formatted(4, "DATE '2025-06-01', NULL, '已整改', " + at));
        assertCheckViolated(entry.formatted(5, "DATE '2025-06-01', 'admin', NULL, " + at));
        assertCheckViolated(entry.formatted(6, "NULL, 'admin', '已整改', " + at));
        assertCheckViolated(entry.formatted(7, "DATE '2025-06-01', 'admin', '已整改', NULL"));
        assertCheckViolated(entry.formatted(8, "DATE '2026-01-01', 'admin', '已整改', " + at));
    }

    /** V011: a user's department is optional and holds a department's name. */
    @Test
    void aUserMayHaveADepartment() throws SQLException {
        insertOrganisation(1, "BUREAU", null);
        String user = "INSERT INTO user_account (id, username, display_name, password_hash, organisation_id, created_at, "
                + "department) VALUES (%d, 'u%d', 'U', 'H', 1, TIMESTAMP '2025-01-01 00:00:00', %s)";
        assertEquals(1, update(user.formatted(10, 10, "NULL")));
        assertEquals(1, update(user.formatted(11, 11, "'" + "科".repeat(100) + "'")));
        assertThrows(SQLException.class, () -> update(user.formatted(12, 12, "'" + "科".repeat(101) + "'")));
    }

    /** V020: an assignment's stage and state are known ones, and its conflict declaration is whole or absent. */
    @Test
    void anAssignmentHasAKnownStageAndStateAndAWholeConflictDeclaration() throws SQLException {
        insertDeclaration();
        insertOrganisation(3, "AGENCY", "91330100MA27Y0000X");
        String assignment = "INSERT INTO evaluation_assignment (id, declaration_id, enterprise_id, agency_id, enterprise_name, stage, state, "
                + "due_on, assigned_by, live_key, conflict, conflict_statement, conflict_reason, conflict_declared_by, "
                + "conflict_declared_at, created_at) VALUES (%d, 100, 2, 3, 'E', '%s', '%s', DATE '2025-06-30', 'reviewer', %s, "
                + "%s, TIMESTAMP '2025-05-01 00:00:00')";
        String none = "NULL, NULL, NULL, NULL, NULL";
        String at = "TIMESTAMP '2025-05-02 00:00:00'";
        assertEquals(1, update(assignment.formatted(1, "APPROVAL", "OFFERED", "'100:APPROVAL'", none)));
        assertEquals(1, update(assignment.formatted(2, "MIDTERM", "IN_EVALUATION", "'100:MIDTERM'",
                "0, '本机构承诺', NULL, 'agency1', " + at)));
        assertEquals(1, update(assignment.formatted(3, "ACCEPTANCE", "CONFLICT_DECLARED", "'100:ACCEPTANCE'",
                "1, NULL, '曾提供咨询', 'agency1', " + at)));
        assertCheckViolated(assignment.formatted(4, "LOTTERY", "OFFERED", "'100:LOTTERY'", none));
        assertCheckViolated(assignment.formatted(5, "PERFORMANCE", "DONE", "'100:PERFORMANCE'", none));
        assertCheckViolated(assignment.formatted(6, "PERFORMANCE", "IN_EVALUATION", "'100:PERFORMANCE'",
                "0, NULL, NULL, 'agency1', " + at));                     // no statement confirmed
        assertCheckViolated(assignment.formatted(7, "PERFORMANCE", "CONFLICT_DECLARED", "'100:PERFORMANCE'",
                "1, NULL, NULL, 'agency1', " + at));                     // a conflict without its reason
        assertCheckViolated(assignment.formatted(8, "PERFORMANCE", "IN_EVALUATION", "'100:PERFORMANCE'",
                "0, '本机构承诺', NULL, NULL, " + at));                  // nobody declared it
        assertCheckViolated(assignment.formatted(9, "PERFORMANCE", "OFFERED", "'100:PERFORMANCE'",
                "2, NULL, '?', 'agency1', " + at));
        assertEquals(3, queryLong("SELECT COUNT(*) FROM evaluation_assignment"));

        String transition = "INSERT INTO assignment_transition (id, assignment_id, from_state, to_state, actor, occurred_at) "
                + "VALUES (%d, %d, %s, '%s', 'reviewer', TIMESTAMP '2025-05-01 00:00:00')";
        assertEquals(1, update(transition.formatted(10, 1, "NULL", "OFFERED")));
        assertCheckViolated(transition.formatted(11, 1, "'OFFERED'", "LOST"));
        assertCheckViolated(transition.formatted(12, 1, "'NOWHERE'", "OFFERED"));
        SQLException noAssignment = assertThrows(SQLException.class, () -> update(transition.formatted(13, 999, "NULL", "OFFERED")));
        assertEquals("23506", noAssignment.getSQLState(), noAssignment.getMessage());
    }

    /**
     * V020: one open assignment per declaration and stage. The live key is the declaration and stage while open and
     * NULL once reassigned, so any number of closed ones stay in the history, and a second open one is refused.
     */
    @Test
    void aDeclarationHasOneOpenAssignmentPerStage() throws SQLException {
        insertDeclaration();
        insertOrganisation(3, "AGENCY", "91330100MA27Y0000X");
        String assignment = "INSERT INTO evaluation_assignment (id, declaration_id, enterprise_id, agency_id, enterprise_name, stage, state, "
                + "due_on, assigned_by, live_key, created_at) VALUES (%d, 100, 2, 3, 'E', '%s', '%s', DATE '2025-06-30', "
                + "'reviewer', %s, TIMESTAMP '2025-05-01 00:00:00')";
        assertEquals(1, update(assignment.formatted(1, "APPROVAL", "REASSIGNED", "NULL")));
        assertEquals(1, update(assignment.formatted(2, "APPROVAL", "REASSIGNED", "NULL")));
        assertEquals(1, update(assignment.formatted(3, "APPROVAL", "OFFERED", "'100:APPROVAL'")));
        assertEquals(1, update(assignment.formatted(4, "MIDTERM", "OFFERED", "'100:MIDTERM'")));
        SQLException second = assertThrows(SQLException.class,
                () -> update(assignment.formatted(5, "APPROVAL", "OFFERED", "'100:APPROVAL'")));
        assertEquals("23505", second.getSQLState(), second.getMessage());
        // the key follows the state: an open one without it, a closed one keeping it, or another declaration's key
        assertCheckViolated(assignment.formatted(6, "PERFORMANCE", "OFFERED", "NULL"));
        assertCheckViolated(assignment.formatted(7, "PERFORMANCE", "REASSIGNED", "'100:PERFORMANCE'"));
        assertCheckViolated(assignment.formatted(8, "PERFORMANCE", "OFFERED", "'101:PERFORMANCE'"));
        assertCheckViolated("UPDATE evaluation_assignment SET state = 'REASSIGNED' WHERE id = 3");
        assertEquals(1, update("UPDATE evaluation_assignment SET state = 'REASSIGNED', live_key = NULL WHERE id = 3"));
        assertEquals(1, update(assignment.formatted(9, "APPROVAL", "OFFERED", "'100:APPROVAL'")));
    }

    /** V020: an agency is suspended with a reason or not at all; ties and covered fields are of known kinds. */
    @Test
    void anAgencyProfileAndItsTiesAreChecked() throws SQLException {
        insertOrganisation(2, "ENTERPRISE", "91110000802100433B");
        insertOrganisation(3, "AGENCY", "91330100MA27Y0000X");
        insertOrganisation(4, "AGENCY", null);
        insertOrganisation(5, "AGENCY", null);
        String agency = "INSERT INTO evaluation_agency (organisation_id, qualification, suspended, suspension_reason, "
                + "created_at) VALUES (%d, '甲级', %d, %s, TIMESTAMP '2025-01-01 00:00:00')";
        assertEquals(1, update(agency.formatted(3, 0, "NULL")));
        assertEquals(1, update(agency.formatted(4, 1, "'报告质量不合格'")));
        assertCheckViolated(agency.formatted(5, 1, "NULL"));
        assertCheckViolated(agency.formatted(5, 0, "'?'"));
        assertCheckViolated(agency.formatted(5, 2, "'?'"));
        String field = "INSERT INTO evaluation_agency_field (organisation_id, field) VALUES (3, '%s')";
        assertEquals(1, update(field.formatted("AUTOMOTIVE")));
        assertCheckViolated(field.formatted("ASTROLOGY"));

        String tie = "INSERT INTO agency_relationship (id, agency_id, enterprise_id, kind, source, since, recorded_by, "
                + "created_at) VALUES (%d, 3, %d, '%s', '工商登记', DATE '2024-01-01', 'reviewer', TIMESTAMP '2025-01-01 00:00:00')";
        assertEquals(1, update(tie.formatted(1, 2, "SHAREHOLDING")));
        assertEquals(1, update(tie.formatted(2, 2, "CONSULTING_CONTRACT")));
        assertCheckViolated(tie.formatted(3, 2, "FRIENDSHIP"));
        SQLException noEnterprise = assertThrows(SQLException.class, () -> update(tie.formatted(4, 999, "SHAREHOLDING")));
        assertEquals("23506", noEnterprise.getSQLState(), noEnterprise.getMessage());
    }

    /** V021: existing calls get their kind's default stages; a stage is a known one, once per call. */
    @Test
    void callsMadeBeforeStagesGetTheirKindsDefault() throws SQLException {
        upgrade("20", s -> {
            s.executeUpdate("INSERT INTO program (id, name, subsidy_kind, department, created_at) VALUES "
                    + "(1, 'p', 'PRE_APPROVED', 'd', TIMESTAMP '2025-01-01 00:00:00')");
            s.executeUpdate("INSERT INTO program (id, name, subsidy_kind, department, created_at) VALUES "
                    + "(2, 'r', 'RD_INVESTMENT', 'd', TIMESTAMP '2025-01-01 00:00:00')");
            String call = "INSERT INTO funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, "
                    + "created_at, created_by) VALUES (%d, %d, 'T', 2025, TIMESTAMP '2025-03-01 01:00:00', "
                    + "TIMESTAMP '2025-04-30 09:00:00', 100, 'PUBLISHED', TIMESTAMP '2025-01-01 00:00:00', 'reviewer')";
            s.executeUpdate(call.formatted(10, 1));
            s.executeUpdate(call.formatted(11, 2));
        }, s -> {
            try (ResultSet rs = s.executeQuery("SELECT call_id || ':' || stage FROM call_evaluation_stage ORDER BY call_id, stage")) {
                List<String> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                assertEquals(List.of("10:ACCEPTANCE", "10:APPROVAL", "10:MIDTERM", "11:APPROVAL"), rows);
            }
            try (ResultSet rs = s.executeQuery("SELECT consolidated_sheet FROM funding_call WHERE id = 10")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
            }
            SQLException twice = assertThrows(SQLException.class,
                    () -> s.executeUpdate("INSERT INTO call_evaluation_stage (call_id, stage) VALUES (11, 'APPROVAL')"));
            assertEquals("23505", twice.getSQLState(), twice.getMessage());
            SQLException unknown = assertThrows(SQLException.class,
                    () -> s.executeUpdate("INSERT INTO call_evaluation_stage (call_id, stage) VALUES (11, 'LOTTERY')"));
            assertEquals(CHECK_VIOLATION, unknown.getSQLState(), unknown.getMessage());
            SQLException flag = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE funding_call SET consolidated_sheet = 2 WHERE id = 10"));
            assertEquals(CHECK_VIOLATION, flag.getSQLState(), flag.getMessage());
        });
    }

    private void insertClearedAssignment() throws SQLException {
        insertDeclaration();
        insertOrganisation(3, "AGENCY", "91330100MA27Y0000X");
        update("INSERT INTO evaluation_assignment (id, declaration_id, enterprise_id, agency_id, enterprise_name, stage, state, "
                + "due_on, assigned_by, live_key, created_at) VALUES (1, 100, 2, 3, 'E', 'APPROVAL', 'SUBMITTED', "
                + "DATE '2025-06-30', 'reviewer', '100:APPROVAL', TIMESTAMP '2025-05-01 00:00:00')");
    }

    private static final String EVALUATION = "INSERT INTO evaluation (id, assignment_id, version_no, state, total, grade, "
            + "verdict, recommended_amount, report_name, report_size, report_sha256, report_uploaded_by, report_uploaded_at, "
            + "submitted_by, submitted_at, correction_reason, correction_allowed_by, correction_allowed_at, created_at) "
            + "VALUES (%d, 1, %d, '%s', %s, %s, %s, %s, %s, %s, %s, TIMESTAMP '2025-05-03 00:00:00')";
    private static final String REPORT = "'r.pdf', 10, 'ab', 'agency1', TIMESTAMP '2025-05-02 00:00:00'";
    private static final String NO_REPORT = "NULL, NULL, NULL, NULL, NULL";
    private static final String SUBMITTED = "'agency1', TIMESTAMP '2025-05-03 00:00:00'";
    private static final String NOT_SUBMITTED = "NULL, NULL";
    private static final String NO_CORRECTION = "NULL, NULL, NULL";
    private static final String CORRECTION = "'专家姓名有误', 'reviewer', TIMESTAMP '2025-05-04 00:00:00'";

    /** V021: an evaluation's state, grade and verdict are known ones; a submitted one is whole; versions count from 1. */
    @Test
    void anEvaluationVersionIsWholeWhenSubmittedAndSaysWhyItExists() throws SQLException {
        insertClearedAssignment();
        assertEquals(1, update(EVALUATION.formatted(1, 1, "SUBMITTED", "86.33", "'GOOD'", "'RECOMMEND'", "250000",
                REPORT, SUBMITTED, NO_CORRECTION)));
        assertEquals(1, update(EVALUATION.formatted(2, 2, "DRAFT", "NULL", "NULL", "NULL", "NULL", NO_REPORT,
                NOT_SUBMITTED, CORRECTION)));
        SQLException sameVersion = assertThrows(SQLException.class, () -> update(EVALUATION.formatted(3, 2, "DRAFT", "NULL",
                "NULL", "NULL", "NULL", NO_REPORT, NOT_SUBMITTED, CORRECTION)));
        assertEquals("23505", sameVersion.getSQLState(), sameVersion.getMessage());
        assertCheckViolated(EVALUATION.formatted(4, 3, "FINAL", "NULL", "NULL", "NULL", "NULL", NO_REPORT, NOT_SUBMITTED, CORRECTION));
        assertCheckViolated(EVALUATION.formatted(4, 3, "DRAFT", "NULL", "'SUPERB'", "NULL", "NULL", NO_REPORT, NOT_SUBMITTED, CORRECTION));
        assertCheckViolated(EVALUATION.formatted(4, 3, "DRAFT", "NULL", "NULL", "'MAYBE'", "NULL", NO_REPORT, NOT_SUBMITTED, CORRECTION));
        assertCheckViolated(EVALUATION.formatted(4, 3, "DRAFT", "100.01", "NULL", "NULL", "NULL", NO_REPORT, NOT_SUBMITTED, CORRECTION));
        assertCheckViolated(EVALUATION.formatted(4, 3, "DRAFT", "NULL", "NULL", "NULL", "-1", NO_REPORT, NOT_SUBMITTED, CORRECTION));
        // submitted without its report, total or who; a draft claiming a submitter
        assertCheckViolated(EVALUATION.formatted(4, 3, "SUBMITTED", "86", "'GOOD'", "'RECOMMEND'", "NULL", NO_REPORT, SUBMITTED, CORRECTION));
        assertCheckViolated(EVALUATION.formatted(4, 3, "SUBMITTED", "NULL", "'GOOD'", "'RECOMMEND'", "NULL", REPORT, SUBMITTED, CORRECTION));
        assertCheckViolated(EVALUATION.formatted(4, 3, "SUBMITTED", "86", "'GOOD'", "'RECOMMEND'", "NULL", REPORT, NOT_SUBMITTED, CORRECTION));
        assertCheckViolated(EVALUATION.formatted(4, 3, "DRAFT", "NULL", "NULL", "NULL", "NULL", NO_REPORT, SUBMITTED, CORRECTION));
        // half a report; a later version without its correction, a first one with one; version 0
        assertCheckViolated(EVALUATION.formatted(4, 3, "DRAFT", "NULL", "NULL", "NULL", "NULL",
                "'r.pdf', NULL, 'ab', 'agency1', TIMESTAMP '2025-05-02 00:00:00'", NOT_SUBMITTED, CORRECTION));
        assertCheckViolated(EVALUATION.formatted(4, 3, "DRAFT", "NULL", "NULL", "NULL", "NULL", NO_REPORT, NOT_SUBMITTED, NO_CORRECTION));
        assertCheckViolated(EVALUATION.formatted(4, 0, "DRAFT", "NULL", "NULL", "NULL", "NULL", NO_REPORT, NOT_SUBMITTED, NO_CORRECTION));
        assertEquals(2, queryLong("SELECT COUNT(*) FROM evaluation"));

        String sheet = "INSERT INTO evaluation_sheet (id, evaluation_id, position, expert_name, dropped, dispersed) "
                + "VALUES (%d, %d, %d, '甲', %d, %d)";
        assertEquals(1, update(sheet.formatted(10, 1, 0, 1, 1)));
        assertCheckViolated(sheet.formatted(11, 1, 1, 2, 0));
        assertCheckViolated(sheet.formatted(11, 1, 1, 0, 2));
        assertCheckViolated(sheet.formatted(11, 1, 15, 0, 0));
        SQLException samePosition = assertThrows(SQLException.class, () -> update(sheet.formatted(11, 1, 0, 0, 0)));
        assertEquals("23505", samePosition.getSQLState(), samePosition.getMessage());
        String score = "INSERT INTO evaluation_score (sheet_id, indicator, score) VALUES (10, %d, %s)";
        assertEquals(1, update(score.formatted(0, "22.5")));
        assertEquals(1, update(score.formatted(1, "NULL")));
        assertCheckViolated(score.formatted(2, "-0.1"));
        assertCheckViolated(score.formatted(-1, "1"));
        SQLException noSheet = assertThrows(SQLException.class,
                () -> update("INSERT INTO evaluation_score (sheet_id, indicator, score) VALUES (999, 0, 1)"));
        assertEquals("23506", noSheet.getSQLState(), noSheet.getMessage());
    }

    private static final String TS = "TIMESTAMP '2025-06-01 00:00:00'";
    private static final String APPROVAL_LIST = "INSERT INTO approval_list (id, call_id, version_no, state, budget, "
            + "prepared_by, submitted_by, submitted_at, decided_by, decided_at, decision_reason, revises_id, live_call_id, "
            + "created_at) VALUES (%d, 10, %d, '%s', 1000000, 'reviewer', %s, %s, %s, %s, " + TS + ")";
    private static final String LIST_SUBMITTED = "'reviewer', " + TS;
    private static final String LIST_NOT_DECIDED = "NULL, NULL, NULL";

    /**
     * V022: an approval list's versions: one live per call (a returned one steps aside), submitted and decided whole,
     * never decided by its preparer, a later version naming the one it revises.
     */
    @Test
    void anApprovalListKeepsItsVersionsAndFourEyes() throws SQLException {
        insertProgramAndCall();
        assertEquals(1, update(APPROVAL_LIST.formatted(1, 1, "RETURNED", LIST_SUBMITTED,
                "'approver', " + TS + ", '请压缩金额'", "NULL", "NULL")));
        assertEquals(1, update(APPROVAL_LIST.formatted(2, 2, "SUBMITTED", LIST_SUBMITTED, LIST_NOT_DECIDED, "1", "10")));
        SQLException secondLive = assertThrows(SQLException.class, () -> update(APPROVAL_LIST.formatted(3, 3, "DRAFT",
                "NULL, NULL", LIST_NOT_DECIDED, "2", "10")));
        assertEquals("23505", secondLive.getSQLState(), secondLive.getMessage());
        assertCheckViolated(APPROVAL_LIST.formatted(3, 3, "LOST", "NULL, NULL", LIST_NOT_DECIDED, "2", "NULL"));
        assertCheckViolated(APPROVAL_LIST.formatted(3, 3, "RETURNED", LIST_SUBMITTED,       // returned without a reason
                "'approver', " + TS + ", NULL", "2", "NULL"));
        assertCheckViolated(APPROVAL_LIST.formatted(3, 3, "RETURNED", LIST_SUBMITTED,       // returned but still live
                "'approver', " + TS + ", '理由'", "2", "10"));
        assertCheckViolated(APPROVAL_LIST.formatted(3, 3, "DRAFT", LIST_SUBMITTED, LIST_NOT_DECIDED, "2", "NULL"));
        assertCheckViolated(APPROVAL_LIST.formatted(3, 3, "RETURNED", "NULL, NULL",         // never submitted
                "'approver', " + TS + ", '理由'", "2", "NULL"));
        assertCheckViolated(APPROVAL_LIST.formatted(3, 3, "RETURNED", LIST_SUBMITTED,       // decided by its preparer
                "'reviewer', " + TS + ", '理由'", "2", "NULL"));
        assertCheckViolated(APPROVAL_LIST.formatted(3, 3, "RETURNED", LIST_SUBMITTED,       // revising nothing
                "'approver', " + TS + ", '理由'", "NULL", "NULL"));
        assertCheckViolated(APPROVAL_LIST.formatted(3, 0, "RETURNED", LIST_SUBMITTED,
                "'approver', " + TS + ", '理由'", "NULL", "NULL"));
        assertCheckViolated("UPDATE approval_list SET state = 'APPROVED', decided_by = 'reviewer', decided_at = " + TS
                + " WHERE id = 2");
        assertEquals(1, update("UPDATE approval_list SET state = 'APPROVED', decided_by = 'approver', decided_at = " + TS
                + " WHERE id = 2"));
    }

    /**
     * V022: a line is proposed with an amount above zero and no reason, or not proposed with a reason and no amount;
     * a project of a post-subsidy kind never goes past PUBLICIZED; one project per declaration.
     */
    @Test
    void anApprovalLineAndItsProjectAreChecked() throws SQLException {
        insertClearedAssignment();
        assertEquals(1, update(EVALUATION.formatted(1, 1, "SUBMITTED", "86.33", "'GOOD'", "'RECOMMEND'", "250000",
                REPORT, SUBMITTED, NO_CORRECTION)));
        assertEquals(1, update(APPROVAL_LIST.formatted(1, 1, "APPROVED", LIST_SUBMITTED,
                "'approver', " + TS + ", NULL", "NULL", "10")));
        String line = "INSERT INTO approval_list_line (list_id, position, declaration_id, enterprise_id, enterprise_name, "
                + "project_name, declaration_submitted_at, requested_amount, evaluation_id, score, grade, verdict, "
                + "recommended_amount, dispersed_sheets, blacklisted, proposed, approved_amount, reason) VALUES (1, %d, 100, "
                + "2, 'E', 'P', " + TS + ", 300000, 1, 86.33, '%s', '%s', 250000, 0, 0, %s)";
        assertCheckViolated(line.formatted(0, "GOOD", "RECOMMEND", "1, 0, NULL"));
        assertCheckViolated(line.formatted(0, "GOOD", "RECOMMEND", "1, NULL, NULL"));
        assertCheckViolated(line.formatted(0, "GOOD", "RECOMMEND", "1, 1, '理由'"));
        assertCheckViolated(line.formatted(0, "GOOD", "RECOMMEND", "0, NULL, NULL"));
        assertCheckViolated(line.formatted(0, "GOOD", "RECOMMEND", "0, 1, '理由'"));
        assertCheckViolated(line.formatted(0, "GOOD", "RECOMMEND", "2, 1, NULL"));
        assertCheckViolated(line.formatted(0, "GOOD", "ON_TRACK", "1, 1, NULL"));
        assertCheckViolated(line.formatted(0, "SUPERB", "RECOMMEND", "1, 1, NULL"));
        assertCheckViolated(line.formatted(-1, "GOOD", "RECOMMEND", "1, 1, NULL"));
        assertEquals(1, update(line.formatted(0, "GOOD", "RECOMMEND", "1, 250000, NULL")));
        SQLException twice = assertThrows(SQLException.class,
                () -> update(line.formatted(1, "GOOD", "RECOMMEND", "0, NULL, '重复'")));
        assertEquals("23505", twice.getSQLState(), twice.getMessage());

        String project = "INSERT INTO project (id, declaration_id, call_id, enterprise_id, approval_list_id, subsidy_kind, "
                + "enterprise_name, project_name, field, approved_amount, agency_grade, agency_score, state, created_at) "
                + "VALUES (%d, 100, 10, 2, 1, '%s', 'E', 'P', 'NEW_MATERIALS', %s, 'GOOD', 86.33, '%s', " + TS + ")";
        assertCheckViolated(project.formatted(1, "RD_INVESTMENT", "250000", "CONTRACTED"));
        assertCheckViolated(project.formatted(1, "PRE_APPROVED", "0", "APPROVED"));
        assertCheckViolated(project.formatted(1, "PRE_APPROVED", "250000", "DONE"));
        assertCheckViolated(project.formatted(1, "LOTTERY", "250000", "APPROVED"));
        assertEquals(1, update(project.formatted(1, "RD_INVESTMENT", "250000", "PUBLICIZED")));
        SQLException second = assertThrows(SQLException.class,
                () -> update(project.formatted(2, "PRE_APPROVED", "250000", "APPROVED")));
        assertEquals("23505", second.getSQLState(), second.getMessage());
        assertCheckViolated("UPDATE project SET state = 'IN_PROGRESS' WHERE id = 1");

        String transition = "INSERT INTO project_transition (id, project_id, from_state, to_state, actor, occurred_at) "
                + "VALUES (%d, %d, %s, '%s', 'approver', " + TS + ")";
        assertEquals(1, update(transition.formatted(10, 1, "NULL", "APPROVED")));
        assertEquals(1, update(transition.formatted(11, 1, "'APPROVED'", "PUBLICIZED")));
        assertCheckViolated(transition.formatted(12, 1, "'APPROVED'", "LOST"));
        assertCheckViolated(transition.formatted(13, 1, "'NOWHERE'", "APPROVED"));
        SQLException noProject = assertThrows(SQLException.class, () -> update(transition.formatted(14, 999, "NULL", "APPROVED")));
        assertEquals("23506", noProject.getSQLState(), noProject.getMessage());
    }

    /**
     * V023: one notice per list, a whole period of 1 to 30 days ending after it starts, ended only with its time; an
     * objection to a project whose answer comes whole (reason, who, when) with DISMISSED or UPHELD and not before.
     */
    @Test
    void aNoticeEndsWholeAndAnObjectionIsAnsweredWhole() throws SQLException {
        insertDeclaration();
        assertEquals(1, update(APPROVAL_LIST.formatted(1, 1, "SUBMITTED", LIST_SUBMITTED, LIST_NOT_DECIDED, "NULL", "10")));
        assertEquals(1, update("UPDATE approval_list SET state = 'APPROVED', decided_by = 'approver', decided_at = " + TS
                + " WHERE id = 1"));
        assertEquals(1, update("INSERT INTO project (id, declaration_id, call_id, enterprise_id, approval_list_id, subsidy_kind, "
                + "enterprise_name, project_name, field, approved_amount, agency_grade, agency_score, state, created_at) "
                + "VALUES (5, 100, 10, 2, 1, 'PRE_APPROVED', 'E', 'P', 'NEW_MATERIALS', 250000, 'GOOD', 86.33, 'APPROVED', " + TS + ")"));
        String notice = "INSERT INTO public_notice (id, approval_list_id, call_id, call_title, period_days, ends_at, state, "
                + "ended_at, created_at) VALUES (%d, %d, 10, 'T', %d, %s, '%s', %s, " + TS + ")";
        String end = "TIMESTAMP '2025-06-09 00:00:00'";
        assertCheckViolated(notice.formatted(20, 1, 0, end, "IN_PERIOD", "NULL"));
        assertCheckViolated(notice.formatted(20, 1, 31, end, "IN_PERIOD", "NULL"));
        assertCheckViolated(notice.formatted(20, 1, 7, TS, "IN_PERIOD", "NULL"));             // ends as it starts
        assertCheckViolated(notice.formatted(20, 1, 7, end, "ENDED", "NULL"));                // ended, but when?
        assertCheckViolated(notice.formatted(20, 1, 7, end, "IN_PERIOD", end));
        assertCheckViolated(notice.formatted(20, 1, 7, end, "OVER", "NULL"));
        assertEquals(1, update(notice.formatted(20, 1, 7, end, "IN_PERIOD", "NULL")));
        SQLException secondNotice = assertThrows(SQLException.class, () -> update(notice.formatted(21, 1, 7, end, "IN_PERIOD", "NULL")));
        assertEquals("23505", secondNotice.getSQLState(), secondNotice.getMessage());
        SQLException noList = assertThrows(SQLException.class, () -> update(notice.formatted(21, 999, 7, end, "IN_PERIOD", "NULL")));
        assertEquals("23506", noList.getSQLState(), noList.getMessage());
        assertEquals(1, update("UPDATE public_notice SET state = 'ENDED', ended_at = " + end + " WHERE id = 20 AND state = 'IN_PERIOD'"));

        String objection = "INSERT INTO objection (id, notice_id, project_id, objector_name, contact, objection_text, "
                + "client_address, state, answer, answered_by, answered_at, created_at) VALUES (%d, 20, %d, '张三', '138', "
                + "'理由十个字以上的异议', '127.0.0.1', '%s', %s, " + TS + ")";
        String answered = "'经核实', 'reviewer', " + end;
        assertEquals(1, update(objection.formatted(30, 5, "OPEN", "NULL, NULL, NULL")));
        assertEquals(1, update(objection.formatted(31, 5, "DISMISSED", answered)));
        assertEquals(1, update(objection.formatted(32, 5, "UPHELD", answered)));
        assertCheckViolated(objection.formatted(33, 5, "UPHELD", "NULL, 'reviewer', " + end));   // no reason
        assertCheckViolated(objection.formatted(33, 5, "DISMISSED", "'经核实', NULL, " + end));  // nobody answered
        assertCheckViolated(objection.formatted(33, 5, "OPEN", answered));                     // answered yet open
        assertCheckViolated(objection.formatted(33, 5, "WITHDRAWN", answered));
        SQLException noProject = assertThrows(SQLException.class, () -> update(objection.formatted(33, 999, "OPEN", "NULL, NULL, NULL")));
        assertEquals("23506", noProject.getSQLState(), noProject.getMessage());
    }

    /** V024: an agreement's state is a known one, signed exactly when it has a version; one agreement per project. */
    @Test
    void aTaskAgreementHasAKnownStateAndAVersionOnceSigned() throws SQLException {
        for (long project = 500; project <= 504; project++) {
            insertProject(project);
        }
        String agreement = "INSERT INTO task_agreement (id, project_id, enterprise_id, approved_amount, state, content, "
                + "version_no, created_at) VALUES (%d, %d, 2, 300000.00, '%s', '{}', %d, TIMESTAMP '2027-01-05 00:00:00')";
        assertEquals(1, update(agreement.formatted(1, 500, "DRAFT", 0)));
        assertEquals(1, update(agreement.formatted(2, 501, "SIGNED", 1)));
        assertCheckViolated(agreement.formatted(3, 502, "SIGNED", 0));
        assertCheckViolated(agreement.formatted(4, 503, "SUBMITTED", 1));
        assertCheckViolated(agreement.formatted(5, 504, "CONTRACTED", 0));
        SQLException twice = assertThrows(SQLException.class, () -> update(agreement.formatted(6, 500, "DRAFT", 0)));
        assertEquals("23505", twice.getSQLState(), twice.getMessage());

        String transition = "INSERT INTO task_agreement_transition (id, agreement_id, from_state, to_state, actor, occurred_at) "
                + "VALUES (%d, 1, %s, '%s', 'enterprise1', TIMESTAMP '2027-01-05 00:00:00')";
        assertEquals(1, update(transition.formatted(10, "NULL", "DRAFT")));
        assertCheckViolated(transition.formatted(11, "'DRAFT'", "LOST"));
        assertCheckViolated(transition.formatted(12, "'NOWHERE'", "DRAFT"));

        String version = "INSERT INTO task_agreement_version (id, agreement_id, version_no, content, created_by, created_at) "
                + "VALUES (%d, 2, %d, '{}', 'enterprise1', TIMESTAMP '2027-01-05 00:00:00')";
        assertEquals(1, update(version.formatted(20, 1)));
        assertCheckViolated(version.formatted(21, 0));
        SQLException sameVersion = assertThrows(SQLException.class, () -> update(version.formatted(22, 1)));
        assertEquals("23505", sameVersion.getSQLState(), sameVersion.getMessage());
    }

    /** V024: a change request is of a known kind, decided whole, and only one is open per agreement. */
    @Test
    void aChangeRequestIsDecidedWholeAndOneIsOpenPerAgreement() throws SQLException {
        insertProject(500);
        update("INSERT INTO task_agreement (id, project_id, enterprise_id, approved_amount, state, content, version_no, "
                + "created_at) VALUES (1, 500, 2, 300000.00, 'SIGNED', '{}', 1, TIMESTAMP '2027-01-05 00:00:00')");
        String change = "INSERT INTO project_change_request (id, agreement_id, project_id, kind, reason, proposed, "
                + "base_version_no, state, open_key, requested_by, decided_by, decided_at, decision_reason, created_at) "
                + "VALUES (%d, 1, 500, '%s', '延期', '{}', 1, '%s', %s, 'enterprise1', %s, TIMESTAMP '2027-02-01 00:00:00')";
        String undecided = "NULL, NULL, NULL";
        String decided = "'reviewer', TIMESTAMP '2027-02-02 00:00:00', ";
        assertEquals(1, update(change.formatted(1, "PERIOD_EXTENDED", "APPROVED", "NULL", decided + "NULL")));
        assertEquals(1, update(change.formatted(2, "BUDGET_MOVED", "REJECTED", "NULL", decided + "'不合理'")));
        assertEquals(1, update(change.formatted(3, "TARGET_CHANGED", "REQUESTED", "1", undecided)));
        SQLException secondOpen = assertThrows(SQLException.class,
                () -> update(change.formatted(4, "TARGET_CHANGED", "REQUESTED", "1", undecided)));
        assertEquals("23505", secondOpen.getSQLState(), secondOpen.getMessage());
        assertCheckViolated(change.formatted(5, "NEW_NAME", "APPROVED", "NULL", decided + "NULL"));
        assertCheckViolated(change.formatted(6, "BUDGET_MOVED", "PENDING", "NULL", decided + "NULL"));
        assertCheckViolated(change.formatted(7, "BUDGET_MOVED", "REJECTED", "NULL", decided + "NULL"));  // no reason
        assertCheckViolated(change.formatted(8, "BUDGET_MOVED", "APPROVED", "1", decided + "NULL"));     // still open
        assertCheckViolated(change.formatted(9, "BUDGET_MOVED", "APPROVED", "NULL", undecided));          // by nobody
        assertCheckViolated(change.formatted(10, "BUDGET_MOVED", "REQUESTED", "NULL", undecided));        // open, no key

        String report = "INSERT INTO progress_report (id, agreement_id, project_id, milestone_no, milestone_title, text, "
                + "submitted_by, created_at) VALUES (%d, 1, 500, %d, '样机', '完成', 'enterprise1', TIMESTAMP '2027-06-01 00:00:00')";
        assertEquals(1, update(report.formatted(20, 1)));
        assertCheckViolated(report.formatted(21, 0));
        SQLException sameMilestone = assertThrows(SQLException.class, () -> update(report.formatted(22, 1)));
        assertEquals("23505", sameMilestone.getSQLState(), sameMilestone.getMessage());
    }

    /** A PUBLICIZED project of declaration {@code id - 400} (an approved list of call 10 for the first). */
    private void insertProject(long id) throws SQLException {
        if (id == 500) {
            insertDeclaration();
            update("INSERT INTO approval_list (id, call_id, version_no, state, budget, prepared_by, live_call_id, created_at)"
                    + " VALUES (200, 10, 1, 'DRAFT', 1000000.00, 'reviewer', 10, TIMESTAMP '2026-12-01 00:00:00')");
        } else {
            update(declaration(id - 400, "ACCEPTED"));
        }
        update("INSERT INTO project (id, declaration_id, call_id, enterprise_id, approval_list_id, subsidy_kind,"
                + " enterprise_name, approved_amount, agency_grade, agency_score, state, created_at) VALUES (" + id + ", "
                + (id - 400) + ", 10, 2, 200, 'PRE_APPROVED', 'E', 300000.00, 'GOOD', 85.00, 'PUBLICIZED',"
                + " TIMESTAMP '2026-12-10 00:00:00')");
    }

    /** V024: the acceptance result is whole (grade and audited spend) and only on an accepted or failed project. */
    @Test
    void aProjectKeepsItsAcceptanceResultOnlyOnceAccepted() throws SQLException {
        insertProject(500);
        insertProject(501);
        assertEquals(1, update("UPDATE project SET state = 'ACCEPTED_DONE', acceptance_grade = 'GOOD',"
                + " audited_spend = 800000.00 WHERE id = 500"));
        assertCheckViolated("UPDATE project SET acceptance_grade = 'GOOD', audited_spend = 1.00 WHERE id = 501");
        assertCheckViolated("UPDATE project SET state = 'FAILED', acceptance_grade = 'FAIL' WHERE id = 501");
        assertCheckViolated("UPDATE project SET state = 'FAILED', acceptance_grade = 'SUPER', audited_spend = 1 WHERE id = 501");
    }

    /** V025: a progress report holds at most five files, numbered once each, none empty. */
    @Test
    void aProgressReportHoldsAtMostFiveNumberedFiles() throws SQLException {
        insertProject(500);
        update("INSERT INTO task_agreement (id, project_id, enterprise_id, approved_amount, state, content, version_no, "
                + "created_at) VALUES (1, 500, 2, 300000.00, 'SIGNED', '{}', 1, TIMESTAMP '2027-01-05 00:00:00')");
        update("INSERT INTO progress_report (id, agreement_id, project_id, milestone_no, milestone_title, text, submitted_by,"
                + " created_at) VALUES (20, 1, 500, 1, '样机', '完成', 'enterprise1', TIMESTAMP '2027-06-01 00:00:00')");
        String file = "INSERT INTO progress_report_file (id, report_id, project_id, file_no, name, size_bytes, sha256, "
                + "uploaded_by, created_at) VALUES (%d, 20, 500, %d, '测试报告.pdf', %d, 'ab', 'enterprise1', "
                + "TIMESTAMP '2027-06-01 00:00:00')";
        assertEquals(1, update(file.formatted(30, 1, 1024)));
        assertEquals(1, update(file.formatted(31, 5, 1024)));
        assertCheckViolated(file.formatted(32, 0, 1024));
        assertCheckViolated(file.formatted(33, 6, 1024));
        assertCheckViolated(file.formatted(34, 2, 0));
        SQLException sameNumber = assertThrows(SQLException.class, () -> update(file.formatted(35, 1, 1024)));
        assertEquals("23505", sameNumber.getSQLState(), sameNumber.getMessage());
    }

    /** V026: a run's state is one of three, approved by someone else than who started it; a line's amounts are whole. */
    @Test
    void aCalculationRunIsApprovedByAnotherAndItsLinesAreConsistent() throws SQLException {
        insertProgramAndCall();
        insertOrganisation(2, "ENTERPRISE", "91110000802100433B");
        String run = "INSERT INTO calculation_run (id, call_id, version_no, subsidy_kind, state, started_by, started_at, "
                + "approved_by, approved_at, parameters, budget, demand, factor, total, leftover, line_count, created_at) "
                + "VALUES (%d, 10, %d, 'RD_INVESTMENT', '%s', 'reviewer', TIMESTAMP '2026-01-05 00:00:00', %s, %s, "
                + "'enterpriseYearCap=5000000.00', 100.00, 150.00, %s, 100.00, 0.00, 1, TIMESTAMP '2026-01-05 00:00:00')";
        String at = "TIMESTAMP '2026-01-06 00:00:00'";
        assertEquals(1, update(run.formatted(1, 1, "PREVIEW", "NULL", "NULL", "0.6666666666")));
        assertEquals(1, update(run.formatted(2, 2, "APPROVED", "'approver'", at, "NULL")));
        assertCheckViolated(run.formatted(3, 3, "DRAFT", "NULL", "NULL", "NULL"));
        assertCheckViolated(run.formatted(4, 4, "APPROVED", "'reviewer'", at, "NULL"));
        assertCheckViolated(run.formatted(5, 5, "APPROVED", "NULL", "NULL", "NULL"));
        assertCheckViolated(run.formatted(6, 6, "PREVIEW", "NULL", "NULL", "1.5"));
        SQLException sameVersion = assertThrows(SQLException.class,
                () -> update(run.formatted(7, 1, "PREVIEW", "NULL", "NULL", "NULL")));
        assertEquals("23505", sameVersion.getSQLState(), sameVersion.getMessage());
        String line = "INSERT INTO calculation_line (run_id, position, enterprise_id, uscc, name, origin, computable, "
                + "eligible, kind_amount, amount, recovery, inputs, reasons, steps) VALUES (1, %d, 2, "
                + "'91110000802100433B', 'E', 'declaration:1', %d, %d, %s, %s, 0.00, '{}', '[]', '[]')";
        assertEquals(1, update(line.formatted(0, 1, 1, "100.00", "66.66")));
        assertEquals(1, update(line.formatted(1, 0, 0, "0.00", "0.00")));
        assertCheckViolated(line.formatted(2, 0, 1, "100.00", "100.00"));
        assertCheckViolated(line.formatted(3, 1, 0, "100.00", "100.00"));
        assertCheckViolated(line.formatted(4, 1, 1, "100.00", "100.01"));
        assertCheckViolated(line.formatted(5, 1, 1, "-1.00", "0.00"));
    }

    /** A provider is listed after its registration day, is local or not, and each suspension ends on or after its start. */
    @Test
    void aProviderIsListedAfterRegistrationAndSuspendedForAPeriod() throws SQLException {
        String provider = "INSERT INTO service_provider (id, uscc, name, local_provider, controller, registered_on, listed_on, "
                + "registered_by, created_at) VALUES (%d, '%s', '检测中心', %d, '张三', DATE '2027-03-01', DATE '%s', "
                + "'reviewer', TIMESTAMP '2027-03-01 09:00:00')";
        assertEquals(1, update(provider.formatted(40, "91110000000000001A", 1, "2027-03-08")));
        assertCheckViolated(provider.formatted(41, "91110000000000002A", 2, "2027-03-08"));
        assertCheckViolated(provider.formatted(41, "91110000000000002A", 0, "2027-03-01"));
        SQLException sameUscc = assertThrows(SQLException.class,
                () -> update(provider.formatted(41, "91110000000000001A", 0, "2027-03-08")));
        assertEquals("23505", sameUscc.getSQLState(), sameUscc.getMessage());
        String suspension = "INSERT INTO provider_suspension (provider_id, position, suspended_from, suspended_until, reason, "
                + "suspended_by, suspended_at) VALUES (40, %d, DATE '2027-04-10', DATE '%s', '整改', 'reviewer', "
                + "TIMESTAMP '2027-04-09 09:00:00')";
        assertEquals(1, update(suspension.formatted(0, "2027-04-10")));
        assertCheckViolated(suspension.formatted(1, "2027-04-09"));
    }

    /**
     * V027: an import has rows; a confirmation request has a positive amount, a known state, and its answer whole:
     * none while PENDING or REPLACED, who and when once DECLINED, and the account too once CONFIRMED; one per USCC and
     * import.
     */
    @Test
    void aConfirmationRequestIsAnsweredWhole() throws SQLException {
        insertProgramAndCall();
        insertOrganisation(2, "ENTERPRISE", "91110000802100433B");
        String taken = "INSERT INTO exempt_import (id, call_id, file_sha256, row_count, request_count, imported_by, created_at) "
                + "VALUES (%d, 10, 'ab', %d, 0, 'reviewer', " + TS + ")";
        assertCheckViolated(taken.formatted(1, 0));
        assertEquals(1, update(taken.formatted(1, 3)));
        String request = "INSERT INTO confirmation_request (id, call_id, import_id, uscc, company_name, source_row, figures, "
                + "amount, explanation, state, enterprise_id, account_name, account_number, bank_name, decided_by, decided_at, "
                + "created_at) VALUES (%d, 10, 1, '%s', 'E', 2, '{}', %s, '{}', '%s', %s, " + TS + ")";
        String none = "NULL, NULL, NULL, NULL, NULL, NULL";
        String declined = "2, NULL, NULL, NULL, 'e1', " + TS;
        String confirmed = "2, 'E', '6222021234567890', '工商银行', 'e1', " + TS;
        assertEquals(1, update(request.formatted(10, "A1", "300000.00", "PENDING", none)));
        assertEquals(1, update(request.formatted(11, "A2", "1.00", "REPLACED", none)));
        assertEquals(1, update(request.formatted(12, "A3", "1.00", "DECLINED", declined)));
        assertEquals(1, update(request.formatted(13, "A4", "1.00", "CONFIRMED", confirmed)));
        assertCheckViolated(request.formatted(14, "A5", "0.00", "PENDING", none));          // nothing to confirm
        assertCheckViolated(request.formatted(14, "A5", "1.00", "EXPIRED", none));          // read, never stored
        assertCheckViolated(request.formatted(14, "A5", "1.00", "PENDING", declined));      // answered yet pending
        assertCheckViolated(request.formatted(14, "A5", "1.00", "DECLINED", none));         // declined by nobody
        assertCheckViolated(request.formatted(14, "A5", "1.00", "DECLINED", confirmed));    // declined with an account
        assertCheckViolated(request.formatted(14, "A5", "1.00", "CONFIRMED", declined));    // confirmed without one
        SQLException twice = assertThrows(SQLException.class, () -> update(request.formatted(14, "A1", "1.00", "PENDING", none)));
        assertEquals("23505", twice.getSQLState(), twice.getMessage());
    }

    /**
     * V031/V032: the calls published before the ledger get their budget allocated, and the runs approved before it a
     * payable item per line with an amount, each committed (a draft, a budget of 0, a superseded or preview run, a line
     * of 0 get nothing); a transaction has a known kind, a reversal names what it reverses and why, at most once; an
     * entry has a known account and moves something; an item pays something and is cancelled with its time.
     */
    @Test
    void theLedgerStartsFromThePublishedBudgetsAndApprovedRunsAndOnlyGrows() throws SQLException {
        upgrade("29", s -> {
            s.executeUpdate("INSERT INTO program (id, name, subsidy_kind, department, created_at) VALUES "
                    + "(1, 'r', 'RD_INVESTMENT', 'd', TIMESTAMP '2025-01-01 00:00:00')");
            String call = "INSERT INTO funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, "
                    + "created_at, created_by) VALUES (%d, 1, 'T', 2025, TIMESTAMP '2025-03-01 01:00:00', "
                    + "TIMESTAMP '2025-04-30 09:00:00', %s, '%s', TIMESTAMP '2025-01-01 00:00:00', 'reviewer')";
            s.executeUpdate(call.formatted(10, "1000000.05", "PUBLISHED"));
            s.executeUpdate(call.formatted(13, "7.00", "PUBLISHED")); // a second one: each row takes its own id
            s.executeUpdate(call.formatted(11, "500", "DRAFT"));
            s.executeUpdate(call.formatted(12, "0", "PUBLISHED"));
            s.executeUpdate("INSERT INTO organisation (id, kind, name, uscc, created_at) VALUES (2, 'ENTERPRISE', '甲公司', "
                    + "'91110000802100433B', TIMESTAMP '2025-01-01 00:00:00')");
            String run = "INSERT INTO calculation_run (id, call_id, version_no, subsidy_kind, state, started_by, started_at, "
                    + "approved_by, approved_at, parameters, budget, demand, total, line_count, created_at) VALUES (%d, 10, %d, "
                    + "'RD_INVESTMENT', '%s', 'reviewer', TIMESTAMP '2026-01-05 00:00:00', %s, 'p', 1000000.05, 999999.99, "
                    + "%s, 1, TIMESTAMP '2026-01-05 00:00:00')";
            s.executeUpdate(run.formatted(20, 1, "SUPERSEDED", "'approver', TIMESTAMP '2026-01-06 00:00:00'", "700000.00"));
            s.executeUpdate(run.formatted(21, 2, "APPROVED", "'approver', TIMESTAMP '2026-01-07 00:00:00'", "999999.99"));
            s.executeUpdate(run.formatted(22, 3, "PREVIEW", "NULL, NULL", "10.00"));
            String line = "INSERT INTO calculation_line (run_id, position, enterprise_id, uscc, name, origin, computable, "
                    + "eligible, kind_amount, amount, recovery, inputs, reasons, steps) VALUES (%d, %d, %s, '%s', 'E', 'x', 1, "
                    + "%d, %s, %s, 0.00, '{}', '[]', '[]')";
            for (int runId = 20; runId <= 22; runId++) {
                s.executeUpdate(line.formatted(runId, 0, "2", "91110000802100433B", 1, "999999.99", "999999.99"));
            }
            s.executeUpdate(line.formatted(21, 1, "NULL", "91330282MA2H00001M", 0, "0.00", "0.00"));
        }, s -> {
            try (ResultSet rs = s.executeQuery("SELECT run_id || ' ' || position || ' ' || tranche || ' ' || enterprise_id "
                    + "|| ' ' || payee_name || ' ' || amount || ' ' || state FROM payment_item")) {
                assertTrue(rs.next());
                assertEquals("21 0 FULL 2 甲公司 999999.99 PAYABLE", rs.getString(1));
                assertFalse(rs.next());
            }
            try (ResultSet rs = s.executeQuery("SELECT t.kind || ' ' || SUBSTR(t.reference, 1, 5) || ' ' || e.account || ' ' || e.amount_fen"
                    + " FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id ORDER BY t.kind, e.position, t.call_id")) {
                List<String> rows = new java.util.ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                assertEquals(List.of("ALLOCATION call: SOURCE -100000005", "ALLOCATION call: SOURCE -700",
                        "ALLOCATION call: AVAILABLE 100000005", "ALLOCATION call: AVAILABLE 700",
                        "COMMITMENT item: AVAILABLE -99999999", "COMMITMENT item: COMMITTED 99999999"), rows);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT id), COUNT(*) FROM ledger_transaction")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1), "three transactions, each its own id");
                assertEquals(3, rs.getInt(2));
            }
            String item = "INSERT INTO payment_item (id, call_id, run_id, position, tranche, enterprise_id, uscc, payee_name, "
                    + "amount, state, cancelled_at, created_at) VALUES (%d, 10, 22, 0, '%s', 2, '91110000802100433B', 'E', %s, "
                    + "'%s', %s, " + TS + ")";
            assertEquals(1, s.executeUpdate(item.formatted(90, "FULL", "1.00", "CANCELLED", TS)));
            assertCheckViolated(s, item.formatted(91, "ADVANCE", "0.00", "PAYABLE", "NULL"));
            assertCheckViolated(s, item.formatted(91, "ADVANCE", "1.00", "CANCELLED", "NULL"));
            assertCheckViolated(s, item.formatted(91, "ADVANCE", "1.00", "PAID", TS));
            assertCheckViolated(s, item.formatted(91, "HALF", "1.00", "PAYABLE", "NULL"));
            SQLException sameLine = assertThrows(SQLException.class, () -> s.executeUpdate(item.formatted(91, "FULL", "1.00", "PAYABLE", "NULL")));
            assertEquals("23505", sameLine.getSQLState(), sameLine.getMessage());
            String tx = "INSERT INTO ledger_transaction (id, call_id, kind, reference, reason, reverses_id, recorded_by, "
                    + "recorded_at, created_at) VALUES (%d, 10, '%s', 'call:10', %s, %s, 'finance', " + TS + ", " + TS + ")";
            assertEquals(1, s.executeUpdate(tx.formatted(1, "ALLOCATION", "NULL", "NULL")));
            assertEquals(1, s.executeUpdate(tx.formatted(2, "REVERSAL", "'录入错误'", "1")));
            assertCheckViolated(s, tx.formatted(3, "GIFT", "NULL", "NULL"));
            assertCheckViolated(s, tx.formatted(3, "REVERSAL", "NULL", "1"));      // a reversal says why
            assertCheckViolated(s, tx.formatted(3, "REVERSAL", "'x'", "NULL"));    // and what it reverses
            assertCheckViolated(s, tx.formatted(3, "PAYMENT", "NULL", "1"));       // only a reversal reverses
            SQLException twice = assertThrows(SQLException.class, () -> s.executeUpdate(tx.formatted(3, "REVERSAL", "'x'", "1")));
            assertEquals("23505", twice.getSQLState(), twice.getMessage());
            String entry = "INSERT INTO ledger_entry (transaction_id, position, call_id, account, amount_fen) "
                    + "VALUES (1, %d, 10, '%s', %d)";
            assertEquals(1, s.executeUpdate(entry.formatted(0, "SOURCE", -5)));
            assertCheckViolated(s, entry.formatted(1, "BANK", 5));
            assertCheckViolated(s, entry.formatted(1, "AVAILABLE", 0));
        });
    }

    @Test
    void anIdempotencyKeyIsItsCallersOnceAndAnAnswerIsAStatusBelow500() throws SQLException {
        String key = "INSERT INTO idempotency_key (username, idempotency_key, method, path, request_hash, state, status, "
                + "completed_at, created_at) VALUES ('%s', 'k1', '%s', '/api/v1/x', 'h', '%s', %s, %s, CURRENT_TIMESTAMP)";
        assertEquals(1, update(key.formatted("reviewer", "POST", "IN_PROGRESS", "NULL", "NULL")));
        assertEquals(1, update(key.formatted("approver", "POST", "DONE", "201", "CURRENT_TIMESTAMP")), "another caller's key");
        SQLException twice = assertThrows(SQLException.class, () -> update(key.formatted("reviewer", "PUT", "DONE", "200",
                "CURRENT_TIMESTAMP")));
        assertEquals("23505", twice.getSQLState(), twice.getMessage());
        assertCheckViolated(key.formatted("finance", "GET", "IN_PROGRESS", "NULL", "NULL"));
        assertCheckViolated(key.formatted("finance", "POST", "WAITING", "NULL", "NULL"));
        assertCheckViolated(key.formatted("finance", "POST", "IN_PROGRESS", "201", "NULL"));
        assertCheckViolated(key.formatted("finance", "POST", "DONE", "NULL", "CURRENT_TIMESTAMP"));
        assertCheckViolated(key.formatted("finance", "POST", "DONE", "500", "CURRENT_TIMESTAMP")); // a 5xx frees the key
        assertCheckViolated(key.formatted("finance", "POST", "NOT_KEPT", "200", "NULL"));
    }

    /**
     * V035: a recovery asks for something and is repaid at most its amount; it is SETTLED exactly when repaid in full
     * (with the time), OPEN otherwise; a released block names who, when and why; a repayment moves something, and one
     * bank reference is recorded once per recovery (another recovery may have its own of the same reference).
     */
    @Test
    void aRecoveryIsRepaidAtMostItsAmountAndSettledExactlyWhenRepaid() throws SQLException {
        insertProgramAndCall();
        insertOrganisation(2, "ENTERPRISE", "91110000802100433B");
        String recovery = "INSERT INTO recovery (id, call_id, enterprise_id, origin, amount, repaid, reason, due_on, state, "
                + "raised_by, settled_at, block_released_by, block_released_at, block_release_reason, created_at) VALUES "
                + "(%d, 10, 2, '%s', %s, %s, '虚报', DATE '2025-07-01', '%s', 'reviewer', %s, %s, " + TS + ")";
        String noRelease = "NULL, NULL, NULL";
        assertEquals(1, update(recovery.formatted(1, "INTEGRITY", "100.00", "0.00", "OPEN", "NULL", noRelease)));
        assertEquals(1, update(recovery.formatted(2, "NEGATIVE_BALANCE", "100.00", "99.99", "OPEN", "NULL",
                "'approver', " + TS + ", '已签还款协议'")));
        assertEquals(1, update(recovery.formatted(3, "ACCEPTANCE_FAILED", "100.00", "100.00", "SETTLED", TS, noRelease)));
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "0.00", "0.00", "OPEN", "NULL", noRelease));       // nothing asked
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "100.00", "100.01", "OPEN", "NULL", noRelease));   // repaid > amount
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "100.00", "100.01", "SETTLED", TS, noRelease));
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "100.00", "-0.01", "OPEN", "NULL", noRelease));
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "100.00", "100.00", "OPEN", "NULL", noRelease));   // repaid yet open
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "100.00", "99.99", "SETTLED", TS, noRelease));     // owed yet settled
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "100.00", "100.00", "SETTLED", "NULL", noRelease)); // settled when?
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "100.00", "0.00", "OPEN", TS, noRelease));         // open, settled at
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "100.00", "0.00", "CLOSED", "NULL", noRelease));
        assertCheckViolated(recovery.formatted(4, "FRAUD", "100.00", "0.00", "OPEN", "NULL", noRelease));
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "100.00", "0.00", "OPEN", "NULL", "'approver', " + TS + ", NULL"));
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "100.00", "0.00", "OPEN", "NULL", "NULL, " + TS + ", 'x'"));
        assertCheckViolated(recovery.formatted(4, "INTEGRITY", "100.00", "0.00", "OPEN", "NULL", "'approver', NULL, 'x'"));
        String repayment = "INSERT INTO recovery_repayment (id, recovery_id, amount, received_on, bank_reference, recorded_by, "
                + "created_at) VALUES (%d, %d, %s, DATE '2025-06-15', '%s', 'finance', " + TS + ")";
        assertEquals(1, update(repayment.formatted(1, 2, "99.99", "CMB001")));
        assertEquals(1, update(repayment.formatted(2, 3, "100.00", "CMB001")), "another recovery's own transfer");
        assertCheckViolated(repayment.formatted(3, 1, "0.00", "CMB002"));
        SQLException twice = assertThrows(SQLException.class, () -> update(repayment.formatted(3, 2, "0.01", "CMB001")));
        assertEquals("23505", twice.getSQLState(), twice.getMessage());
    }

    /**
     * V038: a certificate is issued once per version of a decision and its serial, text and code are unique; it is valid,
     * superseded or revoked (a revocation with who, when and why), and its PDF's hash, size and time come together.
     */
    @Test
    void aCertificateIsOncePerDecisionVersionWithUniqueSerialAndCodeAndEndsWhole() throws SQLException {
        insertProgramAndCall();
        insertOrganisation(2, "ENTERPRISE", "91110000802100433B");
        String certificate = "INSERT INTO certificate (id, certificate_type, serial_year, serial_no, serial, verification_code,"
                + " enterprise_id, call_id, subject, subject_version, amount, decided_on, content, state, superseded_by, ended_at,"
                + " ended_by, revoke_reason, sha256, pdf_size, signed_at, created_at) VALUES (%d, 'SUBSIDY_CONFIRMATION', 2026,"
                + " %d, 'CXKJ-2026-BZ-%06d', '%s', 2, 10, 'call:10:enterprise:2', '%s', 100.05, DATE '2026-11-30', '{}', '%s',"
                + " %s, %s, " + TS + ")";
        String valid = "NULL, NULL, NULL, NULL";
        String unsigned = "NULL, NULL, NULL";
        String signed = "'" + "a".repeat(64) + "', 31000, " + TS;
        assertEquals(1, update(certificate.formatted(1, 1, 1, "CODE0000000000000001", "run:1", "VALID", valid, unsigned)));
        assertEquals(1, update(certificate.formatted(2, 2, 2, "CODE0000000000000002", "run:2", "VALID", valid, signed)));
        assertEquals(1, update(certificate.formatted(3, 3, 3, "CODE0000000000000003", "run:3", "SUPERSEDED",
                "2, " + TS + ", NULL, NULL", signed)));
        assertEquals(1, update(certificate.formatted(4, 4, 4, "CODE0000000000000004", "run:4", "REVOKED",
                "NULL, " + TS + ", 'approver', '依据有误'", signed)));
        SQLException twice = assertThrows(SQLException.class, () -> update(certificate.formatted(5, 5, 5,
                "CODE0000000000000005", "run:1", "VALID", valid, unsigned))); // the same version of the decision again
        assertEquals("23505", twice.getSQLState(), twice.getMessage());
        assertEquals("23505", assertThrows(SQLException.class, () -> update(certificate.formatted(5, 1, 1,
                "CODE0000000000000005", "run:5", "VALID", valid, unsigned))).getSQLState()); // serial number taken
        assertEquals("23505", assertThrows(SQLException.class, () -> update(certificate.formatted(5, 5, 5,
                "CODE0000000000000001", "run:5", "VALID", valid, unsigned))).getSQLState()); // code taken
        assertCheckViolated(certificate.formatted(5, 5, 5, "CODE0000000000000005", "run:5", "VALID", "2, NULL, NULL, NULL", unsigned));
        assertCheckViolated(certificate.formatted(5, 5, 5, "CODE0000000000000005", "run:5", "SUPERSEDED", valid, unsigned));
        assertCheckViolated(certificate.formatted(5, 5, 5, "CODE0000000000000005", "run:5", "REVOKED",
                "NULL, " + TS + ", 'approver', NULL", unsigned)); // revoked without a reason
        assertCheckViolated(certificate.formatted(5, 5, 5, "CODE0000000000000005", "run:5", "EXPIRED", valid, unsigned));
        assertCheckViolated(certificate.formatted(5, 5, 5, "CODE0000000000000005", "run:5", "VALID", valid,
                "'" + "a".repeat(64) + "', NULL, " + TS)); // a hash without its size
        assertCheckViolated(certificate.formatted(5, 0, 0, "CODE0000000000000005", "run:5", "VALID", valid, unsigned));
        assertCheckViolated("INSERT INTO certificate_serial (certificate_type, serial_year, last_no) VALUES ('PAYMENT_NOTICE', 2026, -1)");
        assertCheckViolated("INSERT INTO certificate_serial (certificate_type, serial_year, last_no) VALUES ('DIPLOMA', 2026, 0)");
    }

    /**
     * V037: an item is a run line's or a project's advance, never both nor neither; a project has one advance, and two
     * projects' advances do not collide (Oracle, and H2 in its mode, take rows equal in their non-null key columns as
     * duplicates); a run line's item is still once per tranche; a project's advances are asked back once, while recoveries
     * raised by hand (no project) are many. The projects' foreign keys are off: only the keys and checks are under test.
     */
    @Test
    void anItemIsARunLinesOrAProjectsAdvanceAndAProjectIsAdvancedAndAskedBackOnce() throws SQLException {
        upgrade("35", s -> {
            s.executeUpdate("INSERT INTO program (id, name, subsidy_kind, department, created_at) VALUES "
                    + "(1, 'r', 'PRE_APPROVED', 'd', TIMESTAMP '2025-01-01 00:00:00')");
            s.executeUpdate("INSERT INTO funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, "
                    + "created_at, created_by) VALUES (10, 1, 'T', 2025, TIMESTAMP '2025-03-01 01:00:00', "
                    + "TIMESTAMP '2025-04-30 09:00:00', 1000, 'PUBLISHED', TIMESTAMP '2025-01-01 00:00:00', 'reviewer')");
            s.executeUpdate("INSERT INTO organisation (id, kind, name, uscc, created_at) VALUES (2, 'ENTERPRISE', '甲公司', "
                    + "'91110000802100433B', TIMESTAMP '2025-01-01 00:00:00')");
            s.executeUpdate("INSERT INTO calculation_run (id, call_id, version_no, subsidy_kind, state, started_by, started_at, "
                    + "approved_by, approved_at, parameters, budget, demand, total, line_count, created_at) VALUES (21, 10, 1, "
                    + "'PRE_APPROVED', 'APPROVED', 'reviewer', " + TS + ", 'approver', " + TS + ", 'p', 1000, 10, 10, 1, " + TS + ")");
            s.executeUpdate("INSERT INTO calculation_line (run_id, position, enterprise_id, uscc, name, origin, computable, "
                    + "eligible, kind_amount, amount, recovery, inputs, reasons, steps) VALUES (21, 0, 2, '91110000802100433B', "
                    + "'E', 'project:500', 1, 1, 10.00, 10.00, 0.00, '{}', '[]', '[]')");
            s.executeUpdate("INSERT INTO payment_item (id, call_id, run_id, position, tranche, enterprise_id, uscc, payee_name, "
                    + "amount, state, created_at) VALUES (90, 10, 21, 0, 'BALANCE', 2, '91110000802100433B', 'E', 10.00, "
                    + "'PAYABLE', " + TS + ")");
        }, s -> {
            s.execute("SET REFERENTIAL_INTEGRITY FALSE");
            String item = "INSERT INTO payment_item (id, call_id, run_id, position, project_id, tranche, enterprise_id, uscc, "
                    + "payee_name, amount, state, created_at) VALUES (%d, 10, %s, %s, %s, '%s', 2, '91110000802100433B', 'E', "
                    + "1.00, 'PAYABLE', " + TS + ")";
            assertEquals(1, s.executeUpdate(item.formatted(91, "NULL", "NULL", "500", "ADVANCE")));
            assertEquals(1, s.executeUpdate(item.formatted(92, "NULL", "NULL", "501", "ADVANCE")), "another project's");
            SQLException twice = assertThrows(SQLException.class,
                    () -> s.executeUpdate(item.formatted(93, "NULL", "NULL", "500", "ADVANCE")));
            assertEquals("23505", twice.getSQLState(), twice.getMessage());
            SQLException sameLine = assertThrows(SQLException.class,
                    () -> s.executeUpdate(item.formatted(93, "21", "0", "NULL", "BALANCE")));
            assertEquals("23505", sameLine.getSQLState(), sameLine.getMessage());
            assertEquals(1, s.executeUpdate(item.formatted(93, "21", "0", "NULL", "FULL")), "another tranche of the line");
            assertCheckViolated(s, item.formatted(94, "21", "0", "502", "ADVANCE"));   // an advance is no run line's
            assertCheckViolated(s, item.formatted(94, "NULL", "NULL", "NULL", "ADVANCE")); // but a project's
            assertCheckViolated(s, item.formatted(94, "NULL", "NULL", "502", "BALANCE")); // a balance is a run line's
            assertCheckViolated(s, item.formatted(94, "21", "NULL", "NULL", "FULL"));
            String recovery = "INSERT INTO recovery (id, call_id, enterprise_id, project_id, origin, amount, reason, due_on, "
                    + "state, raised_by, created_at) VALUES (%d, 10, 2, %s, '%s', 5.00, 'r', DATE '2025-07-01', 'OPEN', 'x', "
                    + TS + ")";
            assertEquals(1, s.executeUpdate(recovery.formatted(1, "500", "ACCEPTANCE_FAILED")));
            SQLException again = assertThrows(SQLException.class,
                    () -> s.executeUpdate(recovery.formatted(2, "500", "NEGATIVE_BALANCE")));
            assertEquals("23505", again.getSQLState(), again.getMessage());
            assertEquals(1, s.executeUpdate(recovery.formatted(2, "NULL", "INTEGRITY")));
            assertEquals(1, s.executeUpdate(recovery.formatted(3, "NULL", "INTEGRITY")), "raised by hand: many");
        });
    }

    /**
     * V033: an enterprise has at most one current account, a superseded one says since when and is no one's current;
     * a released hold says by whom, when and how it was confirmed.
     */
    @Test
    void anEnterpriseHasOneCurrentPayeeAccountAndAReleasedHoldSaysHow() throws SQLException {
        for (int id = 2; id <= 3; id++) {
            update("INSERT INTO organisation (id, kind, name, uscc, created_at) VALUES (" + id + ", 'ENTERPRISE', '甲" + id
                    + "', '9111000080210043" + id + "B', " + TS + ")");
        }
        String account = "INSERT INTO payee_account (id, enterprise_id, current_of, account_name, account_number, bank_name, "
                + "branch_name, replaces_id, changed_by, changed_at, superseded_at, hold_released_by, hold_released_at, "
                + "hold_release_note, created_at) VALUES (%d, %d, %s, '甲', '622202123456789', '工商银行', '高新支行', %s, "
                + "'e', " + TS + ", %s, %s, %s, %s, " + TS + ")";
        assertEquals(1, update(account.formatted(40, 2, "NULL", "NULL", TS, "NULL", "NULL", "NULL")));
        assertEquals(1, update(account.formatted(41, 2, "2", "40", "NULL", "NULL", "NULL", "NULL")));
        assertEquals(1, update(account.formatted(42, 3, "3", "NULL", "NULL", "NULL", "NULL", "NULL")));
        assertCheckViolated("UPDATE payee_account SET hold_released_by = 'finance', hold_released_at = " + TS
                + ", hold_release_note = '电话核实' WHERE id = 42"); // a first account is not held: nothing to release
        assertEquals(1, update("UPDATE payee_account SET hold_released_by = 'finance', hold_released_at = " + TS
                + ", hold_release_note = '电话核实' WHERE id = 41"));
        SQLException second = assertThrows(SQLException.class,
                () -> update(account.formatted(43, 2, "2", "41", "NULL", "NULL", "NULL", "NULL")));
        assertEquals("23505", second.getSQLState(), "one current account per enterprise: " + second.getMessage());
        assertCheckViolated(account.formatted(43, 2, "3", "41", "NULL", "NULL", "NULL", "NULL")); // another's current
        assertCheckViolated(account.formatted(43, 2, "NULL", "41", "NULL", "NULL", "NULL", "NULL")); // neither current nor superseded
        assertCheckViolated(account.formatted(43, 2, "2", "41", TS, "NULL", "NULL", "NULL"));       // current and superseded
        assertCheckViolated(account.formatted(43, 2, "NULL", "41", TS, "'finance'", TS, "NULL"));   // released, how?
        assertCheckViolated(account.formatted(43, 2, "NULL", "41", TS, "NULL", TS, "'电话核实'"));   // released, by whom?
        assertCheckViolated(account.formatted(43, 2, "NULL", "41", TS, "'finance'", "NULL", "'电话核实'")); // released when?
        assertEquals(1, update("UPDATE payee_account SET current_of = NULL, superseded_at = " + TS + " WHERE id = 41"));
        assertEquals(1, update(account.formatted(43, 2, "2", "41", "NULL", "NULL", "NULL", "NULL")),
                "once the current one is superseded, the next is current");
    }

    /**
     * V034: an item is paid once (a second line naming it paid refused, whatever the batch), an item IN_BATCH names
     * its batch and no other item does, whoever decides a batch did not prepare it, a line's result is whole.
     */
    @Test
    void aPaymentBatchPaysAnItemOnceAndIsDecidedByAnother() throws SQLException {
        update("INSERT INTO program (id, name, subsidy_kind, department, created_at) VALUES (1, 'r', 'RD_INVESTMENT', 'd', " + TS + ")");
        update("INSERT INTO funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, created_at, "
                + "created_by) VALUES (10, 1, 'T', 2025, TIMESTAMP '2025-03-01 01:00:00', TIMESTAMP '2025-04-30 09:00:00', "
                + "1000, 'PUBLISHED', " + TS + ", 'reviewer')");
        insertOrganisation(2, "ENTERPRISE", "91110000802100433B");
        update("INSERT INTO calculation_run (id, call_id, version_no, subsidy_kind, state, started_by, started_at, approved_by, "
                + "approved_at, parameters, budget, demand, total, line_count, created_at) VALUES (21, 10, 1, 'RD_INVESTMENT', "
                + "'APPROVED', 'reviewer', " + TS + ", 'approver', " + TS + ", 'p', 1000, 10, 10, 2, " + TS + ")");
        for (int position = 0; position < 2; position++) {
            update("INSERT INTO calculation_line (run_id, position, enterprise_id, uscc, name, origin, computable, eligible, "
                    + "kind_amount, amount, recovery, inputs, reasons, steps) VALUES (21, " + position + ", 2, "
                    + "'91110000802100433B', 'E', 'x', 1, 1, 5.00, 5.00, 0.00, '{}', '[]', '[]')");
            update("INSERT INTO payment_item (id, call_id, run_id, position, tranche, enterprise_id, uscc, payee_name, amount, "
                    + "state, created_at) VALUES (" + (90 + position) + ", 10, 21, " + position + ", 'FULL', 2, "
                    + "'91110000802100433B', 'E', 5.00, 'PAYABLE', " + TS + ")");
        }
        update("INSERT INTO payee_account (id, enterprise_id, current_of, account_name, account_number, bank_name, branch_name, "
                + "changed_by, changed_at, created_at) VALUES (70, 2, 2, '单位 2', '6222020200112233445', '工行', '慈溪支行', "
                + "'e', " + TS + ", " + TS + ")");
        String batch = "INSERT INTO payment_batch (id, state, line_count, total, prepared_by, decided_by, reject_reason, "
                + "created_at) VALUES (%d, '%s', 1, 5.00, 'finance', %s, %s, " + TS + ")";
        assertEquals(1, update(batch.formatted(50, "EXPORTED", "'approver'", "NULL")));
        assertEquals(1, update(batch.formatted(51, "EXPORTED", "'approver'", "NULL")));
        assertCheckViolated(batch.formatted(52, "APPROVED", "'finance'", "NULL"));        // 四眼
        assertCheckViolated(batch.formatted(52, "REJECTED", "'approver'", "NULL"));       // a rejection says why
        assertCheckViolated(batch.formatted(52, "SUBMITTED", "NULL", "'x'"));              // only a rejection has a reason
        assertCheckViolated(batch.formatted(52, "SENT", "NULL", "NULL"));

        // IN_BATCH names the batch, and only IN_BATCH does
        assertCheckViolated("UPDATE payment_item SET state = 'IN_BATCH' WHERE id = 90");
        assertCheckViolated("UPDATE payment_item SET batch_id = 50 WHERE id = 90");
        assertEquals(1, update("UPDATE payment_item SET state = 'IN_BATCH', batch_id = 50 WHERE id = 90"));

        String line = "INSERT INTO payment_batch_line (batch_id, item_id, position, amount, payee_account_id, result, "
                + "bank_reference, paid_on, failure_reason, paid_item_id) VALUES (%d, %d, 0, 5.00, 70, '%s', %s, %s, %s, %s)";
        assertEquals(1, update(line.formatted(50, 90, "PAID", "'B1'", "DATE '2025-06-02'", "NULL", "90")));
        // the same item paid in another batch: the unique key refuses it
        SQLException twice = assertThrows(SQLException.class,
                () -> update(line.formatted(51, 90, "PAID", "'B2'", "DATE '2025-06-03'", "NULL", "90")));
        assertEquals("23505", twice.getSQLState(), twice.getMessage());
        // a line's result is whole: PAID names its own item with the bank's reference and date, FAILED its reason
        assertCheckViolated(line.formatted(51, 91, "PAID", "'B2'", "DATE '2025-06-03'", "NULL", "NULL"));
        assertCheckViolated(line.formatted(51, 91, "PAID", "'B2'", "DATE '2025-06-03'", "NULL", "90"));
        assertCheckViolated(line.formatted(51, 91, "PAID", "NULL", "DATE '2025-06-03'", "NULL", "91"));
        assertCheckViolated(line.formatted(51, 91, "FAILED", "NULL", "NULL", "NULL", "NULL"));
        assertCheckViolated(line.formatted(51, 91, "FAILED", "NULL", "NULL", "'销户'", "91"));
        assertCheckViolated(line.formatted(51, 91, "PENDING", "NULL", "NULL", "NULL", "91"));
        assertCheckViolated(line.formatted(51, 91, "LOST", "NULL", "NULL", "NULL", "NULL"));
        assertEquals(1, update(line.formatted(51, 91, "FAILED", "NULL", "NULL", "'销户'", "NULL")));
    }
}
