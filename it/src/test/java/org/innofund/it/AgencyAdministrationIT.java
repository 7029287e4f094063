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
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin's evaluation agencies over the API (issue 10): registration with the first user in one call, the reviewer's
 * view of the list, a duplicate USCC, suspension refusing assignment and resumption allowing it, stale versions.
 */
@ExtendWith(ArquillianExtension.class)
class AgencyAdministrationIT {

    private static final String PASSWORD = "agency-admin-pass-1";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(AgencyAdministrationIT.class, AssignmentIT.class, DeclarationLifeIT.class,
                DeclarationIT.class, Http.class, TestData.class, TestFiles.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    private String admin() {
        return http.token("admin", TestData.DEMO_PASSWORD);
    }

    private String reviewer() {
        return http.token("reviewer", TestData.DEMO_PASSWORD);
    }

    private static String registration(String uscc, String username) {
        return Json.createObjectBuilder().add("name", "测试评估机构 " + username).add("uscc", uscc)
                .add("qualification", "科技评估机构甲级资质").add("fields", Json.createArrayBuilder().add("SMART_APPLIANCES")
                        .add("AUTOMOTIVE"))
                .add("contactName", "陈主任").add("contactPhone", "0574-87654321")
                .add("users", Json.createArrayBuilder().add(Json.createObjectBuilder().add("username", username)
                        .add("displayName", "陈评估").add("password", PASSWORD))).build().toString();
    }

    private JsonObject registered(String uscc, String username) {
        HttpResponse<String> r = http.postJson("api/v1/agencies", registration(uscc, username), Http.bearer(admin()));
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r);
    }

    private static long id(JsonObject agency) {
        return agency.getJsonNumber("id").longValue();
    }

    private static long version(JsonObject agency) {
        return agency.getJsonNumber("version").longValue();
    }

    private HttpResponse<String> suspend(JsonObject agency, long version) {
        return http.postJson("api/v1/agencies/" + id(agency) + "/suspension",
                "{\"version\":" + version + ",\"reason\":\"评估报告质量经核查不合格\"}", Http.bearer(admin()));
    }

    private HttpResponse<String> assign(long agencyId, long declarationId) {
        return http.postJson("api/v1/assignments", Json.createObjectBuilder()
                .add("declarationIds", Json.createArrayBuilder().add(declarationId)).add("stage", "APPROVAL")
                .add("agencyId", agencyId).add("dueOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString())
                .build().toString(), Http.bearer(reviewer()));
    }

    private long users(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from user_account where username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void theRegisteredAgencysUserLogsInAndFindsNoAssignmentYet() {
        String username = TestData.newUsername("agency");
        JsonObject agency = registered(TestData.newUscc(), username);
        assertEquals("科技评估机构甲级资质", agency.getString("qualification"));
        assertEquals(2, agency.getJsonArray("fields").size());
        assertFalse(agency.getBoolean("suspended"));

        String token = http.token(username, PASSWORD);
        HttpResponse<String> mine = http.get("api/v1/assignments", Http.bearer(token));
        assertEquals(200, mine.statusCode(), mine.body());
        assertTrue(((JsonArray) Http.jsonOf(mine)).isEmpty());

        HttpResponse<String> seenByReviewer = http.get("api/v1/agencies", Http.bearer(reviewer()));
        assertEquals(200, seenByReviewer.statusCode(), seenByReviewer.body());
        JsonObject listed = ((JsonArray) Http.jsonOf(seenByReviewer)).getValuesAs(JsonObject.class).stream()
                .filter(a -> id(a) == id(agency)).findFirst().orElseThrow();
        assertEquals(2, listed.getJsonArray("fields").size());
        assertFalse(listed.containsKey("contactPhone") && !listed.isNull("contactPhone"), "the reviewer sees no contact");
        assertEquals(403, http.get("api/v1/agencies", Http.bearer(token)).statusCode(), "an agency does not list agencies");
    }

    @Test
    void onlyTheAdminRegistersAndAUsccTwiceIsRefusedWithNothingCreated() throws SQLException {
        String uscc = TestData.newUscc();
        String byReviewer = TestData.newUsername("agency");
        assertEquals(403, http.postJson("api/v1/agencies", registration(uscc, byReviewer), Http.bearer(reviewer())).statusCode());
        assertEquals(0, users(byReviewer));

        registered(uscc, TestData.newUsername("agency"));
        String second = TestData.newUsername("agency");
        HttpResponse<String> twice = http.postJson("api/v1/agencies", registration(uscc, second), Http.bearer(admin()));
        assertEquals(409, twice.statusCode(), twice.body());
        assertEquals("registration.usccTaken", Http.json(twice).getString("code"));
        assertEquals(0, users(second), "the refused registration's user is not created either");

        HttpResponse<String> bad = http.postJson("api/v1/agencies", registration(TestData.withWrongCheck(TestData.newUscc()),
                TestData.newUsername("agency")).replace("[\"SMART_APPLIANCES\",\"AUTOMOTIVE\"]", "[]"), Http.bearer(admin()));
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("uscc.checkCharacter") && bad.body().contains("agency.fieldsRequired"), bad.body());
    }

    @Test
    void aSuspendedAgencyIsRefusedWithTheReasonAndAResumedOneIsAssigned() {
        JsonObject agency = registered(TestData.newUscc(), TestData.newUsername("agency"));
        long declarationId = Http.declarationId(new AssignmentIT().acceptedDeclaration(TestData.newUscc()));

        HttpResponse<String> suspended = suspend(agency, version(agency));
        assertEquals(200, suspended.statusCode(), suspended.body());
        assertTrue(Http.json(suspended).getBoolean("suspended"));
        assertEquals("评估报告质量经核查不合格", Http.json(suspended).getString("suspensionReason"));
        assertEquals(409, suspend(agency, version(agency)).statusCode(), "a suspension on a stale version");

        HttpResponse<String> refused = assign(id(agency), declarationId);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("assignment.agencySuspended"), refused.body());

        HttpResponse<String> staleResume = http.postJson("api/v1/agencies/" + id(agency) + "/resumption",
                "{\"version\":" + version(agency) + "}", Http.bearer(admin()));
        assertEquals(409, staleResume.statusCode(), staleResume.body());
        HttpResponse<String> resumed = http.postJson("api/v1/agencies/" + id(agency) + "/resumption",
                "{\"version\":" + version(Http.json(suspended)) + "}", Http.bearer(admin()));
        assertEquals(200, resumed.statusCode(), resumed.body());
        assertFalse(Http.json(resumed).getBoolean("suspended"));

        HttpResponse<String> assigned = assign(id(agency), declarationId);
        assertEquals(200, assigned.statusCode(), assigned.body());
    }

    @Test
    void anEditCarriesTheVersionRead() {
        JsonObject agency = registered(TestData.newUscc(), TestData.newUsername("agency"));
        String edit = "{\"version\":%d,\"qualification\":\"乙级\",\"fields\":[\"NEW_MATERIALS\"],\"contactName\":\"%s\","
                + "\"contactPhone\":\"0574-11112222\"}";
        HttpResponse<String> edited = http.putJson("api/v1/agencies/" + id(agency), edit.formatted(version(agency), "陈主任"),
                Http.bearer(admin()));
        assertEquals(200, edited.statusCode(), edited.body());
        assertEquals(List.of("NEW_MATERIALS"), Http.json(edited).getJsonArray("fields").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("0574-11112222", Http.json(edited).getString("contactPhone"));

        assertTrue(version(Http.json(edited)) > version(agency), "the answer carries the version the next change names");
        HttpResponse<String> stale = http.putJson("api/v1/agencies/" + id(agency),
                edit.formatted(version(agency), "王主任"), Http.bearer(admin()));
        assertEquals(409, stale.statusCode(), stale.body());

        // a change of the contact alone moves the version too: a form read before it is stale
        JsonObject current = Http.json(edited);
        HttpResponse<String> contactOnly = http.putJson("api/v1/agencies/" + id(agency),
                edit.formatted(version(current), "王主任"), Http.bearer(admin()));
        assertEquals(200, contactOnly.statusCode(), contactOnly.body());
        assertTrue(version(Http.json(contactOnly)) > version(current), "the contact's change moved the version");
        HttpResponse<String> staleContact = http.putJson("api/v1/agencies/" + id(agency),
                edit.formatted(version(current), "赵主任"), Http.bearer(admin()));
        assertEquals(409, staleContact.statusCode(), staleContact.body());
    }
}
