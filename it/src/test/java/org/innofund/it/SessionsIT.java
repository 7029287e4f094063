package org.innofund.it;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A crawler gets no HTTP session: public pages, a failed login, a refused registration and the language switch answer
 * anonymous visitors without one (every session costs heap for 30 minutes), while a logged-in user keeps a server-side
 * session and server-side view state. Page posts from another site are refused.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SessionsIT {

    private static final String SESSION_COOKIE = "JSESSIONID";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.product();
    }

    private static long publishedCallId() {
        JsonArray calls = (JsonArray) Http.jsonOf(new Http().get("api/v1/calls"));
        return calls.getValuesAs(JsonObject.class).get(0).getJsonNumber("id").longValue();
    }

    @Test
    void publicPagesCreateNoSessionForAnonymousVisitors() {
        List<String> pages = List.of("", "index.xhtml", "call.xhtml?id=" + publishedCallId(), "register.xhtml", "login.xhtml");
        for (String page : pages) {
            Http crawler = new Http();
            for (int visit = 1; visit <= 2; visit++) {
                HttpResponse<String> r = crawler.get(page);
                assertEquals(200, r.statusCode(), page);
                assertNoSession(r, crawler, page + " (visit " + visit + ")");
            }
        }
    }

    @Test
    void aFailedLoginCreatesNoSessionAndSaysWhy() {
        Http visitor = new Http();
        String username = TestData.newUsername("nobody");
        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> r = postLogin(visitor, username, "wrong-password-" + attempt);
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("用户名或密码错误"), r.body());
            assertNoSession(r, visitor, "failed login " + attempt);
        }
    }

    @Test
    void aRefusedRegistrationCreatesNoSessionAndSaysWhy() {
        Http visitor = new Http();
        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> page = visitor.get("register.xhtml");
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("jakarta.faces.partial.ajax", "true");
            fields.put("jakarta.faces.source", "registerForm:submit");
            fields.put("jakarta.faces.partial.execute", "registerForm");
            fields.put("jakarta.faces.partial.render", "registerForm messages");
            fields.put("registerForm:submit", "registerForm:submit");
            fields.put("registerForm", "registerForm");
            fields.put("registerForm:companyName", "无会话测试科技有限公司");
            fields.put("registerForm:uscc", TestData.withWrongCheck(TestData.newUscc()));
            fields.put("registerForm:contactName", "测试员");
            fields.put("registerForm:contactPhone", "0574-12345678");
            fields.put("registerForm:username", TestData.newUsername("nosession"));
            fields.put("registerForm:password", "no-session-password-1");
            fields.put("registerForm:passwordRepeat", "no-session-password-1");
            fields.put("jakarta.faces.ViewState", Http.viewState(page.body()));
            HttpResponse<String> r = post(visitor, "register.xhtml", withNonce(fields, page), "Faces-Request", "partial/ajax");
            assertEquals(200, r.statusCode());
            assertTrue(r.body().contains("校验位"), "the refusal names the rule: " + r.body());
            assertNoSession(r, visitor, "refused registration " + attempt);
        }
    }

    @Test
    void theLanguageSwitchKeepsEnglishWithoutASession() {
        Http visitor = new Http();
        HttpResponse<String> page = visitor.get("index.xhtml");
        HttpResponse<String> switched = post(visitor, "index.xhtml", withNonce(Map.of(
                "langForm", "langForm",
                "langForm:langEn", "langForm:langEn",
                "jakarta.faces.ViewState", Http.viewState(page.body())), page));
        assertEquals(302, switched.statusCode(), switched.body());
        assertNoSession(switched, visitor, "language switch");
        for (String path : List.of("index.xhtml", "login.xhtml")) {
            HttpResponse<String> english = visitor.get(path);
            assertTrue(english.body().contains("lang=\"en\""), path + " is in English now");
            assertNoSession(english, visitor, path + " in English");
        }
    }

    @Test
    void aLoggedInUserKeepsAServerSideSessionAndViewState() {
        Http user = new Http();
        HttpResponse<String> login = user.formLogin("enterprise1", TestData.DEMO_PASSWORD);
        assertEquals(302, login.statusCode(), login.body());
        String session = user.cookie(SESSION_COOKIE);
        assertNotNull(session, "the login opens a session");
        for (String path : List.of("enterprise/home.xhtml", "index.xhtml")) {
            HttpResponse<String> r = user.get(path);
            assertEquals(200, r.statusCode(), path);
            assertNotEquals("stateless", Http.viewState(r.body()), path + ": the view state stays on the server");
            assertEquals(session, user.cookie(SESSION_COOKIE), path + ": the same session");
        }
    }

    @Test
    void aPagePostFromAnotherSiteIsRefused() {
        Http victim = new Http();
        HttpResponse<String> page = victim.get("login.xhtml");
        Map<String, String> login = loginFields("enterprise1", TestData.DEMO_PASSWORD, page);
        HttpResponse<String> forged = post(victim, "login.xhtml", login, "Origin", "http://attacker.example");
        assertEquals(403, forged.statusCode());
        assertNull(victim.cookie(SESSION_COOKIE), "not logged in by another site");

        HttpResponse<String> own = post(victim, "login.xhtml", login,
                "Origin", Http.uri("").toString().replaceAll("(//[^/]+).*", "$1"));
        assertEquals(302, own.statusCode(), "a post from the product's own pages goes through");
    }

    private static HttpResponse<String> postLogin(Http visitor, String username, String password) {
        HttpResponse<String> page = visitor.get("login.xhtml");
        assertNoSession(page, visitor, "login page");
        return post(visitor, "login.xhtml", loginFields(username, password, page));
    }

    private static Map<String, String> loginFields(String username, String password, HttpResponse<String> loginPage) {
        return withNonce(Map.of("loginForm", "loginForm", "loginForm:username", username, "loginForm:password", password,
                "loginForm:submit", "", "jakarta.faces.ViewState", Http.viewState(loginPage.body())), loginPage);
    }

    /** The fields plus the page's CSP nonce, which PrimeFaces' script posts with every form and the server checks. */
    private static Map<String, String> withNonce(Map<String, String> fields, HttpResponse<String> page) {
        Map<String, String> all = new java.util.HashMap<>(fields);
        String nonce = Http.cspNonce(page.body());
        if (nonce != null) {
            all.put("primefaces.nonce", nonce);
        }
        return all;
    }

    private static HttpResponse<String> post(Http http, String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(Http.uri(path)).header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertNoSession(HttpResponse<String> r, Http client, String what) {
        List<String> setCookies = r.headers().allValues("Set-Cookie");
        assertFalse(setCookies.stream().anyMatch(c -> c.startsWith(SESSION_COOKIE)), what + " created a session: " + setCookies);
        assertNull(client.cookie(SESSION_COOKIE), what + ": no session cookie held");
    }
}
