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
import java.util.HashMap;
import java.util.Map;

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
        return Deployments.productWith(PolicySandboxIT.class, Http.class, TestData.class, SandboxCalls.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    @Test
    void aTrialAnswersWhatARunWithThoseParametersGivesAndStoresNothing() throws Exception {
        long callId = SandboxCalls.seed(dataSource, ENTERPRISES);
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
}
