package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ranked approval over the API (issue 11): a call's candidates ranked by their APPROVAL total (a tie to the earlier
 * submission); a list over the budget or with an amount above the request refused (422); the four-eyes rule kept by
 * person (a section head with both roles prepares the list and is refused its approval, 403 naming the rule); a stale
 * decision refused (409); a returned list kept beside its revision; the approval creating the projects; an enterprise
 * reading only its own projects (another's answers 404 and is audited).
 */
@ExtendWith(ArquillianExtension.class)
class ApprovalIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(ApprovalIT.class, Approvals.class, DeclarationLifeIT.class, DeclarationIT.class,
                Http.class, TestData.class, TestFiles.class, SectionHead.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    /** A line of a proposal: proposed with the amount, or (amount null) not proposed with the reason. */
    private record Line(long declarationId, String amount, String reason) {
    }

    private static String lines(Long version, Line... lines) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Line l : lines) {
            all.add(l.amount() == null
                    ? Json.createObjectBuilder().add("declarationId", l.declarationId()).add("proposed", false).add("reason", l.reason())
                    : Json.createObjectBuilder().add("declarationId", l.declarationId()).add("proposed", true).add("amount", l.amount()));
        }
        var body = Json.createObjectBuilder().add("lines", all);
        if (version != null) {
            body.add("version", version);
        }
        return body.build().toString();
    }

    private HttpResponse<String> propose(long callId, String body, String token) {
        return http.postJson("api/v1/calls/" + callId + "/approval-lists", body, Http.bearer(token));
    }

    private HttpResponse<String> decide(long listId, String decision, long version, String reason, String token) {
        var body = Json.createObjectBuilder().add("version", version);
        if (reason != null) {
            body.add("reason", reason);
        }
        return http.postJson("api/v1/approval-lists/" + listId + "/" + decision, body.build().toString(), Http.bearer(token));
    }

    private static long id(HttpResponse<String> r) {
        return Http.json(r).getJsonNumber("id").longValue();
    }

    private static long version(HttpResponse<String> r) {
        return Http.json(r).getJsonNumber("version").longValue();
    }

    private static void assertRefused(int status, String code, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, Http.json(r).getString("code"), r.body());
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

    /**
     * The whole decision over one call of its own: three candidates (90; 80 and 80, the earlier submission first), a
     * budget of 2,000,000.00 and recommended amounts of 1,500,000.00, 400,000.00 and 300,000.00.
     */
    @Test
    void aRankedListIsProposedReturnedRevisedAndApprovedIntoProjectsByAnotherPerson() throws SQLException {
        Approvals approvals = new Approvals();
        long callId = approvals.publishedCall("立项测试通知 " + TestData.newUsername("call"), "2000000.00");
        Approvals.Evaluated first = approvals.evaluated(callId, 90, "1500000.00");
        Approvals.Evaluated tieEarlier = approvals.evaluated(callId, 80, "400000.00");
        Approvals.Evaluated tieLater = approvals.evaluated(callId, 80, "300000.00");
        long a = first.declarationId();
        long b = tieEarlier.declarationId();
        long c = tieLater.declarationId();

        List<JsonObject> ranked = approvals.ranked(callId);
        assertEquals(List.of(a, b, c), ranked.stream().map(o -> o.getJsonNumber("declarationId").longValue()).toList());
        assertEquals(new BigDecimal("90.00"), ranked.get(0).getJsonNumber("score").bigDecimalValue().setScale(2));
        assertEquals("1500000.00", ranked.get(0).getJsonNumber("requestedAmount").bigDecimalValue().toPlainString());
        assertEquals("400000.00", ranked.get(1).getJsonNumber("recommendedAmount").bigDecimalValue().toPlainString());

        String head = SectionHead.token(http, dataSource);
        String approver = http.token("approver", TestData.DEMO_PASSWORD);
        // over the budget by 200,000.00; an amount a fen above the request; each refused with its rule, nothing stored
        assertRefused(422, "approvalList.overBudget", propose(callId, lines(null, new Line(a, "1500000.00", null),
                new Line(b, "400000.00", null), new Line(c, "300000.00", null)), head));
        assertRefused(422, "approvalList.aboveRequested", propose(callId, lines(null, new Line(a, "1500000.01", null),
                new Line(b, null, "排名靠后"), new Line(c, null, "排名靠后")), head));
        assertRefused(403, "auth.forbidden", propose(callId, lines(null, new Line(a, "1.00", null)), approver));

        HttpResponse<String> v1 = propose(callId, lines(null, new Line(a, "1200000.00", null), new Line(b, "400000.00", null),
                new Line(c, "300000.00", null)), head);
        assertEquals(201, v1.statusCode(), v1.body());
        assertEquals("DRAFT", Http.json(v1).getString("state"));
        assertEquals("1900000.00", Http.json(v1).getJsonNumber("total").bigDecimalValue().toPlainString());
        assertRefused(409, "approvalList.liveExists", propose(callId, lines(null, new Line(a, "1.00", null),
                new Line(b, null, "x"), new Line(c, null, "x")), head));
        HttpResponse<String> submitted = decide(id(v1), "submission", version(v1), null, head);
        assertEquals(200, submitted.statusCode(), submitted.body());

        // 四眼原则 by person: the head holds the approver's role and is still refused, naming the rule
        assertRefused(403, "approvalList.approverIsPreparer", decide(id(v1), "approval", version(submitted), null, head));
        assertRefused(409, "request.conflict", decide(id(v1), "approval", version(submitted) - 1, null, approver));
        assertRefused(422, "approvalList.returnReasonRequired", decide(id(v1), "return", version(submitted), " ", approver));
        HttpResponse<String> returned = decide(id(v1), "return", version(submitted), "请压缩第一名的金额", approver);
        assertEquals(200, returned.statusCode(), returned.body());
        assertEquals("RETURNED", Http.json(returned).getString("state"));

        HttpResponse<String> v2 = propose(callId, lines(null, new Line(a, "1000000.00", null), new Line(b, "400000.00", null),
                new Line(c, null, "预算不足，排名第三")), head);
        assertEquals(201, v2.statusCode(), v2.body());
        assertEquals(2, Http.json(v2).getInt("versionNo"));
        assertEquals(id(v1), Http.json(v2).getJsonNumber("revisesId").longValue());
        HttpResponse<String> submitted2 = decide(id(v2), "submission", version(v2), null, head);
        assertEquals(200, submitted2.statusCode(), submitted2.body());
        HttpResponse<String> approved = decide(id(v2), "approval", version(submitted2), null, approver);
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("APPROVED", Http.json(approved).getString("state"));
        assertEquals("approver", Http.json(approved).getString("decidedBy"));

        List<JsonObject> versions = ((JsonArray) Http.jsonOf(http.get("api/v1/calls/" + callId + "/approval-lists",
                Http.bearer(approver)))).getValuesAs(JsonObject.class);
        assertEquals(List.of("APPROVED", "RETURNED"), versions.stream().map(v -> v.getString("state")).toList(),
                "the returned version is kept beside its revision");
        assertEquals("请压缩第一名的金额", versions.get(1).getString("decisionReason"));
        assertEquals("1200000.00", versions.get(1).getJsonArray("lines").getJsonObject(0).getJsonNumber("approvedAmount")
                .bigDecimalValue().toPlainString());

        // the approval created a project for each proposed line, APPROVED, with the amount approved
        List<JsonObject> projects = ((JsonArray) Http.jsonOf(http.get("api/v1/projects?callId=" + callId,
                Http.bearer(http.token("reviewer", TestData.DEMO_PASSWORD))))).getValuesAs(JsonObject.class);
        assertEquals(2, projects.size(), projects.toString());
        assertTrue(projects.stream().allMatch(p -> "APPROVED".equals(p.getString("state"))), projects.toString());
        JsonObject projectA = projects.stream().filter(p -> p.getJsonNumber("declarationId").longValue() == a).findFirst().orElseThrow();
        JsonObject projectB = projects.stream().filter(p -> p.getJsonNumber("declarationId").longValue() == b).findFirst().orElseThrow();
        assertEquals("1000000.00", projectA.getJsonNumber("approvedAmount").bigDecimalValue().toPlainString());
        assertEquals("PRE_APPROVED", projectA.getString("kind"));
        assertEquals(1, count("select count(*) from audit_entry where action = 'APPROVAL_LIST_APPROVE' and target = ?",
                "approvalList:" + id(v2)));

        // an enterprise reads its own project with its history, and not another's: 404, audited
        String ownerA = first.enterpriseToken();
        List<JsonObject> own = ((JsonArray) Http.jsonOf(http.get("api/v1/projects", Http.bearer(ownerA)))).getValuesAs(JsonObject.class);
        assertEquals(List.of(projectA.getJsonNumber("id").longValue()), own.stream().map(p -> p.getJsonNumber("id").longValue()).toList());
        HttpResponse<String> mine = http.get("api/v1/projects/" + projectA.getJsonNumber("id"), Http.bearer(ownerA));
        assertEquals(200, mine.statusCode(), mine.body());
        assertEquals("APPROVED", Http.json(mine).getJsonArray("transitions").getJsonObject(0).getString("to"));
        assertEquals("approver", Http.json(mine).getJsonArray("transitions").getJsonObject(0).getString("actor"));
        HttpResponse<String> theirs = http.get("api/v1/projects/" + projectB.getJsonNumber("id"), Http.bearer(ownerA));
        assertRefused(404, "project.notFound", theirs);
        assertEquals(1, count("select count(*) from audit_entry where action = 'PROJECT_ACCESS' and target = ?",
                "project:" + projectB.getJsonNumber("id")));
        assertRefused(404, "project.notFound", http.get("api/v1/projects/" + Long.MAX_VALUE, Http.bearer(ownerA)));
    }
}
