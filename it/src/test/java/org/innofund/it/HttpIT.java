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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The product over HTTP, as a browser or an API client sees it: the API, sessions, headers, error pages, the audit chain. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HttpIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.product();
    }

    private final Http http = new Http();

    private String adminToken() {
        return http.token("admin", TestData.DEMO_PASSWORD);
    }

    /** Registers a fresh enterprise through the API; returns its user name. */
    private String registerEnterprise(String password) {
        String username = TestData.newUsername("ent");
        HttpResponse<String> r = http.postJson("api/v1/registrations", registration(username, TestData.newUscc(), password));
        assertEquals(201, r.statusCode(), r.body());
        return username;
    }

    private static String registration(String username, String uscc, String password) {
        return Json.createObjectBuilder().add("companyName", "测试企业" + username).add("uscc", uscc)
                .add("contactName", "联系人").add("contactPhone", "0574-12345678")
                .add("username", username).add("password", password).build().toString();
    }

    private long userId(String adminToken, String username) {
        JsonArray users = (JsonArray) Http.jsonOf(http.get("api/v1/admin/users", Http.bearer(adminToken)));
        return users.getValuesAs(JsonObject.class).stream().filter(u -> u.getString("username").equals(username))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    @Test
    void aTokenIsValidForEightHoursAndIdentifiesTheUserAndOrganisation() {
        Instant before = Instant.now();
        HttpResponse<String> r = http.postJson("api/v1/tokens", Http.tokenRequest("enterprise1", TestData.DEMO_PASSWORD));
        assertEquals(201, r.statusCode());
        JsonObject body = Http.json(r);
        Instant expiresAt = Instant.parse(body.getString("expiresAt"));
        assertTrue(Duration.between(before, expiresAt).compareTo(Duration.ofHours(8).minusMinutes(1)) > 0);
        assertTrue(Duration.between(before, expiresAt).compareTo(Duration.ofHours(8).plusMinutes(1)) < 0);

        JsonObject me = Http.json(http.get("api/v1/me", Http.bearer(body.getString("token"))));
        assertEquals("enterprise1", me.getString("username"));
        assertEquals(List.of("ENTERPRISE"), me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("ENTERPRISE", me.getJsonObject("organisation").getString("kind"));
        assertEquals(18, me.getJsonObject("organisation").getString("uscc").length());
    }

    @Test
    void apiErrorsAreJsonWithTheRightStatusInTheCallersLanguage() {
        assertError(http.postJson("api/v1/tokens", Http.tokenRequest("enterprise1", "not-the-password")), 401, "login.invalid");
        assertError(http.get("api/v1/me"), 401, "auth.required");
        assertError(http.get("api/v1/me", "Authorization", "Bearer forged-token"), 401, "auth.invalidToken");
        assertError(http.postJson("api/v1/tokens", "{not json"), 400, "request.malformed");
        assertError(http.get("api/v1/no-such-resource"), 404, "request.notFound");
        assertError(http.get("api/v1/tokens"), 405, "request.methodNotAllowed");
        String enterpriseToken = http.token("enterprise2", TestData.DEMO_PASSWORD);
        assertError(http.get("api/v1/admin/users", Http.bearer(enterpriseToken)), 403, "auth.forbidden");
        assertError(http.postJson("api/v1/registrations", registration(TestData.newUsername("x"), "91330282MA2H00001", "long-enough-pw")),
                422, "uscc.length");
        assertError(http.postJson("api/v1/registrations", registration(TestData.newUsername("x"), TestData.newUscc(), "short")),
                422, "password.tooShort");

        HttpResponse<String> english = http.get("api/v1/me", "Accept-Language", "en-US,en;q=0.9");
        assertEquals("Please log in first.", Http.json(english).getString("message"));
        HttpResponse<String> chinese = http.get("api/v1/me", "Accept-Language", "zh-CN");
        assertEquals("请先登录。", Http.json(chinese).getString("message"));
    }

    private static void assertError(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().toString());
        JsonObject body = Http.json(r);
        assertEquals(code, body.getString("code"));
        assertFalse(body.getString("message").isBlank());
        assertNoInternals(r);
    }

    private static final java.util.regex.Pattern STACK_FRAME = java.util.regex.Pattern.compile("\\.java:\\d+\\)|(?m)^\\s*at [\\w.$]+\\(");

    /** No stack frame, no server name or version in what a client receives. */
    private static void assertNoInternals(HttpResponse<String> r) {
        assertFalse(STACK_FRAME.matcher(r.body()).find(), "no stack trace from " + r.uri() + ": " + r.body());
        assertFalse(r.body().contains("Payara Server"), "no server version from " + r.uri());
    }

    @Test
    void theSameUsccCannotRegisterTwice() {
        String uscc = TestData.newUscc();
        assertEquals(201, http.postJson("api/v1/registrations",
                registration(TestData.newUsername("a"), uscc, "long-enough-pw")).statusCode());
        assertError(http.postJson("api/v1/registrations", registration(TestData.newUsername("b"), uscc, "long-enough-pw")),
                409, "registration.usccTaken");
        assertError(http.postJson("api/v1/registrations", registration(TestData.newUsername("c"), TestData.withWrongCheck(TestData.newUscc()),
                "long-enough-pw")), 422, "uscc.checkCharacter");
    }

    @Test
    void fiveFailedTokenRequestsLockTheAccountUntilAnAdministratorUnlocksIt() {
        String username = registerEnterprise("right-password-1");
        for (int i = 0; i < 4; i++) {
            assertError(http.postJson("api/v1/tokens", Http.tokenRequest(username, "wrong-password")), 401, "login.invalid");
        }
        assertError(http.postJson("api/v1/tokens", Http.tokenRequest(username, "wrong-password")), 401, "login.locked");
        assertError(http.postJson("api/v1/tokens", Http.tokenRequest(username, "right-password-1")), 401, "login.locked");
        // a name that does not exist locks alike: the answer does not tell which names exist
        String ghost = TestData.newUsername("ghost");
        for (int i = 0; i < 5; i++) {
            http.postJson("api/v1/tokens", Http.tokenRequest(ghost, "wrong-password"));
        }
        assertError(http.postJson("api/v1/tokens", Http.tokenRequest(ghost, "wrong-password")), 401, "login.locked");

        String admin = adminToken();
        assertEquals(204, http.postJson("api/v1/admin/users/" + userId(admin, username) + "/unlock", "", Http.bearer(admin)).statusCode());
        assertNotNull(http.token(username, "right-password-1"));
    }

    @Test
    void parallelLoginsNeverForkOrBreakTheAuditChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Callable<Integer>> logins = new ArrayList<>();
            for (int i = 0; i < 36; i++) {
                boolean good = i % 3 != 0;
                String user = good ? (i % 2 == 0 ? "enterprise1" : "reviewer") : TestData.newUsername("bad");
                logins.add(() -> new Http().postJson("api/v1/tokens",
                        Http.tokenRequest(user, good ? TestData.DEMO_PASSWORD : "wrong-password")).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(logins)) {
                int status = f.get();
                assertTrue(status == 201 || status == 401, "status " + status);
            }
        } finally {
            pool.shutdownNow();
        }
        String admin = adminToken();
        JsonObject result = Http.json(http.postJson("api/v1/admin/audit/verification", "", Http.bearer(admin)));
        assertTrue(result.getBoolean("intact"), result.toString());
        assertTrue(result.getJsonNumber("checkedEntries").longValue() >= 36);
        JsonArray recent = (JsonArray) Http.jsonOf(http.get("api/v1/admin/audit?action=LOGIN&max=36", Http.bearer(admin)));
        assertEquals(36, recent.size());
        // the action filter is the list of known actions: a name outside it is a bad request, not an empty answer
        var unknown = http.get("api/v1/admin/audit?action=login", Http.bearer(admin));
        assertEquals(400, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("action"), unknown.body());
    }

    @Test
    void disablingAUserEndsTheirSessionAndRevokesTheirTokens() {
        String username = registerEnterprise("right-password-2");
        String token = http.token(username, "right-password-2");
        Http browser = new Http();
        assertEquals(302, browser.formLogin(username, "right-password-2").statusCode());
        assertEquals(200, browser.get("enterprise/home.xhtml").statusCode());

        String admin = adminToken();
        assertEquals(204, http.postJson("api/v1/admin/users/" + userId(admin, username) + "/disable", "", Http.bearer(admin)).statusCode());

        assertError(http.get("api/v1/me", Http.bearer(token)), 401, "auth.invalidToken");
        HttpResponse<String> page = browser.get("enterprise/home.xhtml");
        assertEquals(302, page.statusCode());
        assertTrue(page.headers().firstValue("Location").orElse("").contains("login.xhtml"));
        assertError(http.postJson("api/v1/tokens", Http.tokenRequest(username, "right-password-2")), 401, "login.disabled");
    }

    @Test
    void anAdministratorCreatesABureauUserAndResetsTheirPassword() {
        String admin = adminToken();
        JsonArray bureaus = (JsonArray) Http.jsonOf(http.get("api/v1/admin/organisations?role=REVIEWER", Http.bearer(admin)));
        long bureauId = bureaus.getJsonObject(0).getJsonNumber("id").longValue();
        String username = TestData.newUsername("rev");
        String body = Json.createObjectBuilder().add("username", username).add("displayName", "新审核员").add("role", "REVIEWER")
                .add("organisationId", bureauId).add("password", "initial-password-1").build().toString();
        HttpResponse<String> created = http.postJson("api/v1/admin/users", body, Http.bearer(admin));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(List.of("REVIEWER"), Http.json(created).getJsonArray("roles").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        String token = http.token(username, "initial-password-1");

        // an enterprise is no place for a reviewer, and enterprises register themselves
        String wrongOrg = Json.createObjectBuilder().add("username", TestData.newUsername("x")).add("displayName", "x")
                .add("role", "ENTERPRISE").add("organisationId", bureauId).add("password", "initial-password-1").build().toString();
        assertError(http.postJson("api/v1/admin/users", wrongOrg, Http.bearer(admin)), 422, "user.enterpriseRegistersItself");
        assertError(http.postJson("api/v1/admin/users", body, Http.bearer(admin)), 409, "registration.usernameTaken");
        // only an administrator may do it
        assertError(http.postJson("api/v1/admin/users", body, Http.bearer(token)), 403, "auth.forbidden");

        long id = Http.json(created).getJsonNumber("id").longValue();
        assertError(http.postJson("api/v1/admin/users/" + id + "/password", "{\"password\":\"short\"}", Http.bearer(admin)),
                422, "password.tooShort");
        assertEquals(204, http.postJson("api/v1/admin/users/" + id + "/password", "{\"password\":\"second-password-2\"}",
                Http.bearer(admin)).statusCode());
        assertError(http.get("api/v1/me", Http.bearer(token)), 401, "auth.invalidToken");
        assertError(http.postJson("api/v1/tokens", Http.tokenRequest(username, "initial-password-1")), 401, "login.invalid");
        assertNotNull(http.token(username, "second-password-2"));
        JsonArray audit = (JsonArray) Http.jsonOf(http.get("api/v1/admin/audit?username=admin&max=20", Http.bearer(admin)));
        List<String> actions = audit.getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
        assertTrue(actions.containsAll(List.of("USER_CREATE", "USER_PASSWORD_RESET")), actions.toString());
    }

    @Test
    void theSessionCookieIsProtectedOpenedAtLoginAndEndedAtLogout() {
        Http browser = new Http();
        HttpResponse<String> loginPage = browser.get("login.xhtml");
        assertNull(browser.cookie("JSESSIONID"), "the login page opens no session (SessionsIT)");
        HttpResponse<String> login = browser.formLogin("reviewer", TestData.DEMO_PASSWORD);
        assertEquals(302, login.statusCode(), login.body());
        String setCookie = String.join("\n", login.headers().allValues("Set-Cookie"));
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.toLowerCase().contains("samesite=lax"), setCookie);
        assertNotNull(browser.cookie("JSESSIONID"), "the login opens the session");
        assertTrue(loginPage.body().contains("jakarta.faces.ViewState"));

        HttpResponse<String> home = browser.get("bureau/reviewer/home.xhtml");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("业务科室工作台"));

        HttpResponse<String> logout = browser.postForm("bureau/reviewer/home.xhtml", java.util.Map.of(
                "logoutForm", "logoutForm", "logoutForm:logout", "", "jakarta.faces.ViewState", Http.viewState(home.body())));
        assertEquals(302, logout.statusCode());
        assertEquals(302, browser.get("bureau/reviewer/home.xhtml").statusCode(), "after logout the page asks for a login again");
    }

    @Test
    void pagesAreGuardedByRoleAndErrorsShowNoInternals() {
        HttpResponse<String> anonymous = http.get("admin/home.xhtml");
        assertEquals(302, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Location").orElse("").contains("login.xhtml"));

        Http reviewer = new Http();
        reviewer.formLogin("reviewer", TestData.DEMO_PASSWORD);
        HttpResponse<String> forbidden = reviewer.get("admin/home.xhtml");
        assertEquals(403, forbidden.statusCode());
        assertTrue(forbidden.body().contains("无权访问"), forbidden.body());

        HttpResponse<String> missing = http.get("no-such-page.xhtml");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("页面不存在"));
        for (HttpResponse<String> r : List.of(forbidden, missing, http.get("index.xhtml"), http.get("api/v1/calls"))) {
            assertNoInternals(r);
            assertTrue(r.headers().firstValue("X-Powered-By").isEmpty(), "no X-Powered-By on " + r.uri());
            assertTrue(r.headers().firstValue("Server").isEmpty(), "no Server header on " + r.uri());
        }
    }

    @Test
    void theApiIsDescribedByAnOpenApiDocument() {
        HttpResponse<String> doc = http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(Http.BASE.replaceFirst("/innofund/?$", "/openapi"))).GET());
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().contains("/tokens"), doc.body().substring(0, Math.min(400, doc.body().length())));
        assertTrue(doc.body().contains("/me"));
    }

    @Test
    void publishedCallsAreListedForEveryone() {
        JsonArray calls = (JsonArray) Http.jsonOf(http.get("api/v1/calls"));
        List<String> kinds = calls.getValuesAs(JsonObject.class).stream().map(c -> c.getString("subsidyKind")).toList();
        assertTrue(kinds.containsAll(List.of("PRE_APPROVED", "RD_INVESTMENT", "REWARD", "SHARED_SERVICE")), kinds.toString());
    }

    @Test
    void loginsRegistrationsAndTokensAreAudited() {
        String username = registerEnterprise("right-password-3");
        http.token(username, "right-password-3");
        String admin = adminToken();
        JsonArray entries = (JsonArray) Http.jsonOf(http.get("api/v1/admin/audit?username=" + username, Http.bearer(admin)));
        List<String> actions = entries.getValuesAs(JsonObject.class).stream().map(e -> e.getString("action")).toList();
        assertTrue(actions.containsAll(List.of("REGISTER", "LOGIN", "TOKEN_ISSUE")), actions.toString());
        JsonObject register = entries.getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("REGISTER")).findFirst().orElseThrow();
        assertEquals("SUCCESS", register.getString("outcome"));
        assertFalse(register.getString("clientAddress", "").isBlank(), "the client address is recorded");
        assertEquals(64, register.getString("entryHash").length());
    }
}
