package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evaluations over the API (issue 10): only the assignment's own agency, and only after its "no conflict", reaches the
 * evaluation; draft, report and submission of a five-expert panel checked against hand-computed numbers; a stale
 * version and a race of two users of the same agency refused (409); a correction is a new version, the old kept.
 */
@ExtendWith(ArquillianExtension.class)
class EvaluationIT {

    private static final String PASSWORD = "eval-password-1";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(EvaluationIT.class, AssignmentIT.class, DeclarationLifeIT.class, DeclarationIT.class, Http.class,
                TestData.class, TestFiles.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    // --- helpers ---

    /** A fresh agency organisation with two AGENCY users: their tokens. */
    private record Agency(long id, String token, String secondToken) {
    }

    private Agency newAgency() throws SQLException {
        AssignmentIT assignments = new AssignmentIT();
        assignments.dataSource = dataSource;
        AssignmentIT.Agency agency = assignments.newAgency();
        return new Agency(agency.id(), agency.token(), agencyUser(agency.id()));
    }

    private String agencyUser(long organisationId) {
        String username = TestData.newUsername("eval");
        HttpResponse<String> user = http.postJson("api/v1/admin/users", Json.createObjectBuilder().add("username", username)
                .add("displayName", "评估员").add("role", "AGENCY").add("organisationId", organisationId)
                .add("password", PASSWORD).build().toString(), Http.bearer(http.token("admin", TestData.DEMO_PASSWORD)));
        assertEquals(201, user.statusCode(), user.body());
        return http.token(username, PASSWORD);
    }

    private String reviewer() {
        return http.token("reviewer", TestData.DEMO_PASSWORD);
    }

    /** An accepted declaration assigned to the agency for APPROVAL: the assignment. */
    private JsonObject assignment(long agencyId) {
        String enterprise = http.registerEnterprise(TestData.newUsername("evalent"), TestData.newUscc(), PASSWORD);
        DeclarationLifeIT life = new DeclarationLifeIT();
        JsonObject submitted = life.submitted(enterprise, life.completeDraft(enterprise));
        HttpResponse<String> accepted = http.postJson("api/v1/review/declarations/" + Http.declarationId(submitted)
                + "/acceptance", "{\"version\":" + Http.declarationVersion(submitted) + "}", Http.bearer(reviewer()));
        assertEquals(200, accepted.statusCode(), accepted.body());
        HttpResponse<String> r = http.postJson("api/v1/assignments", Json.createObjectBuilder()
                .add("declarationIds", Json.createArrayBuilder().add(Http.declarationId(submitted))).add("stage", "APPROVAL")
                .add("agencyId", agencyId).add("dueOn", TODAY.plusDays(30).toString()).build().toString(),
                Http.bearer(reviewer()));
        assertEquals(200, r.statusCode(), r.body());
        return ((JsonArray) Http.jsonOf(r)).getJsonObject(0);
    }

    private static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    private static long version(HttpResponse<String> r) {
        return Http.json(r).getJsonNumber("version").longValue();
    }

    /** No conflict declared: the assignment's new version. */
    private long cleared(JsonObject assignment, String token) {
        HttpResponse<String> r = http.postJson("api/v1/assignments/" + id(assignment) + "/conflict-declaration",
                "{\"version\":" + assignment.getJsonNumber("version").longValue() + ",\"conflict\":false}", Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return version(r);
    }

    /** 86, 80, 93, 40, 100 on the default template (25, 25, 20, 15, 15). */
    private static String fivePanel(long version, String conclusion) {
        String[][] scores = {{"22", "21", "17", "13", "13"}, {"20", "20", "16", "12", "12"}, {"24", "23", "18", "14", "14"},
                {"10", "10", "8", "6", "6"}, {"25", "25", "20", "15", "15"}};
        var experts = Json.createArrayBuilder();
        for (int i = 0; i < scores.length; i++) {
            var s = Json.createArrayBuilder();
            for (String v : scores[i]) {
                s.add(new BigDecimal(v));
            }
            experts.add(Json.createObjectBuilder().add("name", "专家" + i).add("title", "教授").add("employer", "某大学")
                    .add("scores", s));
        }
        return "{\"version\":" + version + ",\"experts\":" + experts.build() + ",\"conclusion\":" + conclusion
                + ",\"opinion\":\"技术路线清晰，建议立项。\"}";
    }

    private HttpResponse<String> draft(long assignmentId, String body, String token) {
        return http.putJson("api/v1/assignments/" + assignmentId + "/evaluation", body, Http.bearer(token));
    }

    private HttpResponse<String> report(long assignmentId, long version, String token) {
        return http.upload("api/v1/assignments/" + assignmentId + "/evaluation/report", Map.of("version", "" + version),
                "评估报告.pdf", "application/pdf", TestFiles.pdf(5000), Http.bearer(token));
    }

    private HttpResponse<String> submit(long assignmentId, long version, String token) {
        return http.postJson("api/v1/assignments/" + assignmentId + "/evaluation/submission", "{\"version\":" + version + "}",
                Http.bearer(token));
    }

    /** The conclusion this assignment's stage and kind ask for (a recommended amount for a PRE_APPROVED project). */
    private String recommend(long assignmentId, String token) {
        JsonObject view = Http.json(http.get("api/v1/assignments/" + assignmentId + "/evaluation", Http.bearer(token)));
        return "PRE_APPROVED".equals(view.getString("subsidyKind"))
                ? "{\"verdict\":\"RECOMMEND\",\"recommendedAmount\":\"1.00\"}" : "{\"verdict\":\"RECOMMEND\"}";
    }

    /** A draft of the five-panel with its report, ready to submit: the assignment's version. */
    private long ready(long assignmentId, long version, String token) {
        HttpResponse<String> saved = draft(assignmentId, fivePanel(version, recommend(assignmentId, token)), token);
        assertEquals(200, saved.statusCode(), saved.body());
        HttpResponse<String> uploaded = report(assignmentId, version(saved), token);
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        return version(uploaded);
    }

    /** Every evaluation route of the assignment as the token's caller reaches it: the status codes. */
    private List<Integer> everyRoute(long assignmentId, long version, String token) {
        String base = "api/v1/assignments/" + assignmentId + "/evaluation";
        return List.of(http.get(base, Http.bearer(token)).statusCode(),
                http.get(base + "/versions", Http.bearer(token)).statusCode(),
                http.get(base + "/report", Http.bearer(token)).statusCode(),
                draft(assignmentId, fivePanel(version, "{\"verdict\":\"RECOMMEND\"}"), token).statusCode(),
                report(assignmentId, version, token).statusCode(),
                submit(assignmentId, version, token).statusCode());
    }

    // --- tests ---

    @Test
    void onlyTheOwnAgencyReachesTheEvaluationAndOnlyAfterItsNoConflict() throws SQLException {
        Agency mine = newAgency();
        Agency other = newAgency();
        JsonObject a = assignment(mine.id());
        long version = a.getJsonNumber("version").longValue();
        List<Integer> hidden = List.of(404, 404, 404, 404, 404, 404);
        assertEquals(hidden, everyRoute(id(a), version, other.token()), "another agency, before the declaration");
        assertEquals(hidden, everyRoute(id(a), version, mine.token()), "its own agency, before its declaration");
        long cleared = cleared(a, mine.token());
        assertEquals(hidden, everyRoute(id(a), cleared, other.token()), "another agency, after the declaration");
        HttpResponse<String> own = http.get("api/v1/assignments/" + id(a) + "/evaluation", Http.bearer(mine.token()));
        assertEquals(200, own.statusCode(), own.body());
        assertEquals(0, Http.json(own).getInt("versionNo"), "nothing saved yet");
        assertTrue(Http.json(own).getBoolean("editable"));
        assertEquals(0, count("select count(*) from evaluation where assignment_id = ?", id(a)), "nothing was stored");
    }

    @Test
    void aFiveExpertPanelIsDraftedReportedAndSubmittedWithItsComputedScore() throws SQLException {
        Agency agency = newAgency();
        JsonObject a = assignment(agency.id());
        long cleared = cleared(a, agency.token());
        // half done first: two experts, an empty cell, no conclusion (a draft may be incomplete)
        HttpResponse<String> half = draft(id(a), "{\"version\":" + cleared + ",\"experts\":[{\"name\":\"专家0\","
                + "\"scores\":[22,null,17]},{\"name\":\"专家1\",\"scores\":[20]}]}", agency.token());
        assertEquals(200, half.statusCode(), half.body());
        assertFalse(Http.json(half).containsKey("total") && !Http.json(half).isNull("total"), "no total yet: " + half.body());
        long v = version(half);
        HttpResponse<String> saved = draft(id(a), fivePanel(v, recommend(id(a), agency.token())), agency.token());
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject view = Http.json(saved);
        // kept 86, 80, 93: 22.00 + 21.33 + 17.00 + 13.00 + 13.00
        assertEquals(new BigDecimal("86.33"), view.getJsonNumber("total").bigDecimalValue());
        assertEquals("GOOD", view.getString("grade"));
        List<JsonObject> sheets = view.getJsonArray("sheets").getValuesAs(JsonObject.class);
        assertEquals(List.of(false, false, false, true, true), sheets.stream().map(s -> s.getBoolean("dropped")).toList());
        assertEquals(List.of(false, false, false, true, false), sheets.stream().map(s -> s.getBoolean("dispersed")).toList(),
                "40 is 46.33 from the panel's 86.33; 100 only 13.67");
        assertEquals(new BigDecimal("21.33"),
                view.getJsonArray("indicators").getJsonObject(1).getJsonNumber("score").bigDecimalValue());
        assertEquals("DRAFT", view.getString("state"));

        HttpResponse<String> stale = draft(id(a), fivePanel(v, recommend(id(a), agency.token())), agency.token());
        assertEquals(409, stale.statusCode(), "the version read before the save: " + stale.body());
        HttpResponse<String> early = submit(id(a), version(saved), agency.token());
        assertEquals(422, early.statusCode(), early.body());
        assertTrue(early.body().contains("report"), early.body());

        HttpResponse<String> notPdf = http.upload("api/v1/assignments/" + id(a) + "/evaluation/report",
                Map.of("version", "" + version(saved)), "评估报告.pdf", "application/pdf",
                "not a pdf at all".getBytes(), Http.bearer(agency.token()));
        assertEquals(422, notPdf.statusCode(), notPdf.body());
        HttpResponse<String> uploaded = report(id(a), version(saved), agency.token());
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        assertEquals("评估报告.pdf", Http.json(uploaded).getJsonObject("report").getString("name"));
        HttpResponse<byte[]> file = http.getBytes("api/v1/assignments/" + id(a) + "/evaluation/report",
                Http.bearer(reviewer()));
        assertEquals(200, file.statusCode());
        assertEquals("%PDF-", new String(file.body(), 0, 5));

        HttpResponse<String> submitted = submit(id(a), version(uploaded), agency.token());
        assertEquals(200, submitted.statusCode(), submitted.body());
        assertEquals("SUBMITTED", Http.json(submitted).getString("state"));
        assertEquals("SUBMITTED", Http.json(submitted).getString("assignmentState"));
        assertFalse(Http.json(submitted).getBoolean("editable"));
        HttpResponse<String> after = draft(id(a), fivePanel(version(submitted), "{\"verdict\":\"RECOMMEND\"}"), agency.token());
        assertEquals(409, after.statusCode(), "a submitted evaluation is final: " + after.body());
        JsonObject seen = Http.json(http.get("api/v1/assignments/" + id(a) + "/evaluation", Http.bearer(reviewer())));
        assertEquals(new BigDecimal("86.33"), seen.getJsonNumber("total").bigDecimalValue());
        assertEquals(1, count("select count(*) from evaluation where assignment_id = ? and state = 'SUBMITTED'", id(a)));
        assertEquals(5, count("select count(*) from evaluation_sheet s join evaluation e on e.id = s.evaluation_id "
                + "where e.assignment_id = ?", id(a)));
    }

    /**
     * Two users of the agency submit the same evaluation, read at the same version, at once: the assignment's lock
     * lines them up and the second finds the version moved on (request.conflict), not a later state of the table.
     */
    @Test
    void twoUsersOfTheAgencySubmittingAtOnceMakeOneSubmission() throws Exception {
        Agency agency = newAgency();
        JsonObject a = assignment(agency.id());
        long v = ready(id(a), cleared(a, agency.token()), agency.token());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (String token : List.of(agency.token(), agency.secondToken())) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return new Http().postJson("api/v1/assignments/" + id(a) + "/evaluation/submission",
                            "{\"version\":" + v + "}", Http.bearer(token));
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> codes = answers.stream().map(HttpResponse::statusCode).sorted().toList();
        assertEquals(List.of(200, 409), codes, answers.stream().map(HttpResponse::body).toList().toString());
        HttpResponse<String> loser = answers.stream().filter(r -> r.statusCode() == 409).findFirst().orElseThrow();
        assertEquals("request.conflict", Http.json(loser).getString("code"), loser.body());
        assertEquals(1, count("select count(*) from evaluation where assignment_id = ?", id(a)));
        assertEquals(1, count("select count(*) from assignment_transition where assignment_id = ? and to_state = 'SUBMITTED'",
                id(a)));
    }

    @Test
    void aCorrectionIsANewVersionAndTheNewerSubmittedOneCounts() throws SQLException {
        Agency agency = newAgency();
        JsonObject a = assignment(agency.id());
        HttpResponse<String> first = submit(id(a), ready(id(a), cleared(a, agency.token()), agency.token()), agency.token());
        assertEquals(200, first.statusCode(), first.body());
        String path = "api/v1/assignments/" + id(a) + "/correction-permission";
        HttpResponse<String> byAgency = http.postJson(path, "{\"version\":" + version(first) + ",\"reason\":\"x\"}",
                Http.bearer(agency.token()));
        assertEquals(403, byAgency.statusCode(), "the reviewer's: " + byAgency.body());
        HttpResponse<String> noReason = http.postJson(path, "{\"version\":" + version(first) + ",\"reason\":\" \"}",
                Http.bearer(reviewer()));
        assertEquals(422, noReason.statusCode(), noReason.body());
        HttpResponse<String> allowed = http.postJson(path, "{\"version\":" + version(first) + ",\"reason\":\"专家姓名有误\"}",
                Http.bearer(reviewer()));
        assertEquals(200, allowed.statusCode(), allowed.body());
        assertEquals(2, Http.json(allowed).getInt("versionNo"));
        assertEquals("DRAFT", Http.json(allowed).getString("state"));
        assertEquals("IN_CORRECTION", Http.json(allowed).getString("assignmentState"));
        assertEquals("专家姓名有误", Http.json(allowed).getJsonObject("correction").getString("reason"));
        assertEquals("评估报告.pdf", Http.json(allowed).getJsonObject("report").getString("name"), "the report is copied");

        String corrected = fivePanel(version(allowed), recommend(id(a), agency.token()))
                .replace("[22,21,17,13,13]", "[25,25,20,15,15]");
        HttpResponse<String> saved = draft(id(a), corrected, agency.token());
        assertEquals(200, saved.statusCode(), saved.body());
        byte[] firstReport = http.getBytes("api/v1/assignments/" + id(a) + "/evaluation/report", Http.bearer(reviewer())).body();
        byte[] newReport = TestFiles.pdf(7000);
        HttpResponse<String> replaced = http.upload("api/v1/assignments/" + id(a) + "/evaluation/report",
                Map.of("version", "" + version(saved)), "评估报告（更正）.pdf", "application/pdf", newReport, Http.bearer(agency.token()));
        assertEquals(200, replaced.statusCode(), replaced.body());
        saved = replaced;
        HttpResponse<String> second = submit(id(a), version(saved), agency.token());
        assertEquals(200, second.statusCode(), second.body());
        // 100, 80, 93, 40, 100: the first 100 and the 40 left out
        assertEquals(new BigDecimal("91.01"), Http.json(second).getJsonNumber("total").bigDecimalValue());

        List<JsonObject> versions = ((JsonArray) Http.jsonOf(http.get("api/v1/assignments/" + id(a) + "/evaluation/versions",
                Http.bearer(reviewer())))).getValuesAs(JsonObject.class);
        assertEquals(List.of(1, 2), versions.stream().map(x -> x.getInt("versionNo")).toList());
        assertEquals(List.of("SUBMITTED", "SUBMITTED"), versions.stream().map(x -> x.getString("state")).toList());
        assertEquals(List.of(false, true), versions.stream().map(x -> x.getBoolean("counts")).toList());
        assertEquals(new BigDecimal("86.33"), versions.get(0).getJsonNumber("total").bigDecimalValue(), "the old one kept");
        // each version keeps the report it was judged on
        String report = "api/v1/assignments/" + id(a) + "/evaluation/report";
        org.junit.jupiter.api.Assertions.assertArrayEquals(newReport, http.getBytes(report, Http.bearer(reviewer())).body());
        org.junit.jupiter.api.Assertions.assertArrayEquals(firstReport,
                http.getBytes(report + "?version=1", Http.bearer(reviewer())).body());
        assertEquals(404, http.getBytes(report + "?version=9", Http.bearer(reviewer())).statusCode());
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
