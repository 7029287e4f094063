package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.innofund.identity.application.People;
import org.innofund.identity.application.PersonView;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator's corrections through the API: a user's name, department and roles on the version read, the
 * user list's filters, the last administrator kept, and a blacklist entry ended early. Everyone else gets 403.
 */
@ExtendWith(ArquillianExtension.class)
class UserAdministrationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(UserAdministrationIT.class, TestData.class, Http.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    private final Http http = new Http();

    private static String roles(String... roles) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String role : roles) {
            list.add(role);
        }
        return list.build().toString();
    }

    private static String edit(long version, String name, String department, String rolesJson) {
        return "{\"version\":" + version + ",\"displayName\":\"" + name + "\",\"department\":\"" + department
                + "\",\"roles\":" + rolesJson + "}";
    }

    private static long id(JsonObject o) {
        return o.getJsonNumber("id").longValue();
    }

    private static long version(JsonObject o) {
        return o.getJsonNumber("version").longValue();
    }

    /** PUT of a user's name, department and roles, on the version of the user as the API last answered it. */
    private HttpResponse<String> editUser(String admin, JsonObject user, String name, String department, String... roles) {
        return http.putJson("api/v1/admin/users/" + id(user), edit(version(user), name, department, roles(roles)),
                Http.bearer(admin));
    }

    private static List<JsonObject> users(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return ((JsonArray) Http.jsonOf(response)).getValuesAs(JsonObject.class);
    }

    private static Set<String> usernames(HttpResponse<String> response) {
        return users(response).stream().map(u -> u.getString("username")).collect(Collectors.toSet());
    }

    /** A new reviewer of the bureau; its JSON as the API answered. */
    private JsonObject newReviewer(String admin) {
        String username = TestData.newUsername("wf");
        long bureau = ((JsonArray) Http.jsonOf(http.get("api/v1/admin/organisations?role=REVIEWER", Http.bearer(admin))))
                .getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> created = http.postJson("api/v1/admin/users", Json.createObjectBuilder()
                .add("username", username).add("displayName", "王芳").add("role", "REVIEWER")
                .add("organisationId", bureau).add("password", "Bearbeiter#2026!").build().toString(), Http.bearer(admin));
        assertEquals(201, created.statusCode(), created.body());
        return Http.json(created);
    }

    private boolean audited(String admin, String action, String target) {
        return Http.jsonOf(http.get("api/v1/admin/audit?action=" + action + "&max=500", Http.bearer(admin))).toString()
                .contains("\"" + target + "\"");
    }

    @Test
    @RunAsClient
    void theAdministratorEditsNameDepartmentAndRolesOnTheVersionRead() {
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        JsonObject user = newReviewer(admin);
        String username = user.getString("username");
        long id = id(user);
        long version = version(user);
        String path = "api/v1/admin/users/" + id;

        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        HttpResponse<String> notAdmin = http.putJson(path, edit(version, "张三", "计划科", roles("ADMIN")), Http.bearer(reviewer));
        assertEquals(403, notAdmin.statusCode(), notAdmin.body());

        HttpResponse<String> edited = http.putJson(path, edit(version, " 王芳 ", " 高新技术科 ", roles("REVIEWER", "APPROVER")),
                Http.bearer(admin));
        assertEquals(200, edited.statusCode(), edited.body());
        JsonObject after = Http.json(edited);
        assertEquals("王芳", after.getString("displayName"));
        assertEquals("高新技术科", after.getString("department"));
        assertEquals(Set.of("REVIEWER", "APPROVER"), after.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).collect(Collectors.toSet()));
        assertTrue(version(after) > version);
        assertTrue(audited(admin, "USER_EDIT", "user:" + username), "the edit is in the audit trail");

        HttpResponse<String> stale = http.putJson(path, edit(version, "王芳", "计划科", roles("REVIEWER")), Http.bearer(admin));
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals("request.conflict", Http.json(stale).getString("code"));

        long current = version(after);
        HttpResponse<String> unknownRole = http.putJson(path, edit(current, "王芳", "", roles("ROOT")), Http.bearer(admin));
        assertEquals(400, unknownRole.statusCode(), unknownRole.body());
        HttpResponse<String> enterpriseRole = http.putJson(path, edit(current, "王芳", "", roles("REVIEWER", "ENTERPRISE")),
                Http.bearer(admin));
        assertEquals(422, enterpriseRole.statusCode(), enterpriseRole.body());
        assertEquals("user.roleDoesNotFitOrganisation", Http.json(enterpriseRole).getString("code"));
        HttpResponse<String> none = http.putJson(path, edit(current, "王芳", "", roles()), Http.bearer(admin));
        assertEquals("user.noRole", Http.json(none).getString("code"));
        HttpResponse<String> noVersion = http.putJson(path, "{\"displayName\":\"王芳\",\"roles\":[\"REVIEWER\"]}", Http.bearer(admin));
        assertEquals(422, noVersion.statusCode(), noVersion.body());
    }

    @Test
    @RunAsClient
    void theUserListIsFilteredByRoleOrganisationAndStatus() {
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        JsonObject user = newReviewer(admin);
        String username = user.getString("username");
        long id = id(user);
        String token = http.token(username, "Bearbeiter#2026!");
        assertEquals(200, http.get("api/v1/bureau/calls", Http.bearer(token)).statusCode(), "a reviewer's list");
        assertEquals(200, editUser(admin, user, "王芳", "", "FINANCE").statusCode());
        assertEquals(403, http.get("api/v1/bureau/calls", Http.bearer(token)).statusCode(),
                "the token issued before answers to the new roles at once");

        Set<String> finance = usernames(http.get("api/v1/admin/users?role=FINANCE", Http.bearer(admin)));
        assertTrue(finance.contains(username) && finance.contains("finance"), finance.toString());
        assertFalse(finance.contains("reviewer"), finance.toString());
        assertFalse(usernames(http.get("api/v1/admin/users?role=REVIEWER", Http.bearer(admin))).contains(username));

        String bureau = user.getString("organisationName");
        Set<String> ofTheBureau = usernames(http.get("api/v1/admin/users?organisation="
                + java.net.URLEncoder.encode(bureau.substring(1, 4), java.nio.charset.StandardCharsets.UTF_8), Http.bearer(admin)));
        assertTrue(ofTheBureau.contains(username) && ofTheBureau.contains("approver"), ofTheBureau.toString());
        assertFalse(ofTheBureau.contains("enterprise1"), ofTheBureau.toString());

        assertTrue(usernames(http.get("api/v1/admin/users?status=ACTIVE&role=FINANCE", Http.bearer(admin))).contains(username));
        assertEquals(204, http.postJson("api/v1/admin/users/" + id + "/disable", "", Http.bearer(admin)).statusCode());
        Set<String> disabled = usernames(http.get("api/v1/admin/users?status=DISABLED", Http.bearer(admin)));
        assertTrue(disabled.contains(username), disabled.toString());
        assertFalse(disabled.contains("admin"));
        assertFalse(usernames(http.get("api/v1/admin/users?status=ACTIVE", Http.bearer(admin))).contains(username));
        assertEquals(403, http.get("api/v1/admin/users?status=ACTIVE", Http.bearer(http.token("finance", TestData.DEMO_PASSWORD)))
                .statusCode());
    }

    /**
     * With every other administrator disabled for the moment, the demo administrator is the last one: they cannot
     * give up the ADMIN role (409). The other administrators (one made here, so that there is one to disable) are
     * enabled again afterwards.
     */
    @Test
    void theLastEnabledAdministratorKeepsTheAdminRole() throws SQLException {
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        JsonObject self = users(http.get("api/v1/admin/users?role=ADMIN", Http.bearer(admin))).stream()
                .filter(u -> u.getString("username").equals("admin")).findFirst().orElseThrow();
        JsonObject other = newReviewer(admin);
        String second = other.getString("username");
        assertEquals(200, editUser(admin, other, "李娜", "办公室", "ADMIN").statusCode());

        List<Long> disabled = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select u.id from user_account u join user_role r on r.user_id = u.id "
                    + "where r.role = 'ADMIN' and u.enabled = 1 and u.username <> 'admin'")) {
                while (rs.next()) {
                    disabled.add(rs.getLong(1));
                }
            }
            String ids = disabled.stream().map(String::valueOf).collect(Collectors.joining(","));
            s.executeUpdate("update user_account set enabled = 0 where id in (" + ids + ")");
            try {
                HttpResponse<String> last = editUser(admin, self, self.getString("displayName"), "", "REVIEWER");
                assertEquals(409, last.statusCode(), last.body());
                assertEquals("user.lastAdministrator", Http.json(last).getString("code"));
            } finally {
                s.executeUpdate("update user_account set enabled = 1 where id in (" + ids + ")");
            }
        }
        assertTrue(users(http.get("api/v1/admin/users?role=ADMIN", Http.bearer(admin))).stream()
                .anyMatch(u -> u.getString("username").equals("admin")), "still an administrator");
    }

    @Test
    @RunAsClient
    void anEntryEndedEarlyKeepsItsPeriodAndNoLongerHoldsFromToday() {
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String uscc = TestData.newUscc();
        HttpResponse<String> listed = http.postJson("api/v1/admin/integrity", Json.createObjectBuilder()
                .add("subjectKind", "ENTERPRISE").add("uscc", uscc).add("subjectName", "提前结束测试企业")
                .add("reason", "虚报研发费用").add("validFrom", today.minusDays(10).toString())
                .add("validUntil", today.plusYears(1).toString()).build().toString(), Http.bearer(admin));
        assertEquals(201, listed.statusCode(), listed.body());
        JsonObject entry = Http.json(listed);
        long id = id(entry);
        long version = version(entry);
        assertTrue(entry.getBoolean("inForce") && entry.getBoolean("endable"), entry.toString());
        String path = "api/v1/admin/integrity/" + id + "/end";

        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        assertEquals(403, http.postJson(path, "{\"version\":" + version + ",\"reason\":\"x\"}", Http.bearer(reviewer)).statusCode());
        HttpResponse<String> blank = http.postJson(path, "{\"version\":" + version + ",\"reason\":\"  \"}", Http.bearer(admin));
        assertEquals(422, blank.statusCode(), blank.body());
        assertEquals("integrity.endReason", Http.json(blank).getString("code"));
        HttpResponse<String> stale = http.postJson(path, "{\"version\":" + (version + 1) + ",\"reason\":\"已整改\"}", Http.bearer(admin));
        assertEquals(409, stale.statusCode(), stale.body());

        HttpResponse<String> ended = http.postJson(path, "{\"version\":" + version + ",\"reason\":\" 已整改，经复核撤销 \"}",
                Http.bearer(admin));
        assertEquals(200, ended.statusCode(), ended.body());
        JsonObject after = Http.json(ended);
        assertEquals(today.toString(), after.getString("endedOn"));
        assertEquals("admin", after.getString("endedBy"));
        assertEquals("已整改，经复核撤销", after.getString("endReason"));
        assertEquals(today.minusDays(10).toString(), after.getString("validFrom"), "the original period stays");
        assertEquals(today.plusYears(1).toString(), after.getString("validUntil"));
        assertFalse(after.getBoolean("inForce"));
        assertFalse(after.getBoolean("endable"));
        assertTrue(audited(admin, "INTEGRITY_END", "integrity:" + id));

        HttpResponse<String> again = http.postJson(path, "{\"version\":" + version(after)
                + ",\"reason\":\"再次\"}", Http.bearer(admin));
        assertEquals(409, again.statusCode(), again.body());
        assertEquals("integrity.alreadyEnded", Http.json(again).getString("code"));
        JsonObject listedAfter = ((JsonArray) Http.jsonOf(http.get("api/v1/admin/integrity", Http.bearer(admin))))
                .getValuesAs(JsonObject.class).stream().filter(e -> id(e) == id).findFirst().orElseThrow();
        assertEquals(today.toString(), listedAfter.getString("endedOn"));
    }

    @EJB
    private People people;

    /** Item 5's lookup: user names (in any case) and ids resolve to name and department; an unknown name stays itself. */
    @Test
    void userNamesAndIdsResolveToPeopleWithTheirDepartment() {
        String admin = http.token("admin", TestData.DEMO_PASSWORD);
        JsonObject user = newReviewer(admin);
        String username = user.getString("username");
        long id = id(user);
        assertEquals(200, editUser(admin, user, "王芳", "高新技术科", "REVIEWER").statusCode());

        Map<String, PersonView> byName = people.byUsernames(Arrays.asList(username.toUpperCase(Locale.ROOT), null, "(unknown)"));
        assertEquals(List.of(username, "(unknown)"), List.copyOf(byName.keySet()));
        PersonView person = byName.get(username);
        assertEquals("王芳", person.displayName());
        assertEquals("高新技术科", person.department());
        assertEquals("高新技术科", person.seenByEnterprise());
        assertTrue(person.known());
        assertFalse(byName.get("(unknown)").known());
        assertEquals("(unknown)", byName.get("(unknown)").displayName());

        Map<Long, PersonView> byId = people.byIds(List.of(id, -1L));
        assertEquals(Set.of(id), byId.keySet());
        assertEquals(username, byId.get(id).username());
        PersonView noDepartment = people.byUsername("admin"); // the demo's bureau users have departments, the administrator none
        assertTrue(noDepartment.known());
        assertEquals(noDepartment.organisationName(), noDepartment.seenByEnterprise(), "the bureau, without a department");
    }
}
