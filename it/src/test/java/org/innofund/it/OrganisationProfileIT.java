package org.innofund.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 单位信息 over the API (issue 9, item 11): an enterprise reads and corrects its own profile at the version it read;
 * another enterprise's profile is not found; name and USCC are not changed by it.
 */
@ExtendWith(ArquillianExtension.class)
class OrganisationProfileIT {

    private static final String PASSWORD = "profile-password-1";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(OrganisationProfileIT.class, TestData.class, Http.class);
    }

    private final Http http = new Http();

    private long organisationOf(String token) {
        return Http.json(http.get("api/v1/me", Http.bearer(token))).getJsonObject("organisation").getJsonNumber("id").longValue();
    }

    private static String change(long version, String address, String legalRepresentative, String contactName, String phone) {
        return Json.createObjectBuilder().add("version", version).add("address", address)
                .add("legalRepresentative", legalRepresentative).add("contactName", contactName).add("contactPhone", phone)
                .build().toString();
    }

    @Test
    @RunAsClient
    void anEnterpriseCorrectsItsOwnProfileAtTheVersionItRead() {
        String username = TestData.newUsername("profile");
        String uscc = TestData.newUscc();
        String token = http.registerEnterprise(username, uscc, PASSWORD);
        String path = "api/v1/organisations/" + organisationOf(token);

        HttpResponse<String> read = http.get(path, Http.bearer(token));
        assertEquals(200, read.statusCode(), read.body());
        JsonObject profile = Http.json(read);
        assertEquals(uscc, profile.getString("uscc"));
        JsonArray users = profile.getJsonArray("users");
        assertEquals(1, users.size(), "the user who registered");
        assertEquals(username, users.getJsonObject(0).getString("username"));
        assertTrue(users.getJsonObject(0).getBoolean("enabled"));
        long version = profile.getJsonNumber("version").longValue();

        HttpResponse<String> saved = http.putJson(path, change(version, "宁波市高新区聚贤路 587 号", "李建国", "王小明", "13800000000"),
                Http.bearer(token));
        assertEquals(200, saved.statusCode(), saved.body());
        JsonObject after = Http.json(saved);
        assertEquals("宁波市高新区聚贤路 587 号", after.getString("address"));
        assertEquals("李建国", after.getString("legalRepresentative"));
        assertEquals("王小明", after.getString("contactName"));
        assertEquals(profile.getString("name"), after.getString("name"), "the name is the bureau's to change");
        assertEquals(uscc, after.getString("uscc"));

        HttpResponse<String> stale = http.putJson(path, change(version, "别处", "李建国", "王小明", "13800000000"), Http.bearer(token));
        assertEquals(409, stale.statusCode(), "the version read before the save is stale: " + stale.body());
        HttpResponse<String> wrong = http.putJson(path, change(after.getJsonNumber("version").longValue(), "别处", "李建国", "",
                "abc"), Http.bearer(token));
        assertEquals(422, wrong.statusCode(), wrong.body());
        assertEquals("form.invalid", Http.json(wrong).getString("code"), "both problems at once: " + wrong.body());
        assertEquals("宁波市高新区聚贤路 587 号", Http.json(http.get(path, Http.bearer(token))).getString("address"),
                "the refusals changed nothing");

        JsonArray trail = (JsonArray) Http.jsonOf(http.get("api/v1/admin/audit?action=ORGANISATION_EDIT&max=500",
                Http.bearer(http.token("admin", TestData.DEMO_PASSWORD))));
        assertTrue(trail.getValuesAs(JsonObject.class).stream().anyMatch(e -> e.getString("target").equals("organisation:"
                + profile.getJsonNumber("id").longValue()) && e.getString("detail").equals(
                "address,legalRepresentative,contactName,contactPhone")), trail.toString());
    }

    @Test
    @RunAsClient
    void anotherEnterprisesProfileIsNotFound() {
        String mine = http.registerEnterprise(TestData.newUsername("profile"), TestData.newUscc(), PASSWORD);
        String theirs = http.registerEnterprise(TestData.newUsername("profile"), TestData.newUscc(), PASSWORD);
        String path = "api/v1/organisations/" + organisationOf(theirs);
        long version = Http.json(http.get(path, Http.bearer(theirs))).getJsonNumber("version").longValue();

        assertEquals(404, http.get(path, Http.bearer(mine)).statusCode());
        assertEquals(404, http.putJson(path, change(version, "冒名地址", "冒名", "冒名", "13800000000"), Http.bearer(mine)).statusCode());
        assertEquals(404, http.get("api/v1/organisations/999999999", Http.bearer(mine)).statusCode());
        assertEquals(403, http.get(path, Http.bearer(http.token("reviewer", TestData.DEMO_PASSWORD))).statusCode(),
                "a profile page is the enterprise's own");
        assertEquals(version, Http.json(http.get(path, Http.bearer(theirs))).getJsonNumber("version").longValue(),
                "nothing changed");
    }
}
