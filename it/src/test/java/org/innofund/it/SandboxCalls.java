package org.innofund.it;

import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the policy sandbox's tests (PolicySandboxIT in the server, BrowserIT through {@link SandboxSeedServlet}) start
 * from: a published RD_INVESTMENT call of 2026 of its own (budget 100,000,000.00 unless given, the default parameters)
 * whose approved list is publicized. Of its enterprises, two in three declared E 5,000,000.00 on E0 4,000,000.00 (band 1:
 * 300,000.00), one in three 2,100,000.00 on 2,000,000.00 (band 2: 105,000.00); all 3 patents, 2 applications, 30 of
 * 200 staff, intensity 5% and 4.2%. Rows inserted directly, with ids above the sequences'.
 */
final class SandboxCalls {

    private SandboxCalls() {
    }

    /** The call's id. */
    static long seed(DataSource dataSource, int enterprises) throws SQLException {
        return seed(dataSource, enterprises, new BigDecimal("100000000.00"));
    }

    /** The call's id; its budget (and its approved list's) {@code budget}. */
    static long seed(DataSource dataSource, int enterprises, BigDecimal budget) throws SQLException {
        long base = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 1_000;
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (Connection c = dataSource.getConnection()) {
            update(c, "insert into program (id, name, subsidy_kind, department, created_at) values (?, '研发投入后补助',"
                    + " 'RD_INVESTMENT', '高新科', ?)", base, now);
            update(c, "insert into funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status,"
                    + " created_at, created_by, published_by, published_at, rule_parameters) values (?, ?, ?, 2026, ?, ?,"
                    + " ?, 'PUBLISHED', ?, 'reviewer', 'approver', ?, ?)", base + 1, base, "沙盘测试 " + base,
                    // closed already, as a call is when it is calculated: other tests looking for an open call of
                    // the kind must not find this one (a test changes its parameters)
                    Timestamp.from(now.toInstant().minus(60, ChronoUnit.DAYS)), Timestamp.from(now.toInstant().minus(1,
                    ChronoUnit.DAYS)), budget, now, now, RuleParameters.defaults(SubsidyKind.RD_INVESTMENT).format());
            update(c, "insert into approval_list (id, call_id, version_no, state, budget, prepared_by, submitted_by,"
                    + " submitted_at, decided_by, decided_at, live_call_id, created_at) values (?, ?, 1, 'APPROVED',"
                    + " ?, 'reviewer', 'reviewer', ?, 'approver', ?, ?, ?)", base + 2, base + 1, budget, now, now,
                    base + 1, now);
            for (int i = 0; i < enterprises; i++) {
                boolean small = i % 3 == 0;
                long enterprise = base + 100 + i;
                update(c, "insert into organisation (id, kind, name, uscc, created_at) values (?, 'ENTERPRISE', ?, ?, ?)",
                        enterprise, "沙盘测试企业 " + base + "-" + i, TestData.newUscc(), now);
                update(c, "insert into declaration (id, call_id, enterprise_id, state, created_by, created_at,"
                        + " submitted_at, revision, rd_expense_tax, rd_expense_stat, rd_expense_prior, revenue,"
                        + " valid_invention_patents, invention_applications, rd_staff, total_staff) values (?, ?, ?,"
                        + " 'ACCEPTED', 'e', ?, ?, 1, ?, ?, ?, ?, 3, 2, 30, 200)", base + 300 + i, base + 1, enterprise,
                        now, Timestamp.from(now.toInstant().plusSeconds(i)),
                        new BigDecimal(small ? "2100000.00" : "5000000.00"), new BigDecimal(small ? "2100000.00" : "5000000.00"),
                        new BigDecimal(small ? "2000000.00" : "4000000.00"), new BigDecimal(small ? "50000000.00" : "100000000.00"));
                update(c, "insert into project (id, declaration_id, call_id, enterprise_id, approval_list_id, subsidy_kind,"
                        + " enterprise_name, approved_amount, agency_grade, agency_score, state, created_at) values (?, ?, ?,"
                        + " ?, ?, 'RD_INVESTMENT', ?, 300000.00, 'GOOD', 85.00, 'PUBLICIZED', ?)", base + 600 + i,
                        base + 300 + i, base + 1, enterprise, base + 2, "沙盘测试企业", now);
            }
        }
        return base + 1;
    }

    /**
     * Gives each enterprise of the call its first payee account (never on hold), in its registered name, as the
     * enterprise would set it: for the payment journeys.
     */
    static void giveAccounts(DataSource dataSource, long callId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into payee_account"
                + " (id, enterprise_id, current_of, account_name, account_number, bank_name, branch_name, changed_by, changed_at,"
                + " created_at) select o.id + 800, o.id, o.id, o.name, '6222020200112233445', '中国工商银行', '慈溪支行', 'it',"
                + " ?, ? from organisation o where o.id in (select d.enterprise_id from declaration d where d.call_id = ?)")) {
            Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            ps.setLong(3, callId);
            ps.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("not one row: " + sql);
            }
        }
    }
}
