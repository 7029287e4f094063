package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 任务书 and follow-up over the API (issue 11): a subsidy part a fen off the approved amount refused (422 naming
 * "budget"); returned with a reason, resubmitted, confirmed by the reviewer, then by the enterprise (signed, the project
 * IN_PROGRESS); another enterprise answered 404 on every route; a milestone overdue once the clock passes its date, and
 * no longer once reported; a change rejected and one approved (version 2); the timeline with each step once, newest
 * first, the reviewer's internal note only for the bureau; the MIDTERM and ACCEPTANCE evaluations moving the project.
 * <p>
 * Projects are approved through the approval API (Approvals); the public notice's end, which is another context's
 * timer, is stood in for by one SQL update recorded as its transition.
 */
@ExtendWith(ArquillianExtension.class)
class AgreementIT {

    private static final String APPROVED = "300000.00";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(AgreementIT.class, Approvals.class, DeclarationLifeIT.class, DeclarationIT.class,
                Http.class, TestData.class, TestFiles.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    @AfterEach
    void putTheClockBack() {
        HttpResponse<String> back = moveClock("PT0S");
        assertEquals(200, back.statusCode(), back.body());
    }

    // --- helpers ---

    private record Funded(long projectId, long declarationId, String enterpriseToken) {
    }

    /** A PRE_APPROVED project approved through the API with 300,000.00, and its public notice ended. */
    private Funded publicizedProject() throws SQLException {
        Approvals approvals = new Approvals();
        long callId = approvals.publishedCall("任务书测试通知 " + TestData.newUsername("call"), "2000000.00");
        Approvals.Evaluated e = approvals.evaluated(callId, 80, APPROVED);
        String reviewer = reviewer();
        HttpResponse<String> list = http.postJson("api/v1/calls/" + callId + "/approval-lists", Json.createObjectBuilder()
                .add("lines", Json.createArrayBuilder().add(Json.createObjectBuilder().add("declarationId", e.declarationId())
                        .add("proposed", true).add("amount", APPROVED))).build().toString(), Http.bearer(reviewer));
        assertEquals(201, list.statusCode(), list.body());
        long listId = Http.json(list).getJsonNumber("id").longValue();
        HttpResponse<String> submitted = http.postJson("api/v1/approval-lists/" + listId + "/submission",
                "{\"version\":" + version(list) + "}", Http.bearer(reviewer));
        assertEquals(200, submitted.statusCode(), submitted.body());
        HttpResponse<String> approved = http.postJson("api/v1/approval-lists/" + listId + "/approval",
                "{\"version\":" + version(submitted) + "}", Http.bearer(http.token("approver", TestData.DEMO_PASSWORD)));
        assertEquals(200, approved.statusCode(), approved.body());
        long projectId;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select id from project where declaration_id = ?")) {
                ps.setLong(1, e.declarationId());
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    projectId = rs.getLong(1);
                }
            }
            // the notice's period end (the notice context's timer): PUBLICIZED, recorded as that context records it
            try (PreparedStatement ps = c.prepareStatement("update project set state = 'PUBLICIZED', version = version + 1"
                    + " where id = ? and state = 'APPROVED'")) {
                ps.setLong(1, projectId);
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("insert into project_transition (id, project_id, from_state,"
                    + " to_state, actor, occurred_at) values (innofund_seq.nextval, ?, 'APPROVED', 'PUBLICIZED', 'system',"
                    + " current_timestamp)")) {
                ps.setLong(1, projectId);
                assertEquals(1, ps.executeUpdate());
            }
        }
        return new Funded(projectId, e.declarationId(), e.enterpriseToken());
    }

    private String reviewer() {
        return http.token("reviewer", TestData.DEMO_PASSWORD);
    }

    private HttpResponse<String> moveClock(String offset) {
        return http.putJson("api/v1/test/clock", "{\"offset\":\"" + offset + "\"}",
                Http.bearer(http.token("admin", TestData.DEMO_PASSWORD)));
    }

    private static long version(HttpResponse<String> r) {
        return Http.json(r).getJsonNumber("version").longValue();
    }

    private static String base(long projectId) {
        return "api/v1/projects/" + projectId + "/agreement";
    }

    /** Goals, one target, the subsidy split 200,000.00 + {@code materials}, a period from today with two milestones. */
    private static JsonObjectBuilder content(String materials, LocalDate end) {
        return Json.createObjectBuilder().add("goals", "研制新一代高效变频压缩机并小批量试产")
                .add("periodStart", TODAY.toString()).add("periodEnd", end.toString())
                .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "发明专利申请")
                        .add("value", 2).add("unit", "件")))
                .add("budget", Json.createArrayBuilder()
                        .add(line("EQUIPMENT", "SUBSIDY", "200000.00")).add(line("MATERIALS", "SUBSIDY", materials))
                        .add(line("LABOUR", "SELF_FUNDED", "500000.00")))
                .add("milestones", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("title", "样机完成").add("dueOn", TODAY.plusDays(10).toString())
                                .add("midterm", true))
                        .add(Json.createObjectBuilder().add("title", "小批量试产").add("dueOn", TODAY.plusDays(300).toString())
                                .add("midterm", false)));
    }

    private static JsonObjectBuilder line(String category, String source, String amount) {
        return Json.createObjectBuilder().add("category", category).add("source", source).add("amount", amount);
    }

    private HttpResponse<String> post(String path, String body, String token) {
        return http.postJson(path, body, Http.bearer(token));
    }

    private static void assertRefused(int status, String code, HttpResponse<String> r) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals(code, Http.json(r).getString("code"), r.body());
    }

    private long assignmentOf(long declarationId, String stage) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from evaluation_assignment where declaration_id = ? and stage = ? and live_key is not null")) {
            ps.setLong(1, declarationId);
            ps.setString(2, stage);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    // --- tests ---

    @Test
    void anAgreementIsRefusedReturnedConfirmedSignedFollowedAndItsTimelineTellsItAll() throws SQLException {
        Funded p = publicizedProject();
        String enterprise = p.enterpriseToken();
        String reviewer = reviewer();
        String base = base(p.projectId());
        long projectVersion = Http.json(http.get("api/v1/projects/" + p.projectId(), Http.bearer(enterprise)))
                .getJsonObject("project").getJsonNumber("version").longValue();

        // the draft, prefilled from the declaration (its 1,500,000.00 subsidy line as declared)
        HttpResponse<String> started = post(base, "{\"version\":" + projectVersion + "}", enterprise);
        assertEquals(201, started.statusCode(), started.body());
        JsonObject draft = Http.json(started);
        assertEquals("DRAFT", draft.getString("state"));
        assertEquals("1500000.00", draft.getJsonNumber("subsidy").bigDecimalValue().toPlainString());
        assertEquals("2027-01-01", draft.getJsonObject("content").getString("periodStart"));
        assertRefused(409, "agreement.exists", post(base, "{\"version\":" + projectVersion + "}", enterprise));

        // a fen short of the approved amount: refused naming the field, nothing changes
        HttpResponse<String> saved = http.putJson(base, Json.createObjectBuilder().add("version", version(started))
                .add("content", content("99999.99", TODAY.plusDays(360))).build().toString(), Http.bearer(enterprise));
        assertEquals(200, saved.statusCode(), saved.body());
        HttpResponse<String> short1 = post(base + "/submission", "{\"version\":" + version(saved) + "}", enterprise);
        assertRefused(422, "agreement.subsidyNotApproved", short1);
        assertEquals("budget", Http.json(short1).getJsonArray("fields").getJsonObject(0).getString("field"), short1.body());
        assertTrue(Http.json(short1).getString("message").contains("299999.99"), short1.body());
        assertRefused(409, "request.conflict", post(base + "/submission", "{\"version\":" + (version(saved) - 1) + "}",
                enterprise));

        saved = http.putJson(base, Json.createObjectBuilder().add("version", version(saved))
                .add("content", content("100000.00", TODAY.plusDays(360))).build().toString(), Http.bearer(enterprise));
        assertEquals(200, saved.statusCode(), saved.body());
        HttpResponse<String> submitted = post(base + "/submission", "{\"version\":" + version(saved) + "}", enterprise);
        assertEquals(200, submitted.statusCode(), submitted.body());
        assertEquals("SUBMITTED", Http.json(submitted).getString("state"));

        // returned with a reason (none refused), resubmitted; the enterprise cannot confirm before the reviewer
        assertRefused(422, "agreement.reasonRequired", post(base + "/return", "{\"version\":" + version(submitted)
                + ",\"reason\":\" \"}", reviewer));
        assertRefused(403, "auth.forbidden", post(base + "/return", "{\"version\":" + version(submitted)
                + ",\"reason\":\"x\"}", enterprise));
        HttpResponse<String> returned = post(base + "/return", "{\"version\":" + version(submitted)
                + ",\"reason\":\"里程碑过于笼统\"}", reviewer);
        assertEquals(200, returned.statusCode(), returned.body());
        assertEquals("里程碑过于笼统", Http.json(returned).getString("lastReason"));
        HttpResponse<String> resubmitted = post(base + "/submission", "{\"version\":" + version(returned) + "}", enterprise);
        assertEquals(200, resubmitted.statusCode(), resubmitted.body());
        assertRefused(409, "agreement.notConfirmedByReviewer", post(base + "/enterprise-confirmation", "{\"version\":"
                + version(resubmitted) + "}", enterprise));
        HttpResponse<String> confirmed = post(base + "/reviewer-confirmation", "{\"version\":" + version(resubmitted) + "}",
                reviewer);
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        HttpResponse<String> signed = post(base + "/enterprise-confirmation", "{\"version\":" + version(confirmed) + "}",
                enterprise);
        assertEquals(200, signed.statusCode(), signed.body());
        assertEquals("SIGNED", Http.json(signed).getString("state"));
        assertEquals(1, Http.json(signed).getInt("versionNo"));
        assertEquals(List.of(1), Http.json(signed).getJsonArray("tranches").getValuesAs(JsonObject.class).stream()
                .map(t -> t.getInt("number")).toList());
        assertEquals("IN_PROGRESS", Http.json(http.get("api/v1/projects/" + p.projectId(), Http.bearer(enterprise)))
                .getJsonObject("project").getString("state"));

        // another enterprise: every route of this project answers 404, as if it did not exist
        String stranger = http.registerEnterprise(TestData.newUsername("agrother"), TestData.newUscc(), "agreement-pass-1");
        String body = Json.createObjectBuilder().add("version", version(signed)).add("content", content("100000.00",
                TODAY.plusDays(360))).build().toString();
        List<HttpResponse<String>> foreign = List.of(http.get(base, Http.bearer(stranger)),
                post(base, "{\"version\":" + projectVersion + "}", stranger), http.putJson(base, body, Http.bearer(stranger)),
                post(base + "/submission", "{\"version\":0}", stranger),
                post(base + "/enterprise-confirmation", "{\"version\":0}", stranger),
                post(base + "/reports", "{\"milestoneNo\":1,\"text\":\"x\"}", stranger),
                post(base + "/changes", "{\"version\":0,\"kind\":\"TARGET_CHANGED\",\"reason\":\"x\",\"proposed\":"
                        + content("100000.00", TODAY.plusDays(360)).build() + "}", stranger),
                http.get("api/v1/projects/" + p.projectId() + "/timeline", Http.bearer(stranger)));
        for (HttpResponse<String> r : foreign) {
            assertRefused(404, "project.notFound", r);
        }

        // the clock passes milestone 1's date: overdue until its report is in
        assertEquals(List.of(), Http.json(http.get(base, Http.bearer(enterprise))).getJsonArray("overdueMilestones")
                .getValuesAs(jakarta.json.JsonNumber.class));
        String enterpriseName = usernameOf(enterprise);
        assertEquals(200, moveClock("P11D").statusCode());
        enterprise = http.token(enterpriseName, "approval-password-1"); // tokens expire by the moved clock
        reviewer = reviewer();
        JsonObject late = Http.json(http.get(base, Http.bearer(enterprise)));
        assertEquals(List.of(1), late.getJsonArray("overdueMilestones").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::intValue).toList());
        // the report with its files: a file that is not a PDF (whatever its name) refuses the whole report
        Map<String, String> fields = Map.of("milestoneNo", "1", "text", "样机已完成并通过内部测试", "figures", "专利申请 1 件");
        byte[] test = TestFiles.pdf(40_000);
        byte[] photo = TestFiles.pdf(3_000);
        Map<String, byte[]> withExe = new LinkedHashMap<>();
        withExe.put("测试报告.pdf", test);
        withExe.put("样机照片.pdf", TestFiles.exe());
        assertRefused(422, "progress.fileNotPdf", http.uploadFiles(base + "/reports", fields, withExe, Http.bearer(enterprise)));
        Map<String, byte[]> six = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            six.put(i + ".pdf", photo);
        }
        assertRefused(422, "progress.tooManyFiles", http.uploadFiles(base + "/reports", fields, six, Http.bearer(enterprise)));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("测试报告.pdf", test);
        files.put("样机照片", photo);
        HttpResponse<String> reported = http.uploadFiles(base + "/reports", fields, files, Http.bearer(enterprise));
        assertEquals(200, reported.statusCode(), reported.body());
        JsonObject report = Http.json(reported).getJsonArray("reports").getJsonObject(0);
        assertEquals("专利申请 1 件", report.getString("figures"));
        List<JsonObject> stored = report.getJsonArray("files").getValuesAs(JsonObject.class);
        assertEquals(List.of("测试报告.pdf", "样机照片.pdf"), stored.stream().map(f -> f.getString("name")).toList());
        assertEquals(test.length, stored.get(0).getJsonNumber("size").longValue());
        String testFile = base + "/reports/files/" + stored.get(0).getJsonNumber("id");
        // another enterprise may not read it (404, as if there were none); the bureau reads it byte for byte
        String outsider = http.registerEnterprise(TestData.newUsername("agrfile"), TestData.newUscc(), "agreement-pass-1");
        HttpResponse<byte[]> refused = http.getBytes(testFile, Http.bearer(outsider));
        assertEquals(404, refused.statusCode());
        assertTrue(new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8).contains("project.notFound"));
        HttpResponse<byte[]> download = http.getBytes(testFile, Http.bearer(reviewer));
        assertEquals(200, download.statusCode());
        assertArrayEquals(test, download.body());
        assertEquals("application/pdf", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals(404, http.getBytes(base + "/reports/files/" + (stored.get(1).getJsonNumber("id").longValue() + 1000),
                Http.bearer(reviewer)).statusCode());
        assertEquals(0, Http.json(reported).getJsonArray("overdueMilestones").size());
        assertRefused(409, "progress.alreadyReported", post(base + "/reports", "{\"milestoneNo\":1,\"text\":\"再报\"}",
                enterprise));

        // a change rejected with a reason, then another approved: the agreement's version 2, version 1 kept
        HttpResponse<String> asked = post(base + "/changes", Json.createObjectBuilder().add("version", version(reported))
                .add("kind", "PERIOD_EXTENDED").add("reason", "设备到货延迟")
                .add("proposed", content("100000.00", TODAY.plusDays(420))).build().toString(), enterprise);
        assertEquals(200, asked.statusCode(), asked.body());
        JsonObject change = Http.json(asked).getJsonArray("changes").getJsonObject(0);
        assertRefused(409, "change.alreadyOpen", post(base + "/changes", Json.createObjectBuilder()
                .add("version", version(asked)).add("kind", "PERIOD_EXTENDED").add("reason", "再申请")
                .add("proposed", content("100000.00", TODAY.plusDays(400))).build().toString(), enterprise));
        HttpResponse<String> rejected = post(base + "/changes/" + change.getJsonNumber("id") + "/decision",
                "{\"version\":" + change.getJsonNumber("version") + ",\"approve\":false,\"reason\":\"延期理由不充分\"}", reviewer);
        assertEquals(200, rejected.statusCode(), rejected.body());
        HttpResponse<String> asked2 = post(base + "/changes", Json.createObjectBuilder().add("version", version(rejected))
                .add("kind", "PERIOD_EXTENDED").add("reason", "设备到货延迟，附供应商说明")
                .add("proposed", content("100000.00", TODAY.plusDays(420))).build().toString(), enterprise);
        assertEquals(200, asked2.statusCode(), asked2.body());
        JsonObject change2 = Http.json(asked2).getJsonArray("changes").getJsonObject(0);
        HttpResponse<String> approvedChange = post(base + "/changes/" + change2.getJsonNumber("id") + "/decision",
                "{\"version\":" + change2.getJsonNumber("version") + ",\"approve\":true}", reviewer);
        assertEquals(200, approvedChange.statusCode(), approvedChange.body());
        assertEquals(2, Http.json(approvedChange).getInt("versionNo"));
        assertEquals(TODAY.plusDays(420).toString(), Http.json(approvedChange).getJsonObject("content").getString("periodEnd"));

        // the reviewer lets the agency correct its APPROVAL evaluation: an internal note the enterprise does not read
        long assignment = assignmentOf(p.declarationId(), "APPROVAL");
        JsonObject a = Http.json(http.get("api/v1/assignments/" + assignment, Http.bearer(reviewer)));
        HttpResponse<String> correction = post("api/v1/assignments/" + assignment + "/correction-permission",
                "{\"version\":" + a.getJsonNumber("version") + ",\"reason\":\"内部：专家姓名有误\"}", reviewer);
        assertEquals(200, correction.statusCode(), correction.body());

        // the timeline: each step once, newest first; the enterprise's without the internal note
        List<String> expected = List.of("timeline.correctionAllowed", "timeline.changeDecided",
                "timeline.agreementVersion", "timeline.changeAsked",
                "timeline.changeDecided", "timeline.changeAsked", "timeline.reportFile", "timeline.reportFile",
                "timeline.report", "timeline.agreementVersion",
                "timeline.agreement:SIGNED", "timeline.state:IN_PROGRESS", "timeline.state:CONTRACTED",
                "timeline.agreement:CONFIRMED_BY_REVIEWER", "timeline.agreement:SUBMITTED", "timeline.agreement:RETURNED",
                "timeline.agreement:SUBMITTED", "timeline.agreement:DRAFT", "timeline.state:PUBLICIZED",
                "timeline.state:APPROVED", "timeline.listApproved", "timeline.evaluation");
        // the correction's leave is the newest; the APPROVAL evaluation, submitted before the list, the oldest
        List<JsonObject> bureau = timeline(p.projectId(), reviewer);
        assertEquals(expected, steps(bureau), bureau.toString());
        assertNewestFirst(bureau);
        assertEquals("内部：专家姓名有误", bureau.get(0).getString("note"));
        List<JsonObject> own = timeline(p.projectId(), enterprise);
        assertEquals(expected.subList(1, expected.size()), steps(own), own.toString());
        assertNewestFirst(own);
        assertFalse(own.toString().contains("内部"), own.toString());
        assertTrue(own.stream().allMatch(e -> e.containsKey("actor") && e.containsKey("at")), own.toString());
    }

    private String usernameOf(String token) {
        return Http.json(http.get("api/v1/me", Http.bearer(token))).getString("username");
    }

    private List<JsonObject> timeline(long projectId, String token) {
        HttpResponse<String> r = http.get("api/v1/projects/" + projectId + "/timeline", Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return ((JsonArray) Http.jsonOf(r)).getValuesAs(JsonObject.class);
    }

    /** Each entry as its message key, with the state it reached for the state and agreement steps. */
    private static List<String> steps(List<JsonObject> entries) {
        List<String> steps = new ArrayList<>();
        for (JsonObject e : entries) {
            String what = e.getString("what");
            steps.add(what.equals("timeline.state") || what.equals("timeline.agreement")
                    ? what + ":" + e.getJsonArray("arguments").getString(0) : what);
        }
        return steps;
    }

    private static void assertNewestFirst(List<JsonObject> entries) {
        for (int i = 1; i < entries.size(); i++) {
            Instant newer = Instant.parse(entries.get(i - 1).getString("at"));
            Instant older = Instant.parse(entries.get(i).getString("at"));
            assertFalse(older.isAfter(newer), entries.get(i - 1) + " before " + entries.get(i));
        }
    }

    /**
     * The MIDTERM evaluation makes the running project MIDTERM_DONE; a failed ACCEPTANCE makes it FAILED, keeping the
     * result. Each is prompted to the reviewer (evaluations-due, the reviewer's alone) once its day has come by the
     * moved clock, until assigned, and is due the call's 30 days after the day of assignment, not on the date typed.
     */
    @Test
    void aProjectIsPromptedForAndFollowsItsMidtermAndAcceptanceEvaluations() throws SQLException {
        Funded p = publicizedProject();
        String enterprise = p.enterpriseToken();
        String base = base(p.projectId());
        long projectVersion = Http.json(http.get("api/v1/projects/" + p.projectId(), Http.bearer(enterprise)))
                .getJsonObject("project").getJsonNumber("version").longValue();
        HttpResponse<String> started = post(base, "{\"version\":" + projectVersion + "}", enterprise);
        HttpResponse<String> saved = http.putJson(base, Json.createObjectBuilder().add("version", version(started))
                .add("content", content("100000.00", TODAY.plusDays(360))).build().toString(), Http.bearer(enterprise));
        HttpResponse<String> submitted = post(base + "/submission", "{\"version\":" + version(saved) + "}", enterprise);
        HttpResponse<String> confirmed = post(base + "/reviewer-confirmation", "{\"version\":" + version(submitted) + "}",
                reviewer());
        HttpResponse<String> signed = post(base + "/enterprise-confirmation", "{\"version\":" + version(confirmed) + "}",
                enterprise);
        assertEquals(200, signed.statusCode(), signed.body());

        assertEquals(List.of(), due(p.projectId()), "the midterm milestone (in 10 days) has not come");
        for (String other : List.of(enterprise, http.token("agency1", TestData.DEMO_PASSWORD))) {
            assertRefused(403, "auth.forbidden", http.get("api/v1/projects/evaluations-due", Http.bearer(other)));
        }
        assertEquals(200, moveClock("P10D").statusCode());
        assertEquals(List.of("MIDTERM " + TODAY.plusDays(10)), due(p.projectId()));
        JsonObject midterm = assign(p.declarationId(), "MIDTERM");
        assertEquals(TODAY.plusDays(40).toString(), midterm.getString("dueOn"), "assigned on day 10, plus the call's 30");
        assertEquals(List.of(), due(p.projectId()), "assigned: no longer waiting");
        evaluate(midterm, 80, Json.createObjectBuilder().add("verdict", "ON_TRACK"));
        String reviewer = reviewer();
        assertEquals("MIDTERM_DONE", project(p.projectId(), reviewer).getString("state"));
        assertEquals(List.of(), due(p.projectId()), "the period ends in 350 days");

        assertEquals(200, moveClock("P360D").statusCode()); // from now, not from day 10
        assertEquals(List.of("ACCEPTANCE " + TODAY.plusDays(360)), due(p.projectId()));
        JsonObject acceptance = assign(p.declarationId(), "ACCEPTANCE");
        assertEquals(TODAY.plusDays(390).toString(), acceptance.getString("dueOn"));
        evaluate(acceptance, 50, Json.createObjectBuilder().add("verdict", "FAILED").add("auditedActualSpend", "650000.00"));
        reviewer = reviewer();
        JsonObject failed = project(p.projectId(), reviewer);
        assertEquals("FAILED", failed.getString("state"));
        assertEquals("FAIL", failed.getString("acceptanceGrade"));
        assertEquals("650000.00", failed.getJsonNumber("auditedSpend").bigDecimalValue().toPlainString());
        assertEquals(List.of(), due(p.projectId()), "a finished project waits for nothing");
        List<String> states = timeline(p.projectId(), reviewer).stream().filter(e -> e.getString("what").equals("timeline.state"))
                .map(e -> e.getJsonArray("arguments").getString(0)).toList();
        assertEquals(List.of("FAILED", "MIDTERM_DONE", "IN_PROGRESS", "CONTRACTED", "PUBLICIZED", "APPROVED"), states);
    }

    /** A project advanced 90,000.00 (the call's share 0.30 of 300,000.00) at its signature, and the advance paid. */
    private record Advanced(Funded project, long callId) {
    }

    /**
     * The call's advance share set to 0.30; the agreement shows both tranches; the enterprise's signature makes an ADVANCE
     * item of 90,000.00 committed in the call's ledger; the bank pays it (stood in for by SQL: the batch's paid line, the
     * item PAID and its PAYMENT transaction, as a recorded bank result writes them); then the midterm is done.
     */
    private Advanced advancedAndPaid() throws SQLException {
        return advanced(true);
    }

    /** As {@link #advancedAndPaid}, the advance paid or not. */
    private Advanced advanced(boolean paid) throws SQLException {
        Funded p = publicizedProject();
        long callId;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update funding_call set rule_parameters = rule_parameters || ? where id = (select call_id from project"
                        + " where id = ?)")) {
            ps.setString(1, "\nadvanceShare=0.30");
            ps.setLong(2, p.projectId());
            assertEquals(1, ps.executeUpdate());
            callId = longOf(c, "select call_id from project where id = " + p.projectId());
        }
        String enterprise = p.enterpriseToken();
        String base = base(p.projectId());
        long projectVersion = Http.json(http.get("api/v1/projects/" + p.projectId(), Http.bearer(enterprise)))
                .getJsonObject("project").getJsonNumber("version").longValue();
        HttpResponse<String> started = post(base, "{\"version\":" + projectVersion + "}", enterprise);
        HttpResponse<String> saved = http.putJson(base, Json.createObjectBuilder().add("version", version(started))
                .add("content", content("100000.00", TODAY.plusDays(360))).build().toString(), Http.bearer(enterprise));
        HttpResponse<String> submitted = post(base + "/submission", "{\"version\":" + version(saved) + "}", enterprise);
        HttpResponse<String> confirmed = post(base + "/reviewer-confirmation", "{\"version\":" + version(submitted) + "}",
                reviewer());
        JsonArray tranches = Http.json(confirmed).getJsonArray("tranches");
        assertEquals(List.of("AFTER_CONTRACT 90000.00", "AFTER_ACCEPTANCE 210000.00"), tranches.getValuesAs(JsonObject.class)
                .stream().map(t -> t.getString("due") + " " + t.getJsonNumber("amount").bigDecimalValue().toPlainString())
                .toList(), confirmed.body());
        String finance = http.token("finance", TestData.DEMO_PASSWORD);
        assertEquals("0.00", ledger(callId, finance).getJsonNumber("committed").bigDecimalValue().toPlainString());
        HttpResponse<String> signed = post(base + "/enterprise-confirmation", "{\"version\":" + version(confirmed) + "}",
                enterprise);
        assertEquals(200, signed.statusCode(), signed.body());

        try (Connection c = dataSource.getConnection()) {
            assertEquals("ADVANCE 90000.00 PAYABLE", stringOf(c, "select tranche || ' ' || amount || ' ' || state"
                    + " from payment_item where project_id = " + p.projectId()));
            assertEquals("90000.00", ledger(callId, finance).getJsonNumber("committed").bigDecimalValue().toPlainString());
        }
        if (paid) {
            payAdvance(callId, p.projectId());
        }
        assertEquals(200, moveClock("P10D").statusCode());
        evaluate(assign(p.declarationId(), "MIDTERM"), 80, Json.createObjectBuilder().add("verdict", "ON_TRACK"));
        assertEquals(200, moveClock("P360D").statusCode());
        return new Advanced(p, callId);
    }

    /** The bank pays the project's advance: what a recorded bank result writes (the batch's paid line, the item, the ledger). */
    private void payAdvance(long callId, long projectId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long itemId = longOf(c, "select id from payment_item where project_id = " + projectId);
            long batchId = longOf(c, "select innofund_seq.nextval from dual");
            execute(c, "insert into payment_batch (id, state, line_count, total, prepared_by, submitted_at, decided_by,"
                    + " decided_at, exported_by, exported_at, closed_at, created_at) values (" + batchId + ", 'CLOSED', 1,"
                    + " 90000.00, 'finance', current_timestamp, 'approver', current_timestamp, 'finance',"
                    + " current_timestamp, current_timestamp, current_timestamp)");
            long accountId = longOf(c, "select innofund_seq.nextval from dual");
            execute(c, "insert into payee_account (id, enterprise_id, current_of, account_name, account_number, bank_name,"
                    + " branch_name, changed_by, changed_at, created_at) select " + accountId + ", enterprise_id,"
                    + " enterprise_id, payee_name, '6222020200112233', '工商银行', '高新支行', 'e', current_timestamp,"
                    + " current_timestamp from payment_item where id = " + itemId);
            execute(c, "insert into payment_batch_line (batch_id, item_id, position, amount, payee_account_id, result,"
                    + " bank_reference, paid_on, result_by, result_at, paid_item_id) values (" + batchId + ", " + itemId
                    + ", 0, 90000.00, " + accountId + ", 'PAID', 'B-1', current_date, 'finance', current_timestamp, "
                    + itemId + ")");
            execute(c, "update payment_item set state = 'PAID', version = version + 1 where id = " + itemId);
            long tx = longOf(c, "select innofund_seq.nextval from dual");
            execute(c, "insert into ledger_transaction (id, call_id, kind, reference, recorded_by, recorded_at, created_at)"
                    + " values (" + tx + ", " + callId + ", 'PAYMENT', 'item:" + itemId + "', 'finance', current_timestamp,"
                    + " current_timestamp)");
            execute(c, "insert into ledger_entry (transaction_id, position, call_id, account, amount_fen) values (" + tx
                    + ", 0, " + callId + ", 'COMMITTED', -9000000)");
            execute(c, "insert into ledger_entry (transaction_id, position, call_id, account, amount_fen) values (" + tx
                    + ", 1, " + callId + ", 'PAID', 9000000)");
        }
    }

    /** A run of the call after its close, approved by the approver; its id. */
    private long approvedRun(long callId) {
        String reviewer = reviewer();
        HttpResponse<String> run = http.postJson("api/v1/calls/" + callId + "/calculation-runs", "", Http.bearer(reviewer));
        assertEquals(201, run.statusCode(), run.body());
        long runId = Http.json(run).getJsonNumber("id").longValue();
        HttpResponse<String> lines = http.get("api/v1/calculation-runs/" + runId, Http.bearer(reviewer));
        assertTrue(lines.body().contains("90,000.00"), "P from the payment records: " + lines.body());
        HttpResponse<String> approved = http.postJson("api/v1/calculation-runs/" + runId + "/approval",
                "{\"version\":" + version(run) + "}", Http.bearer(http.token("approver", TestData.DEMO_PASSWORD)));
        assertEquals(200, approved.statusCode(), approved.body());
        return runId;
    }

    /**
     * 预拨 then 验收不通过 (issue 13): the paid advance is asked back when the acceptance fails (a recovery of 90,000.00 due
     * 30 days later, PAID down and RECEIVABLE up, audited as the agency's). A run after the close counts P = 90,000.00
     * from the payment records, pays nothing and asks nothing back a second time.
     */
    @Test
    void anAdvanceIsCommittedAtSignatureAndAskedBackWhenTheAcceptanceFails() throws SQLException {
        Advanced a = advancedAndPaid();
        long projectId = a.project().projectId();
        evaluate(assign(a.project().declarationId(), "ACCEPTANCE"), 50, Json.createObjectBuilder().add("verdict", "FAILED")
                .add("auditedActualSpend", "650000.00"));
        String finance = http.token("finance", TestData.DEMO_PASSWORD); // a year on: the first token has expired
        JsonObject budget = ledger(a.callId(), finance);
        assertEquals("0.00", budget.getJsonNumber("paid").bigDecimalValue().toPlainString(), budget.toString());
        assertEquals("90000.00", budget.getJsonNumber("receivable").bigDecimalValue().toPlainString(), budget.toString());
        try (Connection c = dataSource.getConnection()) {
            assertEquals("ACCEPTANCE_FAILED 90000.00 OPEN agency1 " + TODAY.plusDays(390), stringOf(c, "select origin || ' '"
                    + " || amount || ' ' || state || ' ' || raised_by || ' ' || to_char(due_on, 'YYYY-MM-DD') from recovery"
                    + " where project_id = " + projectId));
            assertEquals(1, longOf(c, "select count(*) from audit_entry where action = 'RECOVERY_RAISE' and target ="
                    + " 'recovery:' || (select id from recovery where project_id = " + projectId + ")"));
            assertEquals(0, longOf(c, "select count(*) from certificate where certificate_type = 'ACCEPTANCE_CERTIFICATE'"
                    + " and project_id = " + projectId), "a failed acceptance has no certificate");
        }
        approvedRun(a.callId());
        try (Connection c = dataSource.getConnection()) {
            assertEquals(1, longOf(c, "select count(*) from recovery where project_id = " + projectId), "asked back once");
            assertEquals(1, longOf(c, "select count(*) from payment_item where call_id = " + a.callId()),
                    "nothing more to pay");
        }
    }

    /**
     * 预拨 then 结算为负: the acceptance passes (GOOD) but the audited spend of 200,000.00 makes 60,000.00 due, less than the
     * 90,000.00 advanced: the approved run pays nothing and asks 30,000.00 back (NEGATIVE_BALANCE, by the approver);
     * a second run approved asks nothing more.
     */
    @Test
    void anAdvanceAboveWhatIsDueIsAskedBackByTheApprovedRun() throws SQLException {
        Advanced a = advancedAndPaid();
        long projectId = a.project().projectId();
        evaluate(assign(a.project().declarationId(), "ACCEPTANCE"), 80, Json.createObjectBuilder().add("verdict", "PASSED")
                .add("auditedActualSpend", "200000.00"));
        try (Connection c = dataSource.getConnection()) {
            assertEquals(0, longOf(c, "select count(*) from recovery where project_id = " + projectId), "passed: nothing yet");
            assertEquals(1, longOf(c, "select count(*) from certificate where certificate_type = 'ACCEPTANCE_CERTIFICATE'"
                    + " and project_id = " + projectId), "验收证书 issued on the pass");
        }
        JsonObject certificate = ((JsonArray) Http.jsonOf(http.get("api/v1/projects/" + projectId + "/certificates",
                Http.bearer(reviewer())))).getValuesAs(JsonObject.class).stream()
                .filter(d -> d.getString("type").equals("ACCEPTANCE_CERTIFICATE")).findFirst().orElseThrow();
        HttpResponse<byte[]> pdf = http.getBytes("api/v1/certificates/" + certificate.getJsonNumber("id") + "/pdf",
                Http.bearer(reviewer()));
        assertEquals(200, pdf.statusCode());
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            for (String expected : List.of("验收证书", "验收等级", "良好", certificate.getString("serial"))) {
                assertTrue(text.contains(expected), expected + " in " + text);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        for (int run = 0; run < 2; run++) {
            approvedRun(a.callId());
            try (Connection c = dataSource.getConnection()) {
                assertEquals("NEGATIVE_BALANCE 30000.00 OPEN approver", stringOf(c, "select origin || ' ' || amount"
                        + " || ' ' || state || ' ' || raised_by from recovery where project_id = " + projectId));
                assertEquals(1, longOf(c, "select count(*) from payment_item where call_id = " + a.callId()),
                        "the balance is negative: nothing to pay");
            }
        }
        JsonObject budget = ledger(a.callId(), http.token("finance", TestData.DEMO_PASSWORD));
        assertEquals("60000.00", budget.getJsonNumber("paid").bigDecimalValue().toPlainString(), budget.toString());
        assertEquals("30000.00", budget.getJsonNumber("receivable").bigDecimalValue().toPlainString(), budget.toString());
    }

    /**
     * 预拨 paid while a run gathers its figures: the run counted P = 0 (the advance was not paid when it started), so its
     * line is all that is due (270,000.00); the bank's result for the advance is recorded before the approval, which is
     * then refused (paying the line would pay the advance twice); a new run counts P and pays the balance, 180,000.00.
     */
    @Test
    void anAdvancePaidAfterARunStartedIsNotPaidAgainByItsLine() throws SQLException {
        Advanced a = advanced(false);
        long projectId = a.project().projectId();
        evaluate(assign(a.project().declarationId(), "ACCEPTANCE"), 80, Json.createObjectBuilder().add("verdict", "PASSED")
                .add("auditedActualSpend", "1000000.00"));
        String reviewer = reviewer();
        HttpResponse<String> run = http.postJson("api/v1/calls/" + a.callId() + "/calculation-runs", "", Http.bearer(reviewer));
        assertEquals(201, run.statusCode(), run.body());
        assertEquals("270000.00", Http.json(run).getJsonNumber("total").bigDecimalValue().toPlainString(), run.body());
        payAdvance(a.callId(), projectId);
        HttpResponse<String> refused = http.postJson("api/v1/calculation-runs/" + Http.json(run).getJsonNumber("id")
                + "/approval", "{\"version\":" + version(run) + "}", Http.bearer(http.token("approver", TestData.DEMO_PASSWORD)));
        assertRefused(409, "calculationRun.advancePaidSince", refused);
        approvedRun(a.callId());
        try (Connection c = dataSource.getConnection()) {
            assertEquals("BALANCE 180000.00 PAYABLE", stringOf(c, "select tranche || ' ' || amount || ' ' || state"
                    + " from payment_item where call_id = " + a.callId() + " and project_id is null"));
        }
    }

    private JsonObject ledger(long callId, String finance) {
        HttpResponse<String> r = http.get("api/v1/ledger/calls/" + callId, Http.bearer(finance));
        assertEquals(200, r.statusCode(), r.body());
        return Http.json(r);
    }

    private static long longOf(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getLong(1);
        }
    }

    private static String stringOf(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            assertEquals(1, ps.executeUpdate(), sql);
        }
    }

    /** The reviewer's evaluations-due entries of one project, as "STAGE since". */
    private List<String> due(long projectId) {
        HttpResponse<String> r = http.get("api/v1/projects/evaluations-due", Http.bearer(reviewer()));
        assertEquals(200, r.statusCode(), r.body());
        return ((JsonArray) Http.jsonOf(r)).getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getJsonNumber("projectId").longValue() == projectId)
                .map(e -> e.getString("stage") + " " + e.getString("since")).toList();
    }

    private JsonObject project(long projectId, String token) {
        return Http.json(http.get("api/v1/projects/" + projectId, Http.bearer(token))).getJsonObject("project");
    }

    /** The reviewer assigns the declaration to agency1 at the stage (typing a due date the stage does not take). */
    private JsonObject assign(long declarationId, String stage) {
        long agencyId = Http.json(http.get("api/v1/me", Http.bearer(http.token("agency1", TestData.DEMO_PASSWORD))))
                .getJsonObject("organisation").getJsonNumber("id").longValue();
        HttpResponse<String> assigned = http.postJson("api/v1/assignments", Json.createObjectBuilder()
                .add("declarationIds", Json.createArrayBuilder().add(declarationId)).add("stage", stage)
                .add("agencyId", agencyId).add("dueOn", TODAY.plusDays(30).toString()).build().toString(),
                Http.bearer(reviewer()));
        assertEquals(200, assigned.statusCode(), assigned.body());
        return ((JsonArray) Http.jsonOf(assigned)).getJsonObject(0);
    }

    /** agency1 evaluates the assignment: three experts at {@code percent} % of each weight (an even percent: a score has one decimal). */
    private void evaluate(JsonObject assignment, int percent, JsonObjectBuilder conclusion) {
        String agency = http.token("agency1", TestData.DEMO_PASSWORD);
        String path = "api/v1/assignments/" + assignment.getJsonNumber("id");
        HttpResponse<String> cleared = post(path + "/conflict-declaration", "{\"version\":" + assignment.getJsonNumber("version")
                + ",\"conflict\":false}", agency);
        assertEquals(200, cleared.statusCode(), cleared.body());
        JsonArrayBuilder experts = Json.createArrayBuilder();
        for (int e = 0; e < 3; e++) {
            JsonArrayBuilder scores = Json.createArrayBuilder();
            for (int weight : new int[] {25, 25, 20, 15, 15}) {
                scores.add(BigDecimal.valueOf((long) weight * percent, 2));
            }
            experts.add(Json.createObjectBuilder().add("name", "专家" + e).add("title", "研究员").add("employer", "研究院")
                    .add("scores", scores));
        }
        HttpResponse<String> drafted = http.putJson(path + "/evaluation", Json.createObjectBuilder().add("version", version(cleared))
                .add("experts", experts).add("conclusion", conclusion).add("opinion", "按任务书考核。").build().toString(),
                Http.bearer(agency));
        assertEquals(200, drafted.statusCode(), drafted.body());
        HttpResponse<String> report = http.upload(path + "/evaluation/report", Map.of("version", "" + version(drafted)),
                "评估报告.pdf", "application/pdf", TestFiles.pdf(3000), Http.bearer(agency));
        assertEquals(200, report.statusCode(), report.body());
        HttpResponse<String> done = post(path + "/evaluation/submission", "{\"version\":" + version(report) + "}", agency);
        assertEquals(200, done.statusCode(), done.body());
    }
}
