package org.innofund.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the approval tests (ApprovalIT, BrowserIT) start from, built through the API as the people would: a published
 * PRE_APPROVED call of its own (so that its one approved list troubles no other test), and declarations in it that an
 * enterprise submitted, the reviewer accepted and assigned, and the demo agency evaluated for APPROVAL and submitted.
 */
final class Approvals {

    private static final String PASSWORD = "approval-password-1";
    private static final int[] TEMPLATE = {25, 25, 20, 15, 15};

    private final Http http = new Http();

    /** A declaration with its submitted APPROVAL evaluation: its id, its enterprise's token, its total. */
    record Evaluated(long declarationId, String enterpriseToken, BigDecimal total) {
    }

    /**
     * A new PRE_APPROVED call with the given budget, open since a minute ago for 90 days (closing after the demo
     * calls, which other tests pick as "the open call of the kind"), asking for the demo call's two files; prepared by
     * the reviewer, published by the approver.
     */
    long publishedCall(String title, String budget) {
        String reviewer = token("reviewer");
        HttpResponse<String> program = http.postJson("api/v1/bureau/programs", Json.createObjectBuilder()
                .add("name", title + "（产业技术研究与开发）").add("subsidyKind", "PRE_APPROVED").add("department", "高新技术科")
                .build().toString(), Http.bearer(reviewer));
        assertEquals(201, program.statusCode(), program.body());
        Instant opens = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> call = http.postJson("api/v1/bureau/calls", Json.createObjectBuilder()
                .add("programId", Http.json(program).getJsonNumber("id").longValue()).add("title", title).add("year", 2026)
                .add("opensAt", opens.toString()).add("closesAt", opens.plus(90, ChronoUnit.DAYS).toString())
                .add("budget", new BigDecimal(budget)).add("guide", "立项测试指南").build().toString(), Http.bearer(reviewer));
        assertEquals(201, call.statusCode(), call.body());
        long id = Http.json(call).getJsonNumber("id").longValue();
        HttpResponse<String> files = http.putJson("api/v1/bureau/calls/" + id + "/attachments", Json.createObjectBuilder()
                .add("version", Http.json(call).getJsonNumber("version").longValue())
                .add("requirements", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("name", "营业执照").add("required", true).add("allowedTypes", "PDF"))
                        .add(Json.createObjectBuilder().add("name", "项目可行性研究报告").add("required", true)
                                .add("allowedTypes", "PDF"))).build().toString(), Http.bearer(reviewer));
        assertEquals(200, files.statusCode(), files.body());
        HttpResponse<String> published = http.postJson("api/v1/bureau/calls/" + id + "/publication",
                "{\"version\":" + Http.json(files).getJsonNumber("version") + "}", Http.bearer(token("approver")));
        assertEquals(200, published.statusCode(), published.body());
        return id;
    }

    /**
     * A declaration of a new enterprise in the call (subsidy requested: 1,500,000.00), accepted, assigned to agency1 and
     * evaluated by three experts who each give every indicator {@code percent} % of its weight (an even percent, so
     * that each score has one decimal): the total is {@code percent}; recommended with the given amount.
     */
    Evaluated evaluated(long callId, int percent, String recommendedAmount) {
        String enterprise = http.registerEnterprise(TestData.newUsername("appr"), TestData.newUscc(), PASSWORD);
        DeclarationLifeIT life = new DeclarationLifeIT();
        JsonObject submitted = life.submitted(enterprise, life.completeDraft(enterprise, callId));
        long declarationId = Http.declarationId(submitted);
        String reviewer = token("reviewer");
        HttpResponse<String> accepted = http.postJson("api/v1/review/declarations/" + declarationId + "/acceptance",
                "{\"version\":" + Http.declarationVersion(submitted) + "}", Http.bearer(reviewer));
        assertEquals(200, accepted.statusCode(), accepted.body());
        HttpResponse<String> assigned = http.postJson("api/v1/assignments", Json.createObjectBuilder()
                .add("declarationIds", Json.createArrayBuilder().add(declarationId)).add("stage", "APPROVAL")
                .add("agencyId", agencyId()).add("dueOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString())
                .build().toString(), Http.bearer(reviewer));
        assertEquals(200, assigned.statusCode(), assigned.body());
        JsonObject assignment = ((JsonArray) Http.jsonOf(assigned)).getJsonObject(0);
        long id = assignment.getJsonNumber("id").longValue();
        String agency = token("agency1");
        String base = "api/v1/assignments/" + id;
        HttpResponse<String> cleared = http.postJson(base + "/conflict-declaration", "{\"version\":"
                + assignment.getJsonNumber("version") + ",\"conflict\":false}", Http.bearer(agency));
        assertEquals(200, cleared.statusCode(), cleared.body());
        JsonArrayBuilder experts = Json.createArrayBuilder();
        for (int e = 0; e < 3; e++) {
            JsonArrayBuilder scores = Json.createArrayBuilder();
            for (int weight : TEMPLATE) {
                scores.add(BigDecimal.valueOf(weight * percent, 2));
            }
            experts.add(Json.createObjectBuilder().add("name", "专家" + e).add("title", "研究员").add("employer", "研究院")
                    .add("scores", scores));
        }
        HttpResponse<String> drafted = http.putJson(base + "/evaluation", Json.createObjectBuilder()
                .add("version", version(cleared)).add("experts", experts)
                .add("conclusion", Json.createObjectBuilder().add("verdict", "RECOMMEND")
                        .add("recommendedAmount", recommendedAmount))
                .add("opinion", "技术路线清晰，建议立项。").build().toString(), Http.bearer(agency));
        assertEquals(200, drafted.statusCode(), drafted.body());
        HttpResponse<String> report = http.upload(base + "/evaluation/report", Map.of("version", "" + version(drafted)),
                "评估报告.pdf", "application/pdf", TestFiles.pdf(3000), Http.bearer(agency));
        assertEquals(200, report.statusCode(), report.body());
        HttpResponse<String> done = http.postJson(base + "/evaluation/submission", "{\"version\":" + version(report) + "}",
                Http.bearer(agency));
        assertEquals(200, done.statusCode(), done.body());
        return new Evaluated(declarationId, enterprise, Http.json(done).getJsonNumber("total").bigDecimalValue());
    }

    /** The call's candidates as the reviewer reads them, in rank order. */
    List<JsonObject> ranked(long callId) {
        HttpResponse<String> r = http.get("api/v1/calls/" + callId + "/approval-lists/candidates", Http.bearer(token("reviewer")));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r).getJsonArray("ranked").getValuesAs(JsonObject.class);
    }

    private long agencyId() {
        return Http.json(http.get("api/v1/me", Http.bearer(token("agency1")))).getJsonObject("organisation").getJsonNumber("id")
                .longValue();
    }

    private String token(String demoUser) {
        return http.token(demoUser, TestData.DEMO_PASSWORD);
    }

    private static long version(HttpResponse<String> r) {
        return Http.json(r).getJsonNumber("version").longValue();
    }
}
