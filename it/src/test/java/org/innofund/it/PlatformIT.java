package org.innofund.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The server around the product, as an outsider sees it: admin port, server root, error pages, headers, expired pages. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {

    private static final String SERVER_ROOT = Http.BASE.replaceFirst("/innofund/?$", "/");
    private static final String ADMIN_APPLICATIONS = "http://localhost:4848/management/domain/applications/application";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.product();
    }

    private final Http http = new Http();

    private HttpResponse<String> getAbsolute(String url, String... headers) {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET(), headers);
    }

    // --- item 1: the admin port ---

    @Test
    void theAdminPortAnswersOnlyWithThePasswordAndOnlyOnTheLoopbackInterface() throws IOException {
        assertEquals(401, getAbsolute(ADMIN_APPLICATIONS, "Accept", "application/json").statusCode(), "anonymous");
        Path passwordFile = Path.of(System.getProperty("payara.admin.password.file"));
        String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        assertTrue(password.length() >= 20, "a generated password of at least 20 characters");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)));
        assertEquals(401, getAbsolute(ADMIN_APPLICATIONS, "Accept", "application/json", "Authorization", basic("admin", "")).statusCode(),
                "the empty password of a fresh Payara");
        assertEquals(401, getAbsolute(ADMIN_APPLICATIONS, "Accept", "application/json",
                "Authorization", basic("admin", password + "x")).statusCode(), "a wrong password");
        HttpResponse<String> admin = getAbsolute(ADMIN_APPLICATIONS, "Accept", "application/json", "Authorization", basic("admin", password));
        assertEquals(200, admin.statusCode());
        assertTrue(admin.body().contains("innofund"), admin.body());

        Optional<InetAddress> outside = nonLoopbackAddress();
        if (outside.isPresent()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside.get(), 4848), 3000);
                fail("the admin port answers on " + outside.get());
            } catch (ConnectException | SocketTimeoutException expected) {
                // refused: bound to 127.0.0.1 only
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside.get(), 8080), 3000); // the product itself is reachable there
            }
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }

    // --- item 11: the server root and pages outside the product ---

    @Test
    void theServerRootLeadsToTheProductAndNoPageNamesTheServer() {
        HttpResponse<String> root = getAbsolute(SERVER_ROOT);
        assertTrue(root.statusCode() == 301 || root.statusCode() == 302, "root: " + root.statusCode());
        assertTrue(root.headers().firstValue("Location").orElse("").endsWith("/innofund/"), root.headers().toString());

        List<HttpResponse<String>> answers = List.of(
                getAbsolute(SERVER_ROOT + "nonexistent"), getAbsolute(SERVER_ROOT + "index.html"),
                getAbsolute(SERVER_ROOT + "nonexistent.xhtml"), getAbsolute(SERVER_ROOT + "innofund/nonexistent"),
                http.get("no-such-page.xhtml"), root);
        for (HttpResponse<String> r : answers) {
            String page = r.body().toLowerCase();
            for (String name : List.of("payara", "glassfish", "grizzly", "6.2025")) {
                assertFalse(page.contains(name), r.uri() + " names " + name + ": " + r.body());
            }
            assertTrue(r.headers().firstValue("Server").isEmpty() && r.headers().firstValue("X-Powered-By").isEmpty(),
                    r.uri() + " " + r.headers());
        }
        for (HttpResponse<String> r : answers.subList(0, 4)) {
            assertEquals(404, r.statusCode(), r.uri().toString());
        }
        assertTrue(answers.get(0).body().contains("页面不存在 / Page not found"), answers.get(0).body());
    }

    // --- item 10: Content-Security-Policy and HSTS ---

    @Test
    void pagesCarryAContentSecurityPolicyWithANonceAndEveryAnswerTheBasePolicy() {
        HttpResponse<String> page = http.get("index.xhtml");
        assertEquals(200, page.statusCode());
        String scriptPolicy = page.headers().allValues("Content-Security-Policy").stream()
                .filter(p -> p.contains("script-src")).findFirst().orElseThrow(() -> new AssertionError(page.headers().toString()));
        assertTrue(scriptPolicy.matches(".*script-src 'self' 'nonce-[A-Za-z0-9+/=]+';?\\s*"), scriptPolicy);
        String nonce = scriptPolicy.replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertTrue(page.body().contains("nonce=\"" + nonce + "\""), "the page's scripts carry the nonce of the header");
        assertFalse(page.body().matches("(?s).*<script(?![^>]*nonce=)[^>]*>[^<]+</script>.*"), "no inline script without the nonce");

        for (HttpResponse<String> r : List.of(page, http.get("api/v1/calls"), http.get("no-such-page.xhtml"), http.get("login.xhtml"))) {
            String all = String.join("; ", r.headers().allValues("Content-Security-Policy"));
            for (String directive : List.of("object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'")) {
                assertTrue(all.contains(directive), r.uri() + " lacks " + directive + ": " + all);
            }
            assertFalse(all.contains("unsafe-inline") || all.contains("unsafe-eval"), all);
            assertTrue(r.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
        }
    }

    @Test
    void httpsAnswersCarryHsts() throws Exception {
        SSLContext trustAll = SSLContext.getInstance("TLS");
        trustAll.init(null, new TrustManager[]{new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            public void checkServerTrusted(X509Certificate[] chain, String authType) { } // Payara's self-signed test certificate
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, null);
        HttpsURLConnection connection = (HttpsURLConnection) new URL("https://localhost:8181/innofund/index.xhtml").openConnection();
        connection.setSSLSocketFactory(trustAll.getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        assertEquals(200, connection.getResponseCode());
        String hsts = connection.getHeaderField("Strict-Transport-Security");
        connection.disconnect();
        assertTrue(hsts != null && hsts.matches("max-age=\\d{7,}.*"), "HSTS: " + hsts);
    }

    // --- item 14: malformed ids and expired pages ---

    @Test
    void aMalformedIdShowsTheNotFoundPageNotAConverterMessage() {
        for (String path : List.of("call.xhtml?id=abc", "call.xhtml?id=1e3", "call.xhtml?id=99999999999999999999")) {
            HttpResponse<String> r = http.get(path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(r.body().contains("页面不存在"), path + ": " + r.body());
        }
        Http enterprise = new Http();
        enterprise.formLogin("enterprise1", TestData.DEMO_PASSWORD);
        HttpResponse<String> editor = enterprise.get("enterprise/declaration.xhtml?id=abc");
        assertEquals(404, editor.statusCode());
        assertTrue(editor.body().contains("页面不存在"), editor.body());
    }

    /** A form of reviewer's home page whose view state belongs to another session: as after a session timed out. */
    private static String expiredViewState(Http other) {
        Http first = new Http();
        first.formLogin("reviewer", TestData.DEMO_PASSWORD);
        String stale = Http.viewState(first.get("bureau/reviewer/home.xhtml").body());
        other.formLogin("reviewer", TestData.DEMO_PASSWORD);
        other.get("bureau/reviewer/home.xhtml");
        return stale;
    }

    private HttpResponse<String> post(Http client, String path, Map<String, String> fields, String... headers) {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(Http.uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aFormPostedAfterItsPageExpiredLeadsBackToThePageWithANotice() {
        Http browser = new Http();
        String page = Http.BASE + "bureau/reviewer/home.xhtml";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("langForm", "langForm");
        fields.put("langForm:langEn", "langForm:langEn");
        fields.put("jakarta.faces.ViewState", expiredViewState(browser));
        HttpResponse<String> r = post(browser, "bureau/reviewer/home.xhtml", fields, "Referer", page + "?tab=1");
        assertEquals(302, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/innofund/bureau/reviewer/home.xhtml?tab=1&expired=1"), location);

        HttpResponse<String> back = browser.send(HttpRequest.newBuilder(URI.create(location).isAbsolute()
                ? URI.create(location) : Http.uri(location.replaceFirst("^/innofund/", ""))).GET());
        assertEquals(200, back.statusCode());
        assertTrue(back.body().contains("页面已过期，请重试"), back.body());
    }

    @Test
    void anAjaxPostAfterItsPageExpiredIsRedirectedBackToThePage() {
        Http browser = new Http();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", "langForm:langEn");
        fields.put("jakarta.faces.partial.execute", "@all");
        fields.put("langForm", "langForm");
        fields.put("jakarta.faces.ViewState", expiredViewState(browser));
        HttpResponse<String> r = post(browser, "bureau/reviewer/home.xhtml", fields,
                "Faces-Request", "partial/ajax", "Referer", Http.BASE + "bureau/reviewer/home.xhtml");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("<redirect url=\"/innofund/bureau/reviewer/home.xhtml?expired=1\""), r.body());
    }

    // --- item 13: the banner ---

    @Test
    void theProductDoesNotAnnounceItselfWhileItIsStillDeploying() throws IOException {
        // The run command prints the banner once the product answers (ear/pom.xml); the application itself must not
        // claim to be running while its web module is still starting.
        // Payara rotates server.log as it grows: read the rotated files too.
        Path logs = Path.of(System.getProperty("payara.home"), "glassfish", "domains", "domain1", "logs");
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(logs)) {
            for (Path log : files.filter(f -> f.getFileName().toString().startsWith("server.log")).toList()) {
                all.append(Files.readString(log, StandardCharsets.UTF_8));
            }
        }
        String text = all.toString();
        assertTrue(text.contains("Demo data"), "the demo data was loaded into this domain");
        assertFalse(text.contains("InnoFund is running"));
    }
}
