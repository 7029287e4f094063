package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.json.Json;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Third-party evaluation's assignments end to end (issue 10): the reviewer assigns an accepted declaration; only its
 * agency sees it, and the declaration's content only after the conflict declaration; every refusal reason over the API;
 * one open assignment per declaration and stage under a race; overdue by the server's movable clock.
 */
@ExtendWith(ArquillianExtension.class)
class AssignmentIT {

    private static final String PASSWORD = "assign-password-1";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(AssignmentIT.class, DeclarationLifeIT.class, DeclarationIT.class, Http.class,
                TestData.class, TestFiles.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    DataSource dataSource;

    private final Http http = new Http();

    @AfterEach
    void putTheClockBack() {
        HttpResponse<String> back = http.putJson("api/v1/test/clock", "{\"offset\":\"PT0S\"}",
                Http.bearer(http.token("admin", TestData.DEMO_PASSWORD)));
        assertEquals(200, back.statusCode(), back.body());
    }

    // --- helpers (EvaluationBatchIT uses them too) ---

    /** An agency of its own: a fresh organisation (the admin registers agencies as organisations) and one AGENCY user. */
    record Agency(long id, String uscc, String username, String token) {
    }

    Agency newAgency() throws SQLException {
        String uscc = TestData.newUscc();
        long id;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select innofund_seq.nextval from dual");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("insert into organisation (id, kind, name, uscc, created_at) "
                    + "values (?, 'AGENCY', ?, ?, current_timestamp)")) {
                ps.setLong(1, id);
                ps.setString(2, "测试评估机构" + id);
                ps.setString(3, uscc);
                ps.executeUpdate();
            }
        }
        String username = TestData.newUsername("agency");
        HttpResponse<String> user = http.postJson("api/v1/admin/users", Json.createObjectBuilder().add("username", username)
                .add("displayName", "评估员").add("role", "AGENCY").add("organisationId", id).add("password", PASSWORD)
                .build().toString(), Http.bearer(http.token("admin", TestData.DEMO_PASSWORD)));
        assertEquals(201, user.statusCode(), user.body());
        return new Agency(id, uscc, username, http.token(username, PASSWORD));
    }

    /** A declaration submitted by a new enterprise and accepted by the reviewer: its detail. */
    JsonObject acceptedDeclaration(String enterpriseUscc) {
        String enterprise = http.registerEnterprise(TestData.newUsername("assign"), enterpriseUscc, PASSWORD);
        DeclarationLifeIT life = new DeclarationLifeIT();
        JsonObject submitted = life.submitted(enterprise, life.completeDraft(enterprise));
        HttpResponse<String> accepted = http.postJson("api/v1/review/declarations/" + Http.declarationId(submitted)
                + "/acceptance", "{\"version\":" + Http.declarationVersion(submitted) + "}", Http.bearer(reviewer()));
        assertEquals(200, accepted.statusCode(), accepted.body());
        return submitted;
    }

    String reviewer() {
        return http.token("reviewer", TestData.DEMO_PASSWORD);
    }

    HttpResponse<String> assign(String token, long agencyId, LocalDate dueOn, long... declarationIds) {
        return assign(token, "APPROVAL", agencyId, dueOn, declarationIds);
    }

    HttpResponse<String> assign(String token, String stage, long agencyId, LocalDate dueOn, long... declarationIds) {
        var ids = Json.createArrayBuilder();
        for (long id : declarationIds) {
            ids.add(id);
        }
        return http.postJson("api/v1/assignments", Json.createObjectBuilder().add("declarationIds", ids)
                .add("stage", stage).add("agencyId", agencyId).add("dueOn", dueOn.toString()).build().toString(),
                Http.bearer(token));
    }

    private JsonObject assigned(long agencyId, long declarationId) {
        HttpResponse<String> r = assign(reviewer(), agencyId, TODAY.plusDays(30), declarationId);
        assertEquals(200, r.statusCode(), r.body());
        return ((JsonArray) Http.jsonOf(r)).getJsonObject(0);
    }

    HttpResponse<String> declare(String token, JsonObject assignment, boolean conflict, String reason) {
        var body = Json.createObjectBuilder().add("version", assignment.getJsonNumber("version").longValue())
                .add("conflict", conflict);
        if (reason != null) {
            body.add("reason", reason);
        }
        return http.postJson("api/v1/assignments/" + assignment.getJsonNumber("id").longValue() + "/conflict-declaration",
                body.build().toString(), Http.bearer(token));
    }

    /** Every route of an assignment, as an agency calls them: the status codes. */
    private List<Integer> everyRoute(String token, JsonObject assignment) {
        long id = assignment.getJsonNumber("id").longValue();
        return List.of(http.get("api/v1/assignments/" + id, Http.bearer(token)).statusCode(),
                http.get("api/v1/assignments/" + id + "/declaration", Http.bearer(token)).statusCode(),
                declare(token, assignment, false, null).statusCode(),
                http.get("api/v1/declarations/" + assignment.getJsonNumber("declarationId").longValue(),
                        Http.bearer(token)).statusCode());
    }

    long count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<String> fieldCodes(HttpResponse<String> r) {
        return Http.json(r).getJsonArray("fields").getValuesAs(JsonObject.class).stream()
                .map(f -> f.getString("field") + " " + f.getString("code")).toList();
    }

    // --- tests ---

    @Test
    void anotherAgencyFindsNothingBeforeOrAfterTheDeclarationAndTheContentOpensOnlyAfterIt() throws SQLException {
        Agency mine = newAgency();
        Agency other = newAgency();
        JsonObject declaration = acceptedDeclaration(TestData.newUscc());
        JsonObject a = assigned(mine.id(), Http.declarationId(declaration));
        long id = a.getJsonNumber("id").longValue();

        assertEquals(List.of(404, 404, 404, 404), everyRoute(other.token(), a), "another agency, before the declaration");
        assertTrue(count("select count(*) from audit_entry where action = 'ASSIGNMENT_ACCESS' and target = ?",
                "assignment:" + id) >= 3, "each attempt audited");

        HttpResponse<String> own = http.get("api/v1/assignments/" + id, Http.bearer(mine.token()));
        assertEquals(200, own.statusCode(), own.body());
        assertEquals("OFFERED", Http.json(own).getString("state"));
        assertFalse(Http.json(own).getString("enterpriseName").isBlank(), "the enterprise's name is shown");
        assertEquals(404, http.get("api/v1/assignments/" + id + "/declaration", Http.bearer(mine.token())).statusCode(),
                "content hidden until the conflict declaration");
        assertEquals(404, http.get("api/v1/declarations/" + Http.declarationId(declaration), Http.bearer(mine.token()))
                .statusCode(), "by the declaration's own route too");
        String file = "api/v1/declarations/" + Http.declarationId(declaration) + "/attachments/"
                + declaration.getJsonArray("attachments").getJsonObject(0).getJsonNumber("id").longValue();
        assertEquals(404, http.getBytes(file, Http.bearer(mine.token())).statusCode(), "its files too");
        JsonArray listed = (JsonArray) Http.jsonOf(http.get("api/v1/assignments?state=OFFERED", Http.bearer(mine.token())));
        assertTrue(listed.getValuesAs(JsonObject.class).stream().anyMatch(x -> x.getJsonNumber("id").longValue() == id));
        assertTrue(((JsonArray) Http.jsonOf(http.get("api/v1/assignments", Http.bearer(other.token())))).isEmpty());

        HttpResponse<String> stale = declare(mine.token(), Json.createObjectBuilder(a).add("version",
                a.getJsonNumber("version").longValue() - 1).build(), false, null);
        assertEquals(409, stale.statusCode(), stale.body());
        HttpResponse<String> declared = declare(mine.token(), a, false, null);
        assertEquals(200, declared.statusCode(), declared.body());
        assertEquals("IN_EVALUATION", Http.json(declared).getString("state"));
        assertFalse(Http.json(declared).getString("conflictStatement").isBlank());
        HttpResponse<String> content = http.get("api/v1/assignments/" + id + "/declaration", Http.bearer(mine.token()));
        assertEquals(200, content.statusCode(), content.body());
        assertEquals(Http.declarationId(declaration), Http.declarationId(Http.json(content)));
        assertEquals(200, http.get("api/v1/declarations/" + Http.declarationId(declaration), Http.bearer(mine.token()))
                .statusCode(), "the declaration's own access check asks the evaluation context (AgencyReadGrant)");
        assertEquals(200, http.getBytes(file, Http.bearer(mine.token())).statusCode(), "and its files open with it");
        assertEquals(404, http.getBytes(file, Http.bearer(other.token())).statusCode(), "not for another agency");

        assertEquals(List.of(404, 404, 404, 404), everyRoute(other.token(), Http.json(declared)), "another agency, after");
    }

    @Test
    void aConflictGoesBackToTheReviewerWhoReassignsKeepingTheHistory() throws SQLException {
        Agency first = newAgency();
        Agency second = newAgency();
        JsonObject a = assigned(first.id(), Http.declarationId(acceptedDeclaration(TestData.newUscc())));
        long id = a.getJsonNumber("id").longValue();
        assertEquals(422, declare(first.token(), a, true, " ").statusCode(), "a conflict needs its reason");
        HttpResponse<String> conflict = declare(first.token(), a, true, "三年内曾为该企业提供咨询");
        assertEquals(200, conflict.statusCode(), conflict.body());
        assertEquals("CONFLICT_DECLARED", Http.json(conflict).getString("state"));
        assertEquals(404, http.get("api/v1/assignments/" + id + "/declaration", Http.bearer(first.token())).statusCode());

        HttpResponse<String> reassigned = http.postJson("api/v1/assignments/" + id + "/reassignment",
                Json.createObjectBuilder().add("version", Http.json(conflict).getJsonNumber("version").longValue())
                        .add("agencyId", second.id()).add("dueOn", TODAY.plusDays(20).toString())
                        .add("reason", "原机构申请回避").build().toString(), Http.bearer(reviewer()));
        assertEquals(200, reassigned.statusCode(), reassigned.body());
        JsonObject successor = Http.json(reassigned);
        assertEquals("OFFERED", successor.getString("state"));
        assertEquals(id, successor.getJsonNumber("replacesId").longValue());
        assertEquals(200, http.get("api/v1/assignments/" + successor.getJsonNumber("id").longValue(),
                Http.bearer(second.token())).statusCode());
        assertEquals("REASSIGNED", Http.json(http.get("api/v1/assignments/" + id, Http.bearer(reviewer()))).getString("state"));
        assertEquals(404, http.get("api/v1/assignments/" + id, Http.bearer(second.token())).statusCode());
    }

    @Test
    void everyRefusalIsNamedPerDeclarationAndNothingIsAssigned() throws SQLException {
        String enterpriseUscc = TestData.newUscc();
        JsonObject declaration = acceptedDeclaration(enterpriseUscc);
        long declarationId = Http.declarationId(declaration);
        long enterpriseId = declaration.getJsonObject("summary").getJsonNumber("enterpriseId").longValue();
        JsonObject other = acceptedDeclaration(TestData.newUscc());

        // (the same-USCC refusal cannot be reached over the API: uk_organisation_uscc keeps an agency from holding an
        // enterprise's code; AssignmentCheckTest covers the rule)
        Agency tied = newAgency();
        HttpResponse<String> tie = http.postJson("api/v1/relationships", Json.createObjectBuilder()
                .add("agencyId", tied.id()).add("enterpriseId", enterpriseId).add("kind", "CONSULTING_CONTRACT")
                .add("source", "合同编号 ZX-2024-031").add("since", TODAY.minusYears(1).toString()).build().toString(),
                Http.bearer(reviewer()));
        assertEquals(200, tie.statusCode(), tie.body());
        HttpResponse<String> related = assign(reviewer(), tied.id(), TODAY.plusDays(30), declarationId,
                Http.declarationId(other));
        assertEquals(422, related.statusCode(), related.body());
        assertEquals(List.of("declaration." + declarationId + " assignment.related"), fieldCodes(related));
        assertEquals(0, count("select count(*) from evaluation_assignment where agency_id = ?", tied.id()),
                "all or nothing: the other declaration was not assigned either");

        Agency blacklisted = newAgency();
        HttpResponse<String> listed = http.postJson("api/v1/admin/integrity", Json.createObjectBuilder()
                .add("subjectKind", "AGENCY").add("uscc", blacklisted.uscc()).add("subjectName", "测试评估机构")
                .add("reason", "出具虚假评估报告").add("validFrom", TODAY.toString())
                .add("validUntil", TODAY.plusYears(3).toString()).build().toString(),
                Http.bearer(http.token("admin", TestData.DEMO_PASSWORD)));
        assertEquals(201, listed.statusCode(), listed.body());
        HttpResponse<String> refused = assign(reviewer(), blacklisted.id(), TODAY.plusDays(30), declarationId);
        assertEquals(422, refused.statusCode(), refused.body());
        assertEquals(List.of("declaration." + declarationId + " assignment.agencyBlacklisted"), fieldCodes(refused));

        // the demo call is PRE_APPROVED: approval, midterm and acceptance, no performance evaluation
        HttpResponse<String> noSuchStage = assign(reviewer(), "PERFORMANCE", newAgency().id(), TODAY.plusDays(30),
                declarationId);
        assertEquals(422, noSuchStage.statusCode(), noSuchStage.body());
        assertEquals(List.of("declaration." + declarationId + " assignment.stageNotInCall"), fieldCodes(noSuchStage));

        HttpResponse<String> notAccepted = assign(reviewer(), tied.id(), TODAY.plusDays(30), 999_999_999L);
        assertEquals(422, notAccepted.statusCode(), notAccepted.body());
        assertEquals(403, assign(tied.token(), tied.id(), TODAY.plusDays(30), declarationId).statusCode(),
                "only the reviewer assigns");
    }

    @Test
    void twoReviewersAssigningTheSameDeclarationAtOnceMakeOneOpenAssignment() throws Exception {
        Agency one = newAgency();
        Agency two = newAgency();
        long declarationId = Http.declarationId(acceptedDeclaration(TestData.newUscc()));
        String token = reviewer();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (Agency agency : List.of(one, two)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return new Http().postJson("api/v1/assignments", Json.createObjectBuilder()
                            .add("declarationIds", Json.createArrayBuilder().add(declarationId)).add("stage", "APPROVAL")
                            .add("agencyId", agency.id()).add("dueOn", TODAY.plusDays(30).toString()).build().toString(),
                            Http.bearer(token));
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                codes.add(answer.get(60, TimeUnit.SECONDS).statusCode());
            }
            codes.sort(Integer::compare);
            assertEquals(200, codes.get(0), codes.toString());
            assertTrue(codes.get(1) == 409 || codes.get(1) == 422, "the other is refused: " + codes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, count("select count(*) from evaluation_assignment where declaration_id = ? and state <> 'REASSIGNED'",
                declarationId));
    }

    /** The server's clock moved 32 days on; tokens are asked for afresh after it (the old ones expired with it). */
    @Test
    void anAssignmentPastItsDueDateCountsAsOverdueForItsAgencyAndTheReviewer() throws SQLException {
        Agency agency = newAgency();
        JsonObject a = assigned(agency.id(), Http.declarationId(acceptedDeclaration(TestData.newUscc())));
        long before = Long.parseLong(http.get("api/v1/assignments/overdue-count", Http.bearer(agency.token())).body());
        long reviewerBefore = Long.parseLong(http.get("api/v1/assignments/overdue-count", Http.bearer(reviewer())).body());
        assertEquals(0, before);
        try {
            assertEquals(200, moveClock("P32D").statusCode());
            String agencyToken = http.token(agency.username(), PASSWORD);
            assertEquals(1, Long.parseLong(http.get("api/v1/assignments/overdue-count", Http.bearer(agencyToken)).body()));
            assertTrue(Long.parseLong(http.get("api/v1/assignments/overdue-count", Http.bearer(reviewer())).body()) > reviewerBefore);
            assertTrue(Http.json(http.get("api/v1/assignments/" + a.getJsonNumber("id").longValue(), Http.bearer(agencyToken)))
                    .getBoolean("overdue"));
        } finally {
            assertEquals(200, moveClock("PT0S").statusCode(), "the clock is put back for the other tests");
        }
    }

    private HttpResponse<String> moveClock(String offset) {
        return http.putJson("api/v1/test/clock", "{\"offset\":\"" + offset + "\"}",
                Http.bearer(http.token("admin", TestData.DEMO_PASSWORD)));
    }
}
