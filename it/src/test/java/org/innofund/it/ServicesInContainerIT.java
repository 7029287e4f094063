package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.innofund.audit.application.AuditTrail;
import org.innofund.identity.application.Authentication;
import org.innofund.identity.application.CallerView;
import org.innofund.identity.application.EnterpriseRegistration;
import org.innofund.identity.application.LoginResult;
import org.innofund.identity.application.Registration;
import org.innofund.identity.application.UserAdministration;
import org.innofund.identity.domain.PasswordPolicy;
import org.innofund.platform.DemoData;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.InvalidFormException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The business services as deployed: schema, role checks, login rules, registration and their audit entries. */
@ExtendWith(ArquillianExtension.class)
class ServicesInContainerIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(ServicesInContainerIT.class, TestData.class, Http.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    @EJB
    private Authentication authentication;

    @EJB
    private Registration registration;

    @EJB
    private UserAdministration administration;

    @EJB
    private AuditTrail auditTrail;

    @EJB
    private DemoData demoData;

    @Test
    void everyMigrationIsAppliedAndNothingIsPending() throws SQLException {
        MigrationInfo[] all = Flyway.configure(Flyway.class.getClassLoader()).dataSource(dataSource)
                .locations("classpath:db/migration").load().info().all();
        assertTrue(all.length >= 3, "the scripts of sql/ are found: " + all.length);
        for (MigrationInfo m : all) {
            assertEquals(MigrationState.SUCCESS, m.getState(), "migration " + m.getVersion() + " " + m.getDescription());
        }
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("organisation", "user_account", "user_role", "login_throttle", "api_token",
                    "audit_entry", "audit_chain_head", "program", "funding_call")) {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from " + table); ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next(), table);
                }
            }
        }
    }

    @Test
    void demoDataIsLoadedOnlyOnce() throws SQLException {
        long organisations = count("organisation");
        long users = count("user_account");
        long calls = count("funding_call");
        assertFalse(demoData.loadIfEmpty(), "the database already holds data");
        assertEquals(organisations, count("organisation"));
        assertEquals(users, count("user_account"));
        assertEquals(calls, count("funding_call"));
        assertTrue(calls >= 4, "one open call per subsidy kind");
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from " + table); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    /**
     * The close time is measured on the server at the moment of submission: a draft opened while its call was open
     * cannot be submitted once the call has closed. The call is set up closed a minute ago, no sleeping.
     */
    @Test
    void aDraftCannotBeSubmittedAfterItsCallClosedNorStartedInAClosedCall() throws SQLException {
        long programId;
        long callId;
        long declarationId;
        try (Connection c = dataSource.getConnection()) {
            programId = nextId(c);
            callId = nextId(c);
            declarationId = nextId(c);
            long enterpriseId = single(c, "select organisation_id from user_account where username = 'enterprise2'");
            // instants are stored as UTC timestamps
            java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
            update(c, "insert into program (id, name, subsidy_kind, department, created_at) values (?, '截止测试计划', "
                    + "'REWARD', '高新技术科', ?)", programId, now);
            update(c, "insert into funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status, "
                    + "created_at, rule_parameters, created_by, published_by) values (?, ?, '已截止的通知', 2026, ?, ?, "
                    + "100000.00, 'PUBLISHED', ?, 'enterpriseYearCap=5000000', 'reviewer', 'approver')",
                    callId, programId, now.minusDays(10), now.minusMinutes(1), now);
            update(c, "insert into declaration (id, call_id, enterprise_id, state, project_name, created_by, created_at) "
                    + "values (?, ?, ?, 'DRAFT', '截止前打开的申报书', 'enterprise2', ?)",
                    declarationId, callId, enterpriseId, now.minusDays(1));
        }
        Http http = new Http();
        String token = http.token("enterprise2", TestData.DEMO_PASSWORD);
        var late = http.postJson("api/v1/declarations/" + declarationId + "/submission", "{\"version\":0}", Http.bearer(token));
        assertEquals(409, late.statusCode(), late.body());
        assertEquals("declaration.callClosed", Http.json(late).getString("code"));
        var start = http.postJson("api/v1/declarations", "{\"callId\":" + callId + "}", Http.bearer(token));
        assertEquals(409, start.statusCode(), start.body());
        assertEquals("declaration.callNotOpen", Http.json(start).getString("code"));
        try (Connection c = dataSource.getConnection()) {
            assertEquals(0L, single(c, "select count(*) from declaration where call_id = " + callId + " and state <> 'DRAFT'"));
        }
    }

    private static long nextId(Connection c) throws SQLException {
        return single(c, "select innofund_seq.nextval from dual");
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            assertEquals(1, ps.executeUpdate(), sql);
        }
    }

    @Test
    void administrationRefusesAnonymousCallers() {
        assertRefused(() -> administration.listUsers());
        assertRefused(() -> administration.disable(1L));
        assertRefused(() -> auditTrail.verify());
        assertRefused(() -> auditTrail.count(org.innofund.audit.application.AuditSearch.all()));
    }

    private static void assertRefused(Runnable call) {
        EJBException e = assertThrows(EJBException.class, call::run);
        assertInstanceOf(EJBAccessException.class, e, "refused for lack of a role, not for another reason: " + e);
    }

    @Test
    void aSuccessfulLoginGivesTheUsersGroupsAndIsAudited() throws SQLException {
        long before = lastSeq();
        LoginResult result = authentication.login("  Admin ", TestData.DEMO_PASSWORD, "TEST");
        assertTrue(result.succeeded());
        assertEquals("admin", result.username());
        assertEquals(java.util.Set.of("ADMIN"), result.groups());
        List<String[]> entries = entriesAfter(before);
        assertEquals(1, entries.size());
        assertEquals("LOGIN", entries.get(0)[0]);
        assertEquals("admin", entries.get(0)[1]);
        assertEquals("SUCCESS", entries.get(0)[2]);
        assertEquals("慈溪市科学技术局", entries.get(0)[3]);
    }

    @Test
    void fiveFailuresLockTheNameEvenForTheRightPasswordAndEachAttemptIsAudited() throws SQLException {
        String username = TestData.newUsername("lock");
        registration.registerEnterprise(new EnterpriseRegistration("锁定测试有限公司", TestData.newUscc(), "测试人",
                "0574-1234567", username, "right-password-1"));
        long before = lastSeq();
        for (int i = 1; i <= 4; i++) {
            assertEquals(LoginResult.Status.INVALID, authentication.login(username, "wrong-password-" + i, "TEST").status());
        }
        assertEquals(LoginResult.Status.LOCKED, authentication.login(username, "wrong-password-5", "TEST").status());
        assertEquals(LoginResult.Status.LOCKED, authentication.login(username, "right-password-1", "TEST").status());
        List<String[]> entries = entriesAfter(before);
        assertEquals(6, entries.size());
        assertEquals("FAILURE", entries.get(0)[2]);
        assertEquals("DENIED", entries.get(5)[2]);
    }

    @Test
    void anUnknownUserIsAnsweredLikeAWrongPassword() {
        LoginResult result = authentication.login(TestData.newUsername("ghost"), "whatever-password", "TEST");
        assertEquals(LoginResult.Status.INVALID, result.status());
        assertEquals("login.invalid", result.messageKey());
    }

    @Test
    void registrationChecksTheUsccThePasswordAndUniqueness() throws SQLException {
        String uscc = TestData.newUscc();
        InvalidFormException wrongCheck = unwrap(InvalidFormException.class, () -> registration.registerEnterprise(
                new EnterpriseRegistration("校验位错误公司", TestData.withWrongCheck(uscc), "某人", "0574-1234567",
                        TestData.newUsername("bad"), "long-enough-password")));
        assertEquals(List.of(FieldProblem.of("uscc", "uscc.checkCharacter", wrongCheck.arguments())), wrongCheck.problems());

        String username = TestData.newUsername("dup");
        BusinessException shortPassword = unwrap(BusinessException.class, () -> registration.registerEnterprise(
                new EnterpriseRegistration("密码太短公司", uscc, "某人", "0574-1234567", username, "short")));
        assertEquals("password.tooShort", shortPassword.messageKey());
        assertEquals(PasswordPolicy.MIN_LENGTH, shortPassword.arguments()[0]);

        long before = lastSeq();
        CallerView created = registration.registerEnterprise(new EnterpriseRegistration("重复注册测试有限公司", " " + uscc + " ",
                "某人", "0574-1234567", username, "long-enough-password"));
        assertEquals(uscc, created.organisationUscc());
        assertEquals(java.util.Set.of("ENTERPRISE"), created.roles());
        assertEquals("REGISTER", entriesAfter(before).get(0)[0]);

        BusinessException again = unwrap(BusinessException.class, () -> registration.registerEnterprise(
                new EnterpriseRegistration("另一家公司", uscc, "别人", "0574-7654321", TestData.newUsername("dup2"),
                        "long-enough-password")));
        assertEquals(BusinessException.Kind.CONFLICT, again.kind());
        assertEquals("registration.usccTaken", again.messageKey());
    }

    private static <T extends Throwable> T unwrap(Class<T> type, Runnable call) {
        Throwable thrown = assertThrows(Throwable.class, call::run);
        Throwable e = thrown;
        while (e != null && !type.isInstance(e)) {
            e = e.getCause();
        }
        assertNotNull(e, "expected " + type.getSimpleName() + " but got " + thrown);
        return type.cast(e);
    }

    private long lastSeq() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select last_seq from audit_chain_head where id = 1");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    /** action, username, outcome, organisation name of the entries after a sequence number, oldest first. */
    private List<String[]> entriesAfter(long seq) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select action, username, outcome, organisation_name from audit_entry "
                     + "where seq > ? order by seq")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        assertFalse(rows.isEmpty(), "audit entries after " + seq);
        return rows;
    }
}
