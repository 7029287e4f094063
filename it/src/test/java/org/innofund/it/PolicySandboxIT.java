package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.innofund.program.domain.RuleParameters;
import org.innofund.program.domain.SubsidyKind;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 政策沙盘 over the API (issue 12) on an RD_INVESTMENT call of its own: a higher band-1 rate, a higher minimum expense
 * and a smaller budget tried; nothing stored (no run, the call unchanged); the proposed amounts are exactly what a run
 * gives once the call really has those parameters and that budget; the export carries every enterprise; an enterprise
 * is refused, an unknown parameter or a rate out of range is 422.
 */
@ExtendWith(ArquillianExtension.class)
class PolicySandboxIT {

    /** Every third enterprise spends 2,100,000.00 (eligible above 2,000,000.00, not above 2,500,000.00). */
    private static final int ENTERPRISES = 30;
    private static final String TRIAL = "{\"parameters\": {\"band1.rate\": \"0.07\", \"minExpense\": 2500000.00},"
            + " \"budget\": \"5000000.00\", \"size\": 500}";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(PolicySandboxIT.class, Http.class, TestData.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    @Test
    void aTrialAnswersWhatARunWithThoseParametersGivesAndStoresNothing() throws Exception {
        long callId = seedCall();
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String approver = http.token("approver", TestData.DEMO_PASSWORD);
        String enterprise = http.registerEnterprise(TestData.newUsername("sandbox"), TestData.newUscc(), "sandbox-password-1");
        String parametersBefore = callParameters(callId);

        HttpResponse<String> answer = trial(callId, TRIAL, reviewer);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject a = Http.json(answer);
        // current: 20 × 6% × 5,000,000.00 + 10 × 5% × 2,100,000.00 = 7,050,000.00 within 100,000,000.00
        assertEquals(new BigDecimal("7050000.00"), money(a.getJsonObject("current"), "total"));
        assertEquals(ENTERPRISES, a.getJsonObject("current").getInt("eligible"));
        // proposed: 20 × 7% × 5,000,000.00 = 7,000,000.00 over 5,000,000.00: each 250,000.00, the ten below 2,500,000 out
        JsonObject proposed = a.getJsonObject("proposed");
        assertEquals(new BigDecimal("7000000.00"), money(proposed, "demand"));
        assertEquals(new BigDecimal("5000000.00"), money(proposed, "total"));
        assertEquals(new BigDecimal("0.00"), money(proposed, "leftover"));
        assertEquals(new BigDecimal("0.7142857142"), proposed.getJsonNumber("factor").bigDecimalValue());
        assertEquals(20, proposed.getInt("eligible"));
        assertEquals(10, a.getJsonObject("counts").getInt("LOST"));
        assertEquals(20, a.getJsonObject("counts").getInt("LESS"));
        assertEquals(ENTERPRISES, a.getInt("lineCount"));
        JsonObject first = a.getJsonArray("lines").getJsonObject(0);
        assertEquals("LOST", first.getString("change"), "the most affected first: −105,000.00 before −50,000.00");
        assertEquals(new BigDecimal("-105000.00"), first.getJsonNumber("difference").bigDecimalValue());
        int bucketed = 0;
        for (JsonObject b : a.getJsonArray("buckets").getValuesAs(JsonObject.class)) {
            bucketed += b.getInt("proposed");
        }
        assertEquals(ENTERPRISES, bucketed);

        HttpResponse<String> lost = trial(callId, TRIAL.replace("\"size\": 500", "\"changes\": [\"LOST\"], \"size\": 4"),
                approver);
        assertEquals(200, lost.statusCode(), lost.body());
        assertEquals(10, Http.json(lost).getInt("lineCount"));
        assertEquals(4, Http.json(lost).getJsonArray("lines").size());

        HttpResponse<byte[]> xlsx = export(callId, reviewer);
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook w = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertEquals(ENTERPRISES, w.getSheet("Enterprises").getLastRowNum());
        }

        assertEquals(0, queryLong("select count(*) from calculation_run where call_id = " + callId), "nothing stored");
        assertEquals(parametersBefore, callParameters(callId));

        assertRefused(403, "auth.forbidden", trial(callId, TRIAL, enterprise));
        assertRefused(422, "call.parameterUnknown", trial(callId, "{\"parameters\": {\"rate\": \"0.5\"}}", reviewer));
        assertRefused(422, "call.parameterRange", trial(callId, "{\"parameters\": {\"band1.rate\": \"1.5\"}}", reviewer));
        assertRefused(422, "money.invalid", trial(callId, "{\"budget\": \"-1.00\"}", reviewer));
        assertRefused(404, "call.notFound", trial(callId + 9_999_999, "{}", reviewer));

        // the call really takes those parameters and that budget: a run gives every proposed amount to the fen
        Map<String, BigDecimal> sandboxed = new HashMap<>();
        for (JsonObject l : a.getJsonArray("lines").getValuesAs(JsonObject.class)) {
            sandboxed.put(l.getString("uscc"), l.getJsonNumber("proposedAmount").bigDecimalValue());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update funding_call set rule_parameters = ?, budget = 5000000.00 where id = ?")) {
            ps.setString(1, RuleParameters.defaults(SubsidyKind.RD_INVESTMENT).with("band1.rate", new BigDecimal("0.07"))
                    .with("minExpense", new BigDecimal("2500000.00")).format());
            ps.setLong(2, callId);
            assertEquals(1, ps.executeUpdate());
        }
        HttpResponse<String> run = http.postJson("api/v1/calls/" + callId + "/calculation-runs", "", Http.bearer(reviewer));
        assertEquals(201, run.statusCode(), run.body());
        HttpResponse<String> lines = http.get("api/v1/calculation-runs/" + Http.json(run).getJsonNumber("id").longValue()
                + "?size=500", Http.bearer(reviewer));
        Map<String, BigDecimal> ran = new HashMap<>();
        for (JsonObject l : Http.json(lines).getJsonArray("lines").getValuesAs(JsonObject.class)) {
            ran.put(l.getString("uscc"), l.getJsonNumber("amount").bigDecimalValue());
        }
        assertEquals(ENTERPRISES, ran.size());
        assertEquals(ran, sandboxed);
    }

    private HttpResponse<String> trial(long callId, String body, String token) {
        return http.postJson("api/v1/calls/" + callId + "/sandbox", body, Http.bearer(token));
    }

    private static HttpResponse<byte[]> export(long callId, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(Http.uri("api/v1/calls/" + callId + "/sandbox/export"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(TRIAL)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static BigDecimal money(JsonObject o, String name) {
        return o.getJsonNumber(name).bigDecimalValue();
    }

    private static void assertRefused(int status, String code, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, Http.json(r).getString("code"), r.body());
    }

    private String callParameters(long callId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select rule_parameters, budget from funding_call where id = ?")) {
            ps.setLong(1, callId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1) + " " + rs.getBigDecimal(2);
            }
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    /**
     * A published RD_INVESTMENT call of 2026 (budget 100,000,000.00, default parameters) whose approved list is
     * publicized: {@value #ENTERPRISES} declarations, two in three at E 5,000,000.00 on E0 4,000,000.00 (band 1),
     * one in three at 2,100,000.00 on 2,000,000.00 (band 2); 3 patents, 2 applications, 30 of 200 staff, intensity 5%
     * and 4.2%. Rows inserted directly, ids above the sequence's.
     */
    private long seedCall() throws SQLException {
        long base = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 1_000;
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try (Connection c = dataSource.getConnection()) {
            update(c, "insert into program (id, name, subsidy_kind, department, created_at) values (?, '研发投入后补助',"
                    + " 'RD_INVESTMENT', '高新科', ?)", base, now);
            update(c, "insert into funding_call (id, program_id, title, call_year, opens_at, closes_at, budget, status,"
                    + " created_at, created_by, published_by, published_at) values (?, ?, ?, 2026, ?, ?, 100000000.00,"
                    + " 'PUBLISHED', ?, 'reviewer', 'approver', ?)", base + 1, base, "沙盘测试 " + base, now, now, now, now);
            update(c, "insert into approval_list (id, call_id, version_no, state, budget, prepared_by, submitted_by,"
                    + " submitted_at, decided_by, decided_at, live_call_id, created_at) values (?, ?, 1, 'APPROVED',"
                    + " 100000000.00, 'reviewer', 'reviewer', ?, 'approver', ?, ?, ?)", base + 2, base + 1, now, now,
                    base + 1, now);
            for (int i = 0; i < ENTERPRISES; i++) {
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

    private static void update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            assertEquals(1, ps.executeUpdate(), sql);
        }
    }
}
