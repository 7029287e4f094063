package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 免申即享 end to end (issue 12): the reviewer's import of an RD_INVESTMENT call's figures, all or nothing (a file with
 * one bad row stores nothing), a dry run, the qualifying enterprises' requests; an enterprise confirms with its bank
 * account (wrong name, stale version, twice refused), another enterprise is refused and audited, an enterprise that
 * registers after the import finds its request, and one not confirmed by the call's close is refused (clock moved).
 */
@ExtendWith(ArquillianExtension.class)
class ExemptImportIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(ExemptImportIT.class, Http.class, TestData.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    DataSource dataSource;

    private final Http http = new Http();

    @AfterEach
    void putTheClockBack() {
        moveClock(Duration.ZERO);
    }

    private void moveClock(Duration ahead) {
        HttpResponse<String> moved = http.putJson("api/v1/test/clock", "{\"offset\":\"" + ahead + "\"}",
                Http.bearer(http.token("admin", TestData.DEMO_PASSWORD)));
        assertEquals(200, moved.statusCode(), moved.body());
    }

    static String header() {
        return "统一社会信用代码,企业名称,年度,研发费用（加计扣除口径，元）,研发费用（统计口径，元）,上年研发费用（元）,营业收入（元）,"
                + "有效发明专利数,当年发明专利申请数,研发人员数,职工总数\n";
    }

    /** E1 = min(5,200,000, 5,000,000), growth 25 % over 4,000,000: 6 % of E1 = 300,000.00. */
    static String qualifying(String uscc, int year) {
        return uscc + ",甲公司," + year + ",5200000.00,5000000,4000000,100000000,3,2,30,100\n";
    }

    private HttpResponse<String> upload(long callId, String csv, Charset charset, boolean dryRun, String token) {
        return http.upload("api/v1/calls/" + callId + "/exempt-imports?dryRun=" + dryRun, Map.of(), "figures.csv",
                "text/csv", csv.getBytes(charset), Http.bearer(token));
    }

    private JsonArray requests(String token) {
        HttpResponse<String> r = http.get("api/v1/confirmation-requests", Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return (JsonArray) Http.jsonOf(r);
    }

    private HttpResponse<String> confirm(JsonObject request, String name, String number, String token) {
        return http.postJson("api/v1/confirmation-requests/" + request.getJsonNumber("id") + "/confirmation",
                "{\"version\":" + request.getJsonNumber("version") + ",\"accountName\":\"" + name
                        + "\",\"accountNumber\":\"" + number + "\",\"bankName\":\"工商银行宁波分行\"}", Http.bearer(token));
    }

    @Test
    void importsAllOrNothingAndTheEnterprisesConfirmByTheClose() throws SQLException {
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        long callId = http.callOfKind("RD_INVESTMENT");
        JsonObject call = Http.json(http.get("api/v1/calls/" + callId));
        int year = call.getInt("year");
        String usccA = TestData.newUscc();
        String usccB = TestData.newUscc();
        String userA = TestData.newUsername("exa");
        String tokenA = http.registerEnterprise(userA, usccA, TestData.DEMO_PASSWORD);

        // one bad row (three decimals): 422 naming row and column, and nothing stored
        String bad = header() + qualifying(usccA, year) + qualifying(usccB, year)
                + TestData.newUscc() + ",丙公司," + year + ",5200000.123,5000000,4000000,100000000,3,2,30,100\n";
        HttpResponse<String> refused = upload(callId, bad, StandardCharsets.UTF_8, false, reviewer);
        assertEquals(422, refused.statusCode(), refused.body());
        JsonObject problem = Http.json(refused).getJsonArray("problems").getJsonObject(0);
        assertEquals(4, problem.getInt("row"));
        assertEquals("rdExpenseTax", problem.getString("column"));
        assertFalse(Http.json(refused).getBoolean("stored"));
        assertEquals(0, count("select count(*) from confirmation_request where uscc = ?", usccA));
        assertTrue(requests(tokenA).isEmpty());

        // a dry run of the good file (in GBK, as Excel saves CSV) counts who qualifies and stores nothing
        String good = header() + qualifying(usccA, year) + qualifying(usccB, year)
                + TestData.newUscc() + ",丁公司," + year + ",100000,100000,100000,100000000,0,0,1,100\n";
        HttpResponse<String> dry = upload(callId, good, Charset.forName("GBK"), true, reviewer);
        assertEquals(200, dry.statusCode(), dry.body());
        assertEquals(3, Http.json(dry).getInt("enterprises"));
        assertEquals(2, Http.json(dry).getInt("qualifying"), "the third enterprise is not eligible");
        assertFalse(Http.json(dry).getBoolean("stored"));
        assertEquals(0, count("select count(*) from confirmation_request where uscc = ?", usccA));

        // taken: the two qualifying enterprises are asked; an enterprise cannot import
        assertEquals(403, upload(callId, good, StandardCharsets.UTF_8, false, tokenA).statusCode());
        HttpResponse<String> taken = upload(callId, good, StandardCharsets.UTF_8, false, reviewer);
        assertEquals(200, taken.statusCode(), taken.body());
        assertTrue(Http.json(taken).getBoolean("stored"));
        assertEquals("600000.00", Http.json(taken).getJsonNumber("total").bigDecimalValue().toPlainString());

        JsonArray mine = requests(tokenA);
        assertEquals(1, mine.size());
        JsonObject request = mine.getJsonObject(0);
        assertEquals("300000.00", request.getJsonNumber("amount").bigDecimalValue().toPlainString());
        assertEquals("PENDING", request.getString("state"));
        assertTrue(request.getJsonArray("steps").toString().contains("6%"), request.toString());

        // another enterprise: 404, audited
        String other = http.token("enterprise2", TestData.DEMO_PASSWORD);
        String id = request.getJsonNumber("id").toString();
        assertEquals(404, http.get("api/v1/confirmation-requests/" + id, Http.bearer(other)).statusCode());
        assertEquals(404, confirm(request, "x", "6222021234567890", other).statusCode());
        assertTrue(count("select count(*) from audit_entry where action = 'EXEMPT_CONFIRM' and target = ? "
                + "and outcome = 'DENIED'", "confirmation:" + id) >= 2);

        // the account must be the company's own; a stale version and a second confirmation change nothing
        String company = "测试企业" + userA;
        HttpResponse<String> wrongName = confirm(request, "甲公司", "6222021234567890", tokenA);
        assertEquals(422, wrongName.statusCode(), wrongName.body());
        assertEquals("exempt.accountName", Http.json(wrongName).getString("code"));
        assertEquals(422, confirm(request, company, "6222-0212", tokenA).statusCode());
        HttpResponse<String> confirmed = confirm(request, company, "6222 0212 3456 7890", tokenA);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("CONFIRMED", Http.json(confirmed).getString("state"));
        assertEquals(409, confirm(request, company, "6222021234567890", tokenA).statusCode(), "the version read is stale");
        HttpResponse<String> twice = confirm(Http.json(confirmed), company, "6222021234567890", tokenA);
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals("exempt.alreadyAnswered", Http.json(twice).getString("code"));
        assertEquals(1, count("select count(*) from confirmation_request where uscc = ? and state = 'CONFIRMED' "
                + "and account_number = '6222021234567890'", usccA));
        // it had no payee account: the confirmed one is its first (not held), the bank's name standing for the branch
        JsonObject payee = Http.json(http.get("api/v1/payee-account", Http.bearer(tokenA))).getJsonObject("current");
        assertEquals("6222021234567890", payee.getString("accountNumber"));
        assertEquals(payee.getString("bankName"), payee.getString("branchName"));
        assertEquals(false, payee.getBoolean("changed"));

        // registering after the import: the request is found by the USCC
        String userB = TestData.newUsername("exb");
        String tokenB = http.registerEnterprise(userB, usccB, TestData.DEMO_PASSWORD);
        JsonArray ofB = requests(tokenB);
        assertEquals(1, ofB.size());
        assertEquals("PENDING", ofB.getJsonObject(0).getString("state"));

        // a REWARD call takes recognised achievements, gathered per enterprise (a dry run: nothing stored)
        long rewardCall = http.callOfKind("REWARD");
        int rewardYear = Http.json(http.get("api/v1/calls/" + rewardCall)).getInt("year");
        String achievements = "统一社会信用代码,企业名称,成果类型,证书编号,认定日期\n"
                + usccA + ",甲公司,TECH_SME,TS-" + usccA + "," + rewardYear + "-03-15\n"
                + usccA + ",甲公司,市级企业研发中心,RD-" + usccA + "," + rewardYear + "-05-01\n";
        HttpResponse<String> rewards = upload(rewardCall, achievements, StandardCharsets.UTF_8, true, reviewer);
        assertEquals(200, rewards.statusCode(), rewards.body());
        assertEquals(1, Http.json(rewards).getInt("enterprises"));
        assertEquals("150000.00", Http.json(rewards).getJsonNumber("total").bigDecimalValue().toPlainString());

        // in the OpenAPI document
        String openApi = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                Http.BASE.replaceFirst("/innofund/?$", "/openapi"))).GET()).body();
        assertTrue(openApi.contains("/exempt-imports") && openApi.contains("/confirmation-requests/{id}/confirmation"));

        // past the call's close: the request reads as lapsed, a confirmation is refused, nothing changes
        moveClock(Duration.between(Instant.now(), Instant.parse(call.getString("closesAt"))).plusHours(1));
        tokenB = http.token(userB, TestData.DEMO_PASSWORD); // the tokens of before have expired by the moved clock
        reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        JsonObject lapsed = requests(tokenB).getJsonObject(0);
        assertEquals("EXPIRED", lapsed.getString("state"));
        HttpResponse<String> late = confirm(lapsed, "测试企业x", "6222021234567890", tokenB);
        assertEquals(409, late.statusCode(), late.body());
        assertEquals("exempt.callClosed", Http.json(late).getString("code"));
        assertEquals(1, count("select count(*) from confirmation_request where uscc = ? and state = 'PENDING'", usccB));
        assertEquals(409, upload(callId, good, StandardCharsets.UTF_8, true, reviewer).statusCode(),
                "nothing is imported into a closed call");

        // the calculation after the close takes the confirmed request (its figures, its amount), not the lapsed one
        HttpResponse<String> run = http.postJson("api/v1/calls/" + callId + "/calculation-runs", "", Http.bearer(reviewer));
        assertEquals(201, run.statusCode(), run.body());
        assertEquals(1, count("select count(*) from calculation_line where origin = ? and kind_amount = 300000.00",
                "confirmation:" + id), "the confirmed request is a line of the run");
        assertEquals(0, count("select count(*) from calculation_line where uscc = ?", usccB), "the lapsed one is not");
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
