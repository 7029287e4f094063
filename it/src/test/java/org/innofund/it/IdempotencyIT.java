package org.innofund.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import org.innofund.platform.idempotency.IdempotencyKeys;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Idempotency-Key header against a real endpoint that creates something (POST /bureau/programs, the reviewer's):
 * the same request again is answered from the first, byte for byte, and creates nothing; another request with the key
 * is refused; 50 at once create one; another user's key is another key; after 24 hours (the test clock) the key is free.
 */
@ExtendWith(ArquillianExtension.class)
class IdempotencyIT {

    private static final String PROGRAMS = "api/v1/bureau/programs";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(IdempotencyIT.class, Http.class, TestData.class);
    }

    @Resource(lookup = "java:app/jdbc/innofund")
    private DataSource dataSource;

    @EJB
    private IdempotencyKeys keys;

    private final Http http = new Http();

    @AfterEach
    void putTheClockBack() {
        http.moveClock(Duration.ZERO);
    }

    private static String program(String name) {
        return Json.createObjectBuilder().add("name", name).add("subsidyKind", "REWARD").add("department", "高新技术科")
                .build().toString();
    }

    private HttpResponse<String> create(String token, String key, String name, String... more) {
        List<String> headers = new ArrayList<>(List.of(Http.bearer(token)));
        headers.addAll(List.of("Idempotency-Key", key));
        headers.addAll(List.of(more));
        return http.postJson(PROGRAMS, program(name), headers.toArray(String[]::new));
    }

    private long programs(String name) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from program where name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long storedKeys(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select count(*) from idempotency_key where idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean replayed(HttpResponse<String> r) {
        return r.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false);
    }

    @Test
    void theSameRequestIsAnsweredOnceAndAnotherWithTheKeyIsRefused() throws SQLException {
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String key = UUID.randomUUID().toString();
        String name = "幂等 " + key;

        HttpResponse<String> first = create(reviewer, key, name);
        assertEquals(201, first.statusCode(), first.body());
        assertFalse(replayed(first));
        HttpResponse<String> again = create(reviewer, key, name);
        assertEquals(201, again.statusCode(), again.body());
        assertTrue(replayed(again));
        assertEquals(first.body(), again.body(), "byte for byte");
        assertEquals(first.headers().firstValue("Content-Type"), again.headers().firstValue("Content-Type"));
        assertEquals(1, programs(name), "created once");
        // a new token of the same user: the key is the user's, not the token's
        HttpResponse<String> otherToken = create(http.token("reviewer", TestData.DEMO_PASSWORD), key, name);
        assertTrue(replayed(otherToken));
        assertEquals(first.body(), otherToken.body());

        // another body, query, content type or address with the key: 409, nothing created
        HttpResponse<String> otherBody = create(reviewer, key, name + "（改）", "Accept-Language", "en");
        assertEquals(409, otherBody.statusCode(), otherBody.body());
        assertEquals("idempotency.mismatch", Http.json(otherBody).getString("code"));
        assertTrue(Http.json(otherBody).getString("message").contains("different request"), otherBody.body());
        assertEquals(0, programs(name + "（改）"));
        HttpResponse<String> zh = create(reviewer, key, name + "（改）");
        assertTrue(Http.json(zh).getString("message").contains("幂等键"), zh.body());
        HttpResponse<String> otherQuery = http.postJson(PROGRAMS + "?x=1", program(name), "Authorization",
                "Bearer " + reviewer, "Idempotency-Key", key);
        assertEquals("idempotency.mismatch", Http.json(otherQuery).getString("code"));
        HttpResponse<String> otherPath = http.postJson("api/v1/bureau/calls", program(name), "Authorization",
                "Bearer " + reviewer, "Idempotency-Key", key);
        assertEquals(409, otherPath.statusCode(), otherPath.body());
        assertEquals("idempotency.mismatch", Http.json(otherPath).getString("code"));
        assertEquals(1, programs(name));

        // another user's same key is theirs: the approver may not create programs, and is told so (a 4xx is kept too)
        String approver = http.token("approver", TestData.DEMO_PASSWORD);
        HttpResponse<String> theirs = create(approver, key, name);
        assertEquals(403, theirs.statusCode(), theirs.body());
        assertFalse(replayed(theirs));
        HttpResponse<String> theirsAgain = create(approver, key, name);
        assertEquals(403, theirsAgain.statusCode());
        assertTrue(replayed(theirsAgain));
        assertEquals(theirs.body(), theirsAgain.body());
        assertEquals(1, programs(name));
        assertEquals(2, storedKeys(key));
    }

    @Test
    void aKeyMustBeWellFormedAndAnAnonymousCallCannotUseOne() {
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String name = "幂等 " + UUID.randomUUID();
        HttpResponse<String> tooLong = create(reviewer, "k".repeat(129), name);
        assertEquals(400, tooLong.statusCode(), tooLong.body());
        assertEquals("idempotency.keySyntax", Http.json(tooLong).getString("code"));
        HttpResponse<String> anonymous = http.postJson("api/v1/tokens", Http.tokenRequest("reviewer", TestData.DEMO_PASSWORD),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(400, anonymous.statusCode(), anonymous.body());
        assertEquals("idempotency.anonymous", Http.json(anonymous).getString("code"));
        // a GET is safe to repeat: the header changes nothing
        HttpResponse<String> read = http.get("api/v1/me", "Authorization", "Bearer " + reviewer, "Idempotency-Key", "k".repeat(129));
        assertEquals(200, read.statusCode(), read.body());
    }

    /** Fifty identical requests with one key, released together: one program, the others a replay or "in progress". */
    @Test
    void fiftyConcurrentRequestsWithOneKeyCreateOne() throws Exception {
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        String key = UUID.randomUUID().toString();
        String name = "幂等并发 " + key;
        int n = 50;
        CyclicBarrier barrier = new CyclicBarrier(n);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return create(reviewer, key, name);
                }));
            }
            List<HttpResponse<String>> all = new ArrayList<>();
            for (Future<HttpResponse<String>> a : answers) {
                all.add(a.get(120, TimeUnit.SECONDS));
            }
            Map<String, Long> outcomes = all.stream().collect(Collectors.groupingBy(r -> r.statusCode() + (replayed(r)
                    ? " replayed" : r.statusCode() == 409 ? " " + Http.json(r).getString("code") : ""), Collectors.counting()));
            System.out.println("50 concurrent requests with one key: " + outcomes);
            assertEquals(1, programs(name), "one program created: " + outcomes);
            assertEquals(1L, outcomes.get("201"), "one request ran: " + outcomes);
            assertEquals(n - 1, outcomes.getOrDefault("201 replayed", 0L) + outcomes.getOrDefault("409 idempotency.inProgress", 0L),
                    "the others replayed or in progress: " + outcomes);
            String created = all.stream().filter(r -> r.statusCode() == 201 && !replayed(r)).findFirst().orElseThrow().body();
            assertTrue(all.stream().filter(IdempotencyIT::replayed).map(HttpResponse::body).allMatch(created::equals));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Kept 24 hours by the server's clock: at 23:59 the first answer, at 24:00 a new request, and the old key pruned. */
    @Test
    void after24HoursTheKeyIsFreeAgainAndPruned() throws SQLException {
        String key = UUID.randomUUID().toString();
        String name = "幂等到期 " + key;
        HttpResponse<String> first = create(http.token("reviewer", TestData.DEMO_PASSWORD), key, name);
        assertEquals(201, first.statusCode(), first.body());

        http.moveClock(Duration.ofHours(23).plusMinutes(59));
        String reviewer = http.token("reviewer", TestData.DEMO_PASSWORD); // tokens expire with the move
        keys.prune();
        assertEquals(1, storedKeys(key), "kept until 24 hours");
        HttpResponse<String> stillKept = create(reviewer, key, name);
        assertTrue(replayed(stillKept));
        assertEquals(first.body(), stillKept.body());
        assertEquals(1, programs(name));

        http.moveClock(Duration.ofHours(24).plusMinutes(1));
        reviewer = http.token("reviewer", TestData.DEMO_PASSWORD);
        keys.prune();
        assertEquals(0, storedKeys(key), "pruned");
        HttpResponse<String> anew = create(reviewer, key, name);
        assertEquals(201, anew.statusCode(), anew.body());
        assertFalse(replayed(anew));
        assertFalse(first.body().equals(anew.body()), "another program: " + anew.body());
        assertEquals(2, programs(name));
        // a key past 24 hours that the timer has not pruned yet is ignored all the same
        http.moveClock(Duration.ofHours(48).plusMinutes(2));
        HttpResponse<String> third = create(http.token("reviewer", TestData.DEMO_PASSWORD), key, name + "（第三次）");
        assertEquals(201, third.statusCode(), third.body());
        assertFalse(replayed(third));
        assertEquals(1, storedKeys(key));
    }

    @Test
    void theOpenApiDocumentDescribesTheHeader() {
        HttpResponse<String> doc = http.send(HttpRequest.newBuilder(
                java.net.URI.create(Http.BASE.replaceFirst("/innofund/?$", "/openapi"))).GET());
        assertEquals(200, doc.statusCode());
        assertTrue(doc.body().contains("Idempotency-Key"), "the header is documented");
        assertTrue(doc.body().contains("#/components/parameters/IdempotencyKey"), "and referred to by the operations");
    }

}
