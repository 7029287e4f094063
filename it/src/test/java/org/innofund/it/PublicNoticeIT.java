package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.innofund.project.application.PublicityEndCheck;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 立项公示 end to end (issue 11): an approved list published at once for anyone, with its approved projects only and no
 * personal data; objections during the period (all problems at once, the per-address limit, refused after the period);
 * the reviewer's answers (upheld: the approval withdrawn and off the notice); the period's end moved by the clock, with
 * the project under an open objection waiting and the others PUBLICIZED exactly once though two runs race for it; the
 * waiting project PUBLICIZED when its last objection is dismissed.
 */
@ExtendWith(ArquillianExtension.class)
class PublicNoticeIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(PublicNoticeIT.class, Approvals.class, DeclarationLifeIT.class, DeclarationIT.class,
                Http.class, TestData.class, TestFiles.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    DataSource dataSource;

    @Resource
    ManagedThreadFactory threads;

    @EJB
    PublicityEndCheck endCheck;

    private final Http http = new Http();

    @AfterEach
    void putTheClockBack() {
        moveClock(Duration.ZERO);
    }

    private void moveClock(Duration ahead) {
        HttpResponse<String> moved = http.putJson("api/v1/test/clock", "{\"offset\":\"" + ahead + "\"}",
                Http.bearer(token("admin")));
        assertEquals(200, moved.statusCode(), moved.body());
    }

    private String token(String demoUser) {
        return http.token(demoUser, TestData.DEMO_PASSWORD);
    }

    private HttpResponse<String> object(long noticeId, Long projectId, String name, String contact, String text) {
        var form = Json.createObjectBuilder().add("name", name).add("contact", contact).add("text", text);
        if (projectId != null) {
            form.add("projectId", projectId);
        }
        return http.postJson("api/v1/public/notices/" + noticeId + "/objections", form.build().toString());
    }

    private HttpResponse<String> answer(long objectionId, String how, String reason) {
        String reviewer = token("reviewer");
        long version = objections(reviewer).stream().filter(o -> o.getJsonNumber("id").longValue() == objectionId)
                .findFirst().orElseThrow().getJsonNumber("version").longValue();
        return http.postJson("api/v1/objections/" + objectionId + "/" + how, Json.createObjectBuilder()
                .add("version", version).add("reason", reason).build().toString(), Http.bearer(reviewer));
    }

    private List<JsonObject> objections(String token) {
        HttpResponse<String> r = http.get("api/v1/objections", Http.bearer(token));
        assertEquals(200, r.statusCode(), r.body());
        return Http.jsonOf(r).asJsonArray().getValuesAs(JsonObject.class);
    }

    private JsonObject noticeOf(long callId) {
        HttpResponse<String> r = http.get("api/v1/public/notices");
        assertEquals(200, r.statusCode(), r.body());
        return Http.jsonOf(r).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(n -> n.getJsonNumber("callId").longValue() == callId).findFirst().orElseThrow();
    }

    private static Set<Long> projectIds(JsonObject notice) {
        return notice.getJsonArray("projects").getValuesAs(JsonObject.class).stream()
                .map(p -> p.getJsonNumber("projectId").longValue()).collect(Collectors.toSet());
    }

    private static long id(HttpResponse<String> r, String field) {
        return Http.json(r).getJsonNumber(field).longValue();
    }

    private long projectOf(long declarationId) throws SQLException {
        return queryLong("select id from project where declaration_id = ?", declarationId);
    }

    private String state(long projectId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select state from project where id = ?")) {
            ps.setLong(1, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private long queryLong(String sql, long parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getLong(1);
            }
        }
    }

    /**
     * The whole notice on a clock two hours ahead, so that its objections (from this machine's one address) fill the
     * per-address window there and no other test's, nor a later one's at the real time.
     */
    @Test
    void aNoticeFromApprovalToTheEndOfItsPeriod() throws Exception {
        moveClock(Duration.ofHours(2));
        Approvals approvals = new Approvals();
        long callId = approvals.publishedCall("公示测试 " + TestData.newUsername("n"), "5000000.00");
        List<Approvals.Evaluated> evaluated = List.of(approvals.evaluated(callId, 90, "900000.00"),
                approvals.evaluated(callId, 80, "800000.00"), approvals.evaluated(callId, 70, "700000.00"),
                approvals.evaluated(callId, 60, "600000.00"));
        String reviewer = token("reviewer");
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (int i = 0; i < 3; i++) {
            lines.add(Json.createObjectBuilder().add("declarationId", evaluated.get(i).declarationId()).add("proposed", true)
                    .add("amount", "500000.00"));
        }
        lines.add(Json.createObjectBuilder().add("declarationId", evaluated.get(3).declarationId()).add("proposed", false)
                .add("reason", "排名第四，预算有限"));
        HttpResponse<String> proposed = http.postJson("api/v1/calls/" + callId + "/approval-lists",
                Json.createObjectBuilder().add("lines", lines).build().toString(), Http.bearer(reviewer));
        assertEquals(201, proposed.statusCode(), proposed.body());
        HttpResponse<String> submitted = http.postJson("api/v1/approval-lists/" + id(proposed, "id") + "/submission",
                "{\"version\":" + id(proposed, "version") + "}", Http.bearer(reviewer));
        assertEquals(200, submitted.statusCode(), submitted.body());
        HttpResponse<String> approved = http.postJson("api/v1/approval-lists/" + id(proposed, "id") + "/approval",
                "{\"version\":" + id(submitted, "version") + "}", Http.bearer(token("approver")));
        assertEquals(200, approved.statusCode(), approved.body());
        long objected = projectOf(evaluated.get(0).declarationId());
        long upheld = projectOf(evaluated.get(1).declarationId());
        long quiet = projectOf(evaluated.get(2).declarationId());

        // published at once, for anyone: the three approved projects, not the fourth, and nothing about people
        JsonObject notice = noticeOf(callId);
        long noticeId = notice.getJsonNumber("id").longValue();
        assertEquals(Set.of(objected, upheld, quiet), projectIds(notice));
        assertTrue(notice.getBoolean("open"));
        assertEquals(7, notice.getInt("periodDays"));
        JsonObject entry = notice.getJsonArray("projects").getJsonObject(0);
        assertEquals(Set.of("projectId", "enterpriseName", "projectName", "field", "approvedAmount", "agencyGrade"),
                entry.keySet(), "what a notice publishes of a project");
        assertEquals("500000.00", entry.getJsonNumber("approvedAmount").bigDecimalValue().toPlainString());
        assertEquals("1500000.00", notice.getJsonNumber("total").bigDecimalValue().toPlainString());

        // objections: every problem at once; another notice's or a not approved project is not on this one
        HttpResponse<String> bad = object(noticeId, null, " ", "", "太短");
        assertEquals(422, bad.statusCode(), bad.body());
        assertEquals("form.invalid", Http.json(bad).getString("code"));
        assertEquals(422, object(noticeId, 999_999_999L, "王五", "13900000000", "该项目不在公示中，测试用。").statusCode());
        assertEquals(404, object(999_999_999L, objected, "王五", "13900000000", "不存在的公示，测试用。").statusCode());

        HttpResponse<String> first = object(noticeId, objected, "张异议", "13812345678", "研发人员数量与社保记录不符，请核实。");
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> second = object(noticeId, upheld, "李异议", "li@example.com", "该项目与已结题项目内容重复。");
        assertEquals(201, second.statusCode(), second.body());

        // upheld: the approval withdrawn with the reason, the project off the notice, its amount no longer counted
        assertEquals(422, answer(id(second, "objectionId"), "upholding", " ").statusCode());
        HttpResponse<String> up = answer(id(second, "objectionId"), "upholding", "经核实，与已结题项目内容重复。");
        assertEquals(200, up.statusCode(), up.body());
        assertEquals("UPHELD", Http.json(up).getString("state"));
        assertEquals(409, answer(id(second, "objectionId"), "dismissal", "再次处理").statusCode());
        assertEquals("WITHDRAWN", state(upheld));
        assertEquals(Set.of(objected, quiet), projectIds(noticeOf(callId)));
        assertEquals("1000000.00", noticeOf(callId).getJsonNumber("total").bigDecimalValue().toPlainString());
        assertEquals(422, object(noticeId, upheld, "孙异议", "13500000000", "撤销后的项目不再受理异议。").statusCode());

        // three more from this address fill its hour; the sixth is refused
        List<Long> more = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = object(noticeId, objected, "赵异议" + i, "1370000000" + i, "补充异议材料第 " + i + " 份。");
            assertEquals(201, r.statusCode(), r.body());
            more.add(id(r, "objectionId"));
        }
        HttpResponse<String> limited = object(noticeId, quiet, "钱异议", "13600000000", "第六条异议，应被限流。");
        assertEquals(429, limited.statusCode(), limited.body());
        assertEquals("objection.tooMany", Http.json(limited).getString("code"));

        // objectors are never shown publicly; the reviewer reads them, nobody else
        String publicBody = http.get("api/v1/public/notices").body();
        for (String personal : List.of("张异议", "13812345678", "李异议", "li@example.com", "赵异议")) {
            assertFalse(publicBody.contains(personal), personal);
        }
        List<JsonObject> seen = objections(reviewer);
        JsonObject o1 = seen.stream().filter(o -> o.getJsonNumber("id").longValue() == id(first, "objectionId"))
                .findFirst().orElseThrow();
        assertEquals("张异议", o1.getString("objectorName"));
        assertEquals("13812345678", o1.getString("contact"));
        assertEquals("OPEN", o1.getString("state"));
        assertEquals(403, http.get("api/v1/objections", Http.bearer(evaluated.get(0).enterpriseToken())).statusCode());
        assertEquals(401, http.get("api/v1/objections").statusCode());

        // the upheld project's timeline has the objection and its answer; nobody sees the objector, the enterprise not
        // the objection's text
        for (String token : List.of(reviewer, evaluated.get(1).enterpriseToken())) {
            HttpResponse<String> t = http.get("api/v1/projects/" + upheld + "/timeline", Http.bearer(token));
            assertEquals(200, t.statusCode(), t.body());
            List<JsonObject> entries = ((jakarta.json.JsonArray) Http.jsonOf(t)).getValuesAs(JsonObject.class);
            assertEquals(1, entries.stream().filter(e -> e.getString("what").equals("timeline.objection")).count(), t.body());
            assertEquals(1, entries.stream().filter(e -> e.getString("what").equals("timeline.objectionAnswered")).count());
            for (String personal : List.of("李异议", "li@example.com")) {
                assertFalse(t.body().contains(personal), personal + " in " + t.body());
            }
            assertEquals(token.equals(reviewer), t.body().contains("该项目与已结题项目内容重复"), "the text: the bureau's only");
        }

        // the period's end: 7 calendar days from the next day in Beijing, at most 9 days away; a late objection refused
        moveClock(Duration.ofHours(2).plusDays(9));
        HttpResponse<String> late = object(noticeId, quiet, "周异议", "13400000000", "期满后的异议应被拒绝。");
        assertEquals(409, late.statusCode(), late.body());
        assertEquals("objection.periodOver", Http.json(late).getString("code"));
        assertFalse(noticeOf(callId).getBoolean("open"));

        // two runs of the end check at once: released together while the quiet project's row is held, so that both are
        // inside their transactions before either can commit; the notice closes once and each project moves once
        List<PublicityEndCheck.NoticeEnd> ends = raceTheEnd(noticeId, quiet);
        assertEquals(1, ends.stream().filter(PublicityEndCheck.NoticeEnd::closedByThisRun).count(), ends.toString());
        PublicityEndCheck.NoticeEnd closing = ends.stream().filter(PublicityEndCheck.NoticeEnd::closedByThisRun)
                .findFirst().orElseThrow();
        assertEquals(List.of(quiet), closing.publicized());
        assertEquals(List.of(objected), closing.waiting());
        assertEquals("PUBLICIZED", state(quiet));
        assertEquals(1, queryLong("select count(*) from certificate where certificate_type = 'APPROVAL_NOTICE' and project_id = ?",
                quiet), "立项通知书 issued when the period ends clear");
        assertEquals(0, queryLong("select count(*) from certificate where project_id = ?", objected), "held: no notice yet");
        assertEquals("APPROVED", state(objected), "an open objection holds it");
        assertEquals("WITHDRAWN", state(upheld));
        assertEquals(1, queryLong("select count(*) from project_transition where project_id = ? and to_state = 'PUBLICIZED'", quiet));
        HttpResponse<String> again = http.postJson("api/v1/test/publicity-end", "", Http.bearer(token("admin")));
        assertEquals(200, again.statusCode(), again.body());
        assertFalse(again.body().contains("\"noticeId\":" + noticeId + ","), "closed once: " + again.body());

        // the waiting project goes on when its last open objection is dismissed, not before
        assertEquals(200, answer(id(first, "objectionId"), "dismissal", "经核实，社保记录与申报一致。").statusCode());
        for (int i = 0; i < more.size(); i++) {
            assertEquals("APPROVED", state(objected), "objections still open: " + (more.size() - i));
            assertEquals(200, answer(more.get(i), "dismissal", "与第一条异议相同，已核实。").statusCode());
        }
        assertEquals("PUBLICIZED", state(objected));
        assertEquals(1, queryLong("select count(*) from project_transition where project_id = ? and to_state = 'PUBLICIZED'", objected));
        assertEquals(1, queryLong("select count(*) from certificate where certificate_type = 'APPROVAL_NOTICE' and project_id = ?",
                objected), "立项通知书 issued when its last objection is dismissed");
        assertEquals(0, queryLong("select count(*) from certificate where project_id = ?", upheld), "withdrawn: none");
    }

    /**
     * Both runs of the end check start together and block: this test holds the project's row, so the first run waits
     * there with the notice closed, and the second waits on the notice's row (or, without the guard, on the project's
     * row too). Once both are seen waiting in H2's sessions, the row is let go.
     */
    private List<PublicityEndCheck.NoticeEnd> raceTheEnd(long noticeId, long heldProject) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, threads);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement ps = holder.prepareStatement("select id from project where id = ? for update")) {
                ps.setLong(1, heldProject);
                ps.executeQuery().close();
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<PublicityEndCheck.NoticeEnd>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return endCheck.end(noticeId);
                }));
            }
            go.countDown();
            Instant deadline = Instant.now().plusSeconds(5); // under the data source's lock timeout of 10 s
            while (blockedSessions() < 2 && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            holder.commit();
            List<PublicityEndCheck.NoticeEnd> ends = new ArrayList<>();
            for (Future<PublicityEndCheck.NoticeEnd> run : runs) {
                ends.add(run.get(60, TimeUnit.SECONDS));
            }
            return ends;
        } finally {
            pool.shutdownNow();
        }
    }

    private long blockedSessions() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from information_schema.sessions where blocker_id is not null");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
