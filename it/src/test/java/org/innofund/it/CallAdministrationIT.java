package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call's life before declarations: prepared by a reviewer, published by an approver (never the one who prepared
 * it), frozen afterwards.
 */
@ExtendWith(ArquillianExtension.class)
class CallAdministrationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(CallAdministrationIT.class, TestData.class, Http.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    private static long version(JsonObject call) {
        return call.getJsonNumber("version").longValue();
    }

    private static JsonArrayBuilder indicators(int... weights) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (int i = 0; i < weights.length; i++) {
            list.add(Json.createObjectBuilder().add("name", "指标" + (i + 1)).add("weight", weights[i]));
        }
        return list;
    }

    @Test
    @RunAsClient
    void aReviewerPreparesAnApproverPublishesAndThePublishedCallIsFrozen() {
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String approver = http.token("approver", TestData.DEMO_PASSWORD);
        String enterprise = http.token("enterprise1", TestData.DEMO_PASSWORD);

        String callBody = callBody(reviewer);
        assertEquals(403, http.postJson("api/v1/bureau/calls", callBody, Http.bearer(enterprise)).statusCode());
        HttpResponse<String> created = http.postJson("api/v1/bureau/calls", callBody, Http.bearer(reviewer));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject call = Http.json(created);
        long id = call.getJsonNumber("id").longValue();
        assertEquals("DRAFT", call.getString("status"));
        // Money on the wire: a JSON number with its two decimals, as the BigDecimal amounts were written before
        assertTrue(created.body().contains("\"budget\":1000000.00,"), created.body());
        assertEquals("2000000.00", call.getJsonObject("ruleParameters").getJsonNumber("minExpense").bigDecimalValue()
                .setScale(2).toPlainString(), "defaults of the kind");
        assertEquals(100, call.getJsonArray("scoringTemplate").getValuesAs(JsonObject.class).stream()
                .mapToInt(i -> i.getInt("weight")).sum());
        assertEquals(404, http.get("api/v1/calls/" + id).statusCode(), "a draft is not public");

        HttpResponse<String> ninetyNine = http.putJson("api/v1/bureau/calls/" + id + "/template", Json.createObjectBuilder()
                .add("version", version(call)).add("indicators", indicators(40, 30, 29)).build().toString(), Http.bearer(reviewer));
        assertEquals(422, ninetyNine.statusCode());
        assertEquals("call.templateWeights", Http.json(ninetyNine).getString("code"));
        HttpResponse<String> template = http.putJson("api/v1/bureau/calls/" + id + "/template", Json.createObjectBuilder()
                .add("version", version(call)).add("indicators", indicators(40, 30, 30)).build().toString(), Http.bearer(reviewer));
        assertEquals(200, template.statusCode(), template.body());
        call = Http.json(template);

        HttpResponse<String> parameter = http.putJson("api/v1/bureau/calls/" + id + "/parameters/minExpense",
                "{\"version\":" + version(call) + ",\"value\":1500000.00}", Http.bearer(reviewer));
        assertEquals(200, parameter.statusCode(), parameter.body());
        call = Http.json(parameter);
        assertEquals(0, call.getJsonObject("ruleParameters").getJsonNumber("minExpense").bigDecimalValue()
                .compareTo(new java.math.BigDecimal("1500000")));
        HttpResponse<String> unknown = http.putJson("api/v1/bureau/calls/" + id + "/parameters/noSuchThing",
                "{\"version\":" + version(call) + ",\"value\":1}", Http.bearer(reviewer));
        assertEquals("call.parameterUnknown", Http.json(unknown).getString("code"));
        // issue 9: a ratio above 1 was saved and published; now refused with the range and unit named, and not saved
        HttpResponse<String> outOfRange = http.putJson("api/v1/bureau/calls/" + id + "/parameters/minIntensity",
                "{\"version\":" + version(call) + ",\"value\":1.5}", "Authorization", "Bearer " + reviewer, "Accept-Language", "en");
        assertEquals(422, outOfRange.statusCode(), outOfRange.body());
        assertEquals("call.parameterRange", Http.json(outOfRange).getString("code"));
        assertEquals("Minimum R&D intensity must be between 0 and 1 (a ratio, 1 = 100 %).",
                Http.json(outOfRange).getString("message"));
        HttpResponse<String> chinese = http.putJson("api/v1/bureau/calls/" + id + "/parameters/band3.growthFrom",
                "{\"version\":" + version(call) + ",\"value\":-1.01}", Http.bearer(reviewer));
        assertEquals("第三档增长率（不低于）应在 -1 至 0 之间（增长率，0.20 即增长 20%，-0.10 即下降 10%）。",
                Http.json(chinese).getString("message"));
        assertEquals(0, Http.json(http.get("api/v1/bureau/calls/" + id, Http.bearer(reviewer))).getJsonObject("ruleParameters")
                .getJsonNumber("minIntensity").bigDecimalValue().compareTo(new java.math.BigDecimal("0.03")), "the refused value is not saved");

        HttpResponse<String> byPreparer = http.postJson("api/v1/bureau/calls/" + id + "/publication",
                "{\"version\":" + version(call) + "}", Http.bearer(reviewer));
        assertEquals(403, byPreparer.statusCode(), "the reviewer has no right to publish");
        HttpResponse<String> published = http.postJson("api/v1/bureau/calls/" + id + "/publication",
                "{\"version\":" + version(call) + "}", Http.bearer(approver));
        assertEquals(200, published.statusCode(), published.body());
        call = Http.json(published);
        assertEquals("PUBLISHED", call.getString("status"));
        assertEquals("approver", call.getString("publishedBy"));

        HttpResponse<String> frozen = http.putJson("api/v1/bureau/calls/" + id + "/parameters/minExpense",
                "{\"version\":" + version(call) + ",\"value\":1.00}", Http.bearer(reviewer));
        assertEquals(409, frozen.statusCode());
        assertEquals("call.alreadyPublished", Http.json(frozen).getString("code"));
        JsonObject publicView = Http.json(http.get("api/v1/calls/" + id));
        assertEquals("测试通知", publicView.getString("title"));
        assertEquals(new java.math.BigDecimal("1000000.00"), publicView.getJsonNumber("budget").bigDecimalValue());
        assertTrue(publicView.getBoolean("open"));
    }

    /**
     * The four-eyes rule is the business layer's, not only the roles': a user who is both reviewer and approver (a
     * small bureau's section head) prepares a call and is refused its publication with 403 for that reason; another
     * approver then publishes it.
     */
    @Test
    void whoPreparedACallCannotPublishItEvenWithTheApproversRole() throws SQLException {
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        long bureau = ((JsonArray) Http.jsonOf(http.get("api/v1/admin/organisations?role=REVIEWER", Http.bearer(admin))))
                .getJsonObject(0).getJsonNumber("id").longValue();
        String username = TestData.newUsername("head");
        String password = "Vier-Augen#2026!";
        HttpResponse<String> user = http.postJson("api/v1/admin/users", Json.createObjectBuilder().add("username", username)
                .add("displayName", "科长").add("role", "REVIEWER").add("organisationId", bureau).add("password", password)
                .build().toString(), Http.bearer(admin));
        assertEquals(201, user.statusCode(), user.body());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("insert into user_role "
                + "(user_id, role) select id, 'APPROVER' from user_account where username = ?")) {
            ps.setString(1, username);
            assertEquals(1, ps.executeUpdate()); // no screen gives a user two roles yet
        }
        String head = http.token(username, password);

        HttpResponse<String> created = http.postJson("api/v1/bureau/calls", callBody(head), Http.bearer(head));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject call = Http.json(created);
        assertEquals(username, call.getString("createdBy"));
        String publication = "api/v1/bureau/calls/" + call.getJsonNumber("id").longValue() + "/publication";
        String version = "{\"version\":" + version(call) + "}";

        HttpResponse<String> byPreparer = http.postJson(publication, version, Http.bearer(head));
        assertEquals(403, byPreparer.statusCode(), byPreparer.body());
        assertEquals("call.publisherIsPreparer", Http.json(byPreparer).getString("code"));
        HttpResponse<String> byAnother = http.postJson(publication, version, Http.bearer(http.token("approver", TestData.DEMO_PASSWORD)));
        assertEquals(200, byAnother.statusCode(), "the refusal changed nothing: " + byAnother.body());
        assertEquals("approver", Http.json(byAnother).getString("publishedBy"));
    }

    /**
     * 退回起草人: the approver sends a draft back with an opinion; the preparer reads it, revises the call, and it is
     * published later; an empty opinion, a stale version and a published call are refused, nothing changed.
     */
    @Test
    @RunAsClient
    void anApproverSendsADraftBackWithAnOpinionAndItIsPublishedLater() {
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String approver = http.token("approver", TestData.DEMO_PASSWORD);
        String callBody = callBody(reviewer);
        JsonObject call = Http.json(http.postJson("api/v1/bureau/calls", callBody, Http.bearer(reviewer)));
        long id = call.getJsonNumber("id").longValue();
        String sendBack = "api/v1/bureau/calls/" + id + "/return";

        HttpResponse<String> byReviewer = http.postJson(sendBack, opinion(version(call), "请核减预算"), Http.bearer(reviewer));
        assertEquals(403, byReviewer.statusCode(), "only an approver sends back: " + byReviewer.body());
        HttpResponse<String> empty = http.postJson(sendBack, opinion(version(call), "  "), Http.bearer(approver));
        assertEquals(422, empty.statusCode(), empty.body());
        HttpResponse<String> stale = http.postJson(sendBack, opinion(version(call) - 1, "请核减预算"), Http.bearer(approver));
        assertEquals(409, stale.statusCode(), stale.body());

        HttpResponse<String> returned = http.postJson(sendBack, opinion(version(call), "预算偏高，请核减至 80 万元"), Http.bearer(approver));
        assertEquals(200, returned.statusCode(), returned.body());
        assertEquals("DRAFT", Http.json(returned).getString("status"));

        JsonObject read = Http.json(http.get("api/v1/bureau/calls/" + id, Http.bearer(reviewer)));
        assertEquals("预算偏高，请核减至 80 万元", read.getJsonObject("returned").getString("opinion"), "the preparer reads the opinion");
        assertEquals("approver", read.getJsonObject("returned").getString("by"));
        HttpResponse<String> revised = http.putJson("api/v1/bureau/calls/" + id, Json.createReader(new java.io.StringReader(callBody))
                .readObject().entrySet().stream().filter(e -> !e.getKey().equals("budget"))
                .collect(Json::createObjectBuilder, (b, e) -> b.add(e.getKey(), e.getValue()), (a, b) -> { })
                .add("budget", 800000.00).add("version", version(read)).build().toString(), Http.bearer(reviewer));
        assertEquals(200, revised.statusCode(), "a returned call is still an editable draft: " + revised.body());

        HttpResponse<String> published = http.postJson("api/v1/bureau/calls/" + id + "/publication",
                "{\"version\":" + version(Http.json(revised)) + "}", Http.bearer(approver));
        assertEquals(200, published.statusCode(), published.body());
        HttpResponse<String> tooLate = http.postJson(sendBack, opinion(version(Http.json(published)), "再看看"), Http.bearer(approver));
        assertEquals(409, tooLate.statusCode(), tooLate.body());
        assertEquals("call.alreadyPublished", Http.json(tooLate).getString("code"));

        JsonArray trail = (JsonArray) Http.jsonOf(http.get("api/v1/admin/audit?action=CALL_RETURN&max=500",
                Http.bearer(http.token("admin", TestData.DEMO_PASSWORD))));
        assertTrue(trail.getValuesAs(JsonObject.class).stream().anyMatch(e -> ("call:" + id).equals(e.getString("target"))
                && "预算偏高，请核减至 80 万元".equals(e.getString("detail"))), "audited with the opinion: " + trail);
    }

    private static String opinion(long version, String opinion) {
        return Json.createObjectBuilder().add("version", version).add("opinion", opinion).build().toString();
    }

    /** Issue 9, item 12: the reviewer's list of programs counts each one's calls, drafts included. */
    @Test
    @RunAsClient
    void theProgramsListCountsTheCallsOfEachProgram() {
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String callBody = callBody(reviewer);
        long programId = Json.createReader(new java.io.StringReader(callBody)).readObject().getJsonNumber("programId").longValue();
        java.util.function.LongSupplier calls = () -> ((JsonArray) Http.jsonOf(http.get("api/v1/bureau/programs", Http.bearer(reviewer))))
                .getValuesAs(JsonObject.class).stream().filter(p -> p.getJsonNumber("id").longValue() == programId)
                .findFirst().orElseThrow().getJsonNumber("calls").longValue();
        assertEquals(0, calls.getAsLong());
        assertEquals(201, http.postJson("api/v1/bureau/calls", callBody, Http.bearer(reviewer)).statusCode());
        assertEquals(201, http.postJson("api/v1/bureau/calls", callBody, Http.bearer(reviewer)).statusCode());
        assertEquals(2, calls.getAsLong());
        assertEquals(403, http.get("api/v1/bureau/programs", Http.bearer(http.token("enterprise1", TestData.DEMO_PASSWORD))).statusCode());
    }

    /** A new program of the caller's, and a call in it open from now for 30 days. */
    private String callBody(String reviewerToken) {
        HttpResponse<String> program = http.postJson("api/v1/bureau/programs", Json.createObjectBuilder()
                .add("name", "研发投入后补助（测试）").add("subsidyKind", "RD_INVESTMENT").add("department", "高新技术科")
                .build().toString(), Http.bearer(reviewerToken));
        assertEquals(201, program.statusCode(), program.body());
        Instant opens = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Json.createObjectBuilder().add("programId", Http.json(program).getJsonNumber("id").longValue())
                .add("title", "测试通知").add("year", 2026).add("opensAt", opens.toString())
                .add("closesAt", opens.plus(30, ChronoUnit.DAYS).toString()).add("budget", 1000000.00)
                .add("guide", "测试指南").build().toString();
    }
}
