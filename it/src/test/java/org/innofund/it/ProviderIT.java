package org.innofund.it;

import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.innofund.subsidy.application.ProviderFacts;
import org.innofund.subsidy.application.Providers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 服务机构库 end to end (issue 12): a provider registered by a reviewer is in publicity until the clock reaches its 7th
 * day; a suspension takes out exactly its days; every change carries the version read; the enterprises' controllers;
 * another role is refused.
 */
@ExtendWith(ArquillianExtension.class)
class ProviderIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(ProviderIT.class, Http.class, TestData.class);
    }

    @EJB
    Providers providers;

    private final Http http = new Http();

    @AfterEach
    void putTheClockBack() {
        http.moveClock(Duration.ZERO);
    }

    private String reviewer() {
        return http.token("reviewer", TestData.DEMO_PASSWORD);
    }

    private JsonObject register(String token, String uscc) {
        HttpResponse<String> r = http.postJson("api/v1/providers", Json.createObjectBuilder().add("uscc", uscc)
                .add("name", "检测中心 " + uscc).add("local", true).add("controller", "张三").build().toString(),
                Http.bearer(token));
        assertEquals(201, r.statusCode(), r.body());
        return Http.json(r);
    }

    /** The provider as the list shows it, asked with a new token (one taken before the clock moved has expired). */
    private JsonObject listed(String uscc) {
        HttpResponse<String> r = http.get("api/v1/providers", Http.bearer(reviewer()));
        assertEquals(200, r.statusCode(), r.body());
        return Http.jsonOf(r).asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("uscc").equals(uscc)).findFirst().orElseThrow();
    }

    @Test
    void aProviderIsListedOnlyOnceItsSevenDaysOfPublicityArePast() {
        String token = reviewer();
        String uscc = TestData.newUscc();
        JsonObject provider = register(token, uscc);
        LocalDate registered = LocalDate.parse(provider.getString("registeredOn"));
        assertEquals(registered.plusDays(7), LocalDate.parse(provider.getString("listedOn")));
        assertEquals("PUBLICITY", provider.getString("status"));
        assertFalse(providers.factsOn(uscc, registered.plusDays(6)).listed());
        assertEquals(new ProviderFacts(true, true, "张三"), providers.factsOn(uscc, registered.plusDays(7)));

        http.moveClock(Duration.ofDays(6));
        assertEquals("PUBLICITY", listed(uscc).getString("status"));
        http.moveClock(Duration.ofDays(7));
        assertEquals("LISTED", listed(uscc).getString("status"));

        token = reviewer();
        HttpResponse<String> twice = http.postJson("api/v1/providers", Json.createObjectBuilder().add("uscc", uscc)
                .add("name", "另一家").add("local", false).add("controller", "李四").build().toString(), Http.bearer(token));
        assertEquals(409, twice.statusCode(), twice.body());
        HttpResponse<String> badCode = http.postJson("api/v1/providers", Json.createObjectBuilder()
                .add("uscc", TestData.withWrongCheck(TestData.newUscc())).add("name", "某机构").add("local", false)
                .add("controller", "李四").build().toString(), Http.bearer(token));
        assertEquals(422, badCode.statusCode(), badCode.body());
        assertEquals("uscc.checkCharacter", Http.json(badCode).getString("code"));
    }

    @Test
    void aSuspendedProviderDoesNotCountOnItsDaysAndEveryChangeCarriesTheVersionRead() {
        String token = reviewer();
        String uscc = TestData.newUscc();
        JsonObject provider = register(token, uscc);
        long id = provider.getJsonNumber("id").longValue();
        LocalDate today = LocalDate.parse(provider.getString("registeredOn"));
        LocalDate from = today.plusDays(10);
        HttpResponse<String> suspended = http.postJson("api/v1/providers/" + id + "/suspensions", Json.createObjectBuilder()
                .add("from", from.toString()).add("until", from.plusDays(2).toString()).add("reason", "整改")
                .add("version", provider.getJsonNumber("version").longValue()).build().toString(), Http.bearer(token));
        assertEquals(200, suspended.statusCode(), suspended.body());
        assertTrue(providers.factsOn(uscc, from.minusDays(1)).listed());
        assertFalse(providers.factsOn(uscc, from).listed());
        assertFalse(providers.factsOn(uscc, from.plusDays(2)).listed());
        assertTrue(providers.factsOn(uscc, from.plusDays(3)).listed());

        // the version read before the suspension is stale now
        HttpResponse<String> stale = http.putJson("api/v1/providers/" + id, Json.createObjectBuilder()
                .add("name", "检测中心（更名）").add("local", false).add("controller", "张三")
                .add("version", provider.getJsonNumber("version").longValue()).build().toString(), Http.bearer(token));
        assertEquals(409, stale.statusCode(), stale.body());
        long current = Http.json(suspended).getJsonNumber("version").longValue();
        HttpResponse<String> edited = http.putJson("api/v1/providers/" + id, Json.createObjectBuilder()
                .add("name", "检测中心（更名）").add("local", false).add("controller", "张三")
                .add("version", current).build().toString(), Http.bearer(token));
        assertEquals(200, edited.statusCode(), edited.body());
        assertFalse(providers.factsOn(uscc, from.plusDays(3)).local());
        http.moveClock(Duration.ofDays(10));
        JsonObject shown = listed(uscc);
        assertEquals("SUSPENDED", shown.getString("status"));
        assertEquals(1, shown.getJsonArray("suspensions").size());
    }

    @Test
    void anEnterprisesControllerIsRecordedAndCorrectedWithItsVersion() {
        String token = reviewer();
        String uscc = TestData.newUscc();
        HttpResponse<String> recorded = http.putJson("api/v1/providers/controllers/" + uscc,
                "{\"controller\":\"王五\"}", Http.bearer(token));
        assertEquals(200, recorded.statusCode(), recorded.body());
        HttpResponse<String> noVersion = http.putJson("api/v1/providers/controllers/" + uscc,
                "{\"controller\":\"赵六\"}", Http.bearer(token));
        assertEquals(422, noVersion.statusCode(), noVersion.body());
        HttpResponse<String> corrected = http.putJson("api/v1/providers/controllers/" + uscc, Json.createObjectBuilder()
                .add("controller", "赵六").add("version", Http.json(recorded).getJsonNumber("version").longValue())
                .build().toString(), Http.bearer(token));
        assertEquals(200, corrected.statusCode(), corrected.body());
        assertEquals("赵六", providers.controllersAmong(java.util.List.of(uscc)).get(uscc));
    }

    @Test
    void onlyAReviewerKeepsTheRegistry() {
        String enterprise = http.token("enterprise1", TestData.DEMO_PASSWORD);
        assertEquals(403, http.get("api/v1/providers", Http.bearer(enterprise)).statusCode());
        String form = Json.createObjectBuilder().add("uscc", TestData.newUscc()).add("name", "某机构").add("local", true)
                .add("controller", "张三").build().toString();
        assertEquals(403, http.postJson("api/v1/providers", form, Http.bearer(enterprise)).statusCode());
        assertEquals(403, http.postJson("api/v1/providers", form,
                Http.bearer(http.token("approver", TestData.DEMO_PASSWORD))).statusCode());
        assertEquals(401, http.get("api/v1/providers").statusCode());
        assertEquals(403, http.putJson("api/v1/providers/controllers/" + TestData.newUscc(), "{\"controller\":\"王五\"}",
                Http.bearer(enterprise)).statusCode());
    }
}
